package io.postventa.ticket.service;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

import io.postventa.events.contacts.ReopenTrigger;
import io.postventa.events.contacts.SlaTarget;
import io.postventa.ticket.domain.SlaPolicy;
import io.postventa.ticket.domain.Ticket;
import io.postventa.ticket.domain.TicketChangeRefused;
import io.postventa.ticket.domain.TicketStatus;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

/**
 * A ticket moved along its lifecycle by an agent or by the automatic answer: solving stops the resolution clock and
 * publishes ticket.solved, reopening a solved one publishes ticket.reopened, and an agent who finished a ticket is
 * handed the most urgent one waiting.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.MANDATORY)
public class TicketStatusChanges {
    private final Clock clock;
    private final TicketMessages messages;
    private final SlaTracking sla;
    private final TicketEvents events;
    private final Assignment assignment;

    public TicketStatusChanges(Clock clock, TicketMessages messages, SlaTracking sla, TicketEvents events,
            Assignment assignment) {
        this.clock = clock;
        this.messages = messages;
        this.sla = sla;
        this.events = events;
        this.assignment = assignment;
    }

    /**
     * Moves a ticket to {@code target}.
     *
     * @throws TicketChangeRefused when the lifecycle does not allow it (the API answers 409)
     */
    public void change(Ticket t, TicketStatus target, String agentId, boolean automatic) {
        TicketStatus before = t.status();
        Instant now = clock.instant();
        if (!t.moveTo(target, now, automatic)) {
            return;
        }
        SlaPolicy policy = sla.policyOf(t);
        if (target == TicketStatus.SOLVED) {
            Duration elapsed = t.slaClock().elapsed(policy.calendar(), now);
            boolean resolutionMet = elapsed.compareTo(policy.resolution(t.priority)) <= 0 && !t.resolutionBreached;
            if (!resolutionMet && !t.resolutionBreached) {
                sla.breach(t, SlaTarget.RESOLUTION, t.resolutionDueAt, now);
            }
            events.solved(t, now, elapsed, resolutionMet, automatic, agentId);
        } else if (before == TicketStatus.SOLVED && target == TicketStatus.OPEN) {
            events.reopened(t, ReopenTrigger.AGENT, now);
        }
        messages.system(t, automatic ? "system" : agentId, "status " + before + " -> " + target);
        sla.refresh(t, policy, now);
        if (before.isActive() && !target.isActive() && t.agentId != null) {
            t.persist();
            assignment.fillQueue(t.teamId); // the agent has room again: hand out the most urgent waiting ticket
        }
    }
}
