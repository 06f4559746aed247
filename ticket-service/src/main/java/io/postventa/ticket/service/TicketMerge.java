package io.postventa.ticket.service;

import java.time.Clock;
import java.time.Instant;

import io.postventa.ticket.domain.Ticket;
import io.postventa.ticket.domain.TicketMessage;
import io.postventa.web.ProblemException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

/** Merges a duplicate into the ticket that stays: its conversation moves over and it closes, pointing at the other. */
@ApplicationScoped
@Transactional(Transactional.TxType.MANDATORY)
public class TicketMerge {
    private final Clock clock;
    private final TicketMessages messages;
    private final SlaTracking sla;
    private final TicketEvents events;

    public TicketMerge(Clock clock, TicketMessages messages, SlaTracking sla, TicketEvents events) {
        this.clock = clock;
        this.messages = messages;
        this.sla = sla;
        this.events = events;
    }

    /** Merges {@code source} into {@code target}: its conversation moves over and it closes, pointing at the target. */
    public void merge(Ticket target, Ticket source, String agentId) {
        if (target.id.equals(source.id)) {
            throw ProblemException.badField("sourceTicketId", "must be another ticket");
        }
        target.requireWritable();
        source.requireWritable();
        Instant now = clock.instant();
        TicketMessage.update("ticketId = ?1 where ticketId = ?2", target.id, source.id);
        source.mergeInto(target.id, now);
        events.merged(source, target, agentId, now);
        if (target.orderId == null) {
            target.orderId = source.orderId;
        }
        if (target.customerId == null) {
            target.customerId = source.customerId;
        }
        // the earlier promise to the customer stands: keep the older SLA start
        if (source.slaStartedAt.isBefore(target.slaStartedAt)) {
            target.slaStartedAt = source.slaStartedAt;
            target.createdAt = source.createdAt.isBefore(target.createdAt) ? source.createdAt : target.createdAt;
        }
        if (target.firstResponseAt == null && source.firstResponseAt != null) {
            target.firstResponseAt = source.firstResponseAt;
        }
        messages.system(target, agentId, "merged ticket " + source.id + " into this one");
        target.tookOverMerged();
        sla.refresh(target, sla.policyOf(target), now);
    }
}
