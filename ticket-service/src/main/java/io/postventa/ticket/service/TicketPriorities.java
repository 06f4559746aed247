package io.postventa.ticket.service;

import io.postventa.events.common.ContactReason;
import io.postventa.events.common.OrderStatus;
import io.postventa.events.contacts.ContactChannel;
import io.postventa.events.contacts.TicketPriority;
import io.postventa.ticket.domain.KnownOrder;
import io.postventa.ticket.domain.PriorityInput;
import io.postventa.ticket.domain.Ticket;
import jakarta.enterprise.context.ApplicationScoped;

/** A ticket's priority by the stored priority rules: its reason and channel, and what the service knows of its order. */
@ApplicationScoped
public class TicketPriorities {
    private final RuleStore rules;

    public TicketPriorities(RuleStore rules) {
        this.rules = rules;
    }

    public TicketPriority of(Ticket t) {
        KnownOrder order = t.orderId == null ? null : KnownOrder.findById(t.orderId);
        boolean repeat = order != null && order.purchaseNumber != null && order.purchaseNumber > 1;
        boolean delayed = order != null && (order.delayed || order.status == OrderStatus.EXCEPTION);
        return rules.current().priorityRules().evaluate(new PriorityInput(ContactReason.valueOf(t.reason),
                t.channel == null ? null : ContactChannel.valueOf(t.channel), repeat, order == null ? null : order.total,
                delayed));
    }
}
