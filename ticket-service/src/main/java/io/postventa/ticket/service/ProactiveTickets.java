package io.postventa.ticket.service;

import java.util.Locale;
import java.util.Map;

import io.postventa.events.common.ContactReason;
import io.postventa.events.contacts.ReasonSource;
import io.postventa.events.contacts.TicketOrigin;
import io.postventa.ticket.domain.Customer;
import io.postventa.ticket.domain.KnownOrder;
import io.postventa.web.Texts;
import io.postventa.ticket.domain.Ticket;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

/** Tickets opened before the customer writes: an order that is late or ran into a shipment exception. */
@ApplicationScoped
@Transactional(Transactional.TxType.MANDATORY)
public class ProactiveTickets {
    private final TicketOpening opening;
    private final TicketMessages messages;
    private final Texts texts;

    public ProactiveTickets(TicketOpening opening, TicketMessages messages, Texts texts) {
        this.opening = opening;
        this.messages = messages;
        this.texts = texts;
    }

    /** Opens a ticket about a late order before the customer writes, unless one is already open. */
    public void open(KnownOrder order, TicketOrigin origin, String noteKey, Map<String, String> values) {
        opening.lockOrder(order.orderId);
        boolean open = Ticket.count("orderId = ?1 and mergedInto is null and status in " + TicketSql.ACTIVE_LITERALS,
                order.orderId) > 0;
        if (open) {
            return;
        }
        Customer customer = order.customerId == null ? null : Customer.findById(order.customerId);
        String language = customer != null && customer.language != null ? customer.language
                : order.locale != null ? order.locale.substring(0, 2).toLowerCase(Locale.ROOT) : null;
        String note = texts.get(language, noteKey, values);
        Ticket t = opening.open(new TicketOpening.NewTicket(ContactReason.WHERE_IS_MY_ORDER, ReasonSource.SYSTEM, null,
                origin, order.customerId, customer == null ? null : customer.email,
                customer == null ? null : customer.phone, order.orderId, note, language), null);
        messages.system(t, "system", note);
    }
}
