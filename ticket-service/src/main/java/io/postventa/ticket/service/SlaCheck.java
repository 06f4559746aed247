package io.postventa.ticket.service;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import io.postventa.ticket.domain.Ticket;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;

/**
 * The scheduled SLA check: finds active tickets whose stored due time has passed and publishes ticket.sla-breached
 * once per target. Due times are a cheap index filter; the SLA clock decides (pauses may have moved them).
 */
@ApplicationScoped
public class SlaCheck {
    private final Clock clock;
    private final SlaTracking sla;

    public SlaCheck(Clock clock, SlaTracking sla) {
        this.clock = clock;
        this.sla = sla;
    }

    // First check 10 s after start, not while the service is still starting (a breach is found within
    // check-every plus these seconds after a restart, as within check-every otherwise).
    @Scheduled(every = "${ticket.sla.check-every}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            identity = "sla-check", delayed = "10s", skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    void scheduled() {
        run();
    }

    /** Runs the check now; returns how many breaches were published. */
    public int run() {
        Instant now = clock.instant();
        // ids only: the tickets themselves are loaded one by one, locked, below
        List<UUID> due = QuarkusTransaction.requiringNew().call(() -> Ticket.getEntityManager().createQuery(
                "select t.id from Ticket t where t.status in " + TicketSql.ACTIVE_LITERALS
                        + " and t.mergedInto is null and ((t.firstResponseAt is null"
                        + " and t.firstResponseBreached = false and t.firstResponseDueAt <= :now)"
                        + " or (t.resolutionBreached = false and t.resolutionDueAt <= :now))", UUID.class)
                .setParameter("now", now).getResultList());
        int breaches = 0;
        for (UUID id : due) {
            // one transaction per ticket: a lock keeps two replicas from publishing the same breach
            breaches += QuarkusTransaction.requiringNew().call(() -> {
                Ticket t = Ticket.findById(id, LockModeType.PESSIMISTIC_WRITE);
                return t == null ? 0 : sla.checkBreaches(t, now);
            });
        }
        return breaches;
    }
}
