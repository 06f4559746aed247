package io.postventa.ticket.service;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import io.postventa.ticket.domain.SlaClock;
import io.postventa.ticket.domain.SlaPolicy;
import io.postventa.ticket.domain.Ticket;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;

/**
 * Sets the SLA state of every active ticket from its policy, its status and its order, as the service keeps it
 * while a ticket lives here: for tickets that did not open here (imported from another help desk, restored from
 * a backup, bulk-loaded). A target that ran out before now is marked breached without publishing
 * ticket.sla-breached: that breach is part of the history the import brought, not news; from then on the SLA
 * check publishes breaches as they happen.
 */
@ApplicationScoped
public class SlaRecompute {
    /** Tickets per transaction: each is locked, recomputed and written back. */
    private static final int PAGE = 500;

    /** How many active tickets were recomputed, and how many of their targets had already run out. */
    public record Recomputed(int tickets, int firstResponseRanOut, int resolutionRanOut) {
    }

    private final Clock clock;
    private final TicketService tickets;
    private final RuleStore rules;

    public SlaRecompute(Clock clock, TicketService tickets, RuleStore rules) {
        this.clock = clock;
        this.tickets = tickets;
        this.rules = rules;
    }

    public Recomputed run() {
        Instant now = clock.instant();
        List<UUID> ids = QuarkusTransaction.requiringNew().call(() -> Ticket.getEntityManager().createQuery(
                "select t.id from Ticket t where t.status in " + TicketService.ACTIVE_LITERALS + " and t.mergedInto is null",
                UUID.class).getResultList());
        int[] ranOut = new int[2];
        for (int from = 0; from < ids.size(); from += PAGE) {
            List<UUID> page = ids.subList(from, Math.min(ids.size(), from + PAGE));
            QuarkusTransaction.requiringNew().run(() -> {
                for (Ticket t : Ticket.<Ticket>find("id in ?1", page).withLock(LockModeType.PESSIMISTIC_WRITE).list()) {
                    if (!t.status().isActive() || t.mergedInto != null) {
                        continue; // closed or merged since the ids were read
                    }
                    SlaPolicy policy = rules.current().policy(t.slaPolicyId);
                    tickets.refreshSla(t, policy, now);
                    SlaClock clock = t.slaClock();
                    if (t.firstResponseAt == null && !t.firstResponseBreached
                            && clock.isBreached(policy.calendar(), policy.firstResponse(t.priority), now)) {
                        t.firstResponseBreached = true;
                        ranOut[0]++;
                    }
                    if (!t.resolutionBreached && clock.isBreached(policy.calendar(), policy.resolution(t.priority), now)) {
                        t.resolutionBreached = true;
                        ranOut[1]++;
                    }
                }
            });
        }
        return new Recomputed(ids.size(), ranOut[0], ranOut[1]);
    }
}
