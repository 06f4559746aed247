package io.postventa.ticket.service;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

import io.postventa.events.contacts.ContactChannel;
import io.postventa.events.contacts.ReopenTrigger;
import io.postventa.events.contacts.SlaTarget;
import io.postventa.ticket.domain.SlaPolicy;
import io.postventa.ticket.domain.Ticket;
import io.postventa.ticket.domain.TicketMessage;
import io.postventa.ticket.domain.TicketMessageKind;
import io.postventa.ticket.domain.TicketStatus;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

/**
 * The two sides of a conversation as they move a ticket: a public reply (the first stops the first-response clock)
 * and the customer writing again (a pending or solved ticket opens again).
 */
@ApplicationScoped
@Transactional(Transactional.TxType.MANDATORY)
public class TicketReplies {
    private final Clock clock;
    private final TicketMessages messages;
    private final SlaTracking sla;
    private final TicketEvents events;

    public TicketReplies(Clock clock, TicketMessages messages, SlaTracking sla, TicketEvents events) {
        this.clock = clock;
        this.messages = messages;
        this.sla = sla;
        this.events = events;
    }

    /**
     * A public reply (by an agent, or automatic) publishes ticket.replied; the first one also stops the
     * first-response clock and publishes ticket.first-response; a NEW ticket becomes OPEN.
     */
    public TicketMessage reply(Ticket t, String agentId, String body, boolean automatic, String procedureId) {
        return reply(t, agentId, body, automatic, procedureId, messages.answeredChannel(t));
    }

    /**
     * A public reply that goes out on {@code channel}: the channel of the contact it answers, which the reply's
     * message records and ticket.replied carries so the customer is answered where they wrote.
     */
    public TicketMessage reply(Ticket t, String agentId, String body, boolean automatic, String procedureId,
            ContactChannel channel) {
        t.requireWritable();
        TicketMessage m = messages.add(t, automatic ? TicketMessageKind.AUTO_REPLY : TicketMessageKind.PUBLIC_REPLY,
                automatic ? "system" : agentId, body, channel == null ? null : channel.name(), null, null,
                procedureId, null);
        Instant now = m.createdAt;
        SlaPolicy policy = sla.policyOf(t);
        boolean firstReply = t.firstResponseAt == null;
        events.replied(t, m, automatic, firstReply, agentId, channel);
        if (firstReply) {
            t.firstResponseAt = now;
            Duration elapsed = t.slaClock().elapsed(policy.calendar(), now);
            boolean within = elapsed.compareTo(policy.firstResponse(t.priority)) <= 0;
            if (!within && !t.firstResponseBreached) {
                sla.breach(t, SlaTarget.FIRST_RESPONSE, t.firstResponseDueAt, now);
            }
            events.firstResponse(t, now, elapsed, within && !t.firstResponseBreached, automatic, agentId);
        }
        t.answered();
        sla.refresh(t, policy, now);
        return m;
    }

    /** The customer wrote again: a pending or solved ticket opens again (solved ones publish ticket.reopened). */
    public void customerWrote(Ticket t) {
        TicketStatus before = t.customerWrote();
        if (t.status() == before) {
            return;
        }
        Instant now = clock.instant();
        if (before == TicketStatus.SOLVED) {
            events.reopened(t, ReopenTrigger.CUSTOMER_REPLY, now);
        }
        sla.refresh(t, sla.policyOf(t), now);
    }
}
