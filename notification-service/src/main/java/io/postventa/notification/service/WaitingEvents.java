package io.postventa.notification.service;

import java.time.Clock;
import java.util.List;

import io.postventa.events.notifications.SuppressionReason;
import io.postventa.notification.domain.PendingEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

/**
 * Trigger events that arrived before their customer did ({@code pending_event}, kept by the planner): planned when
 * the customer arrives on customers.v1, suppressed with UNKNOWN_CUSTOMER when they do not come within
 * {@code unknown-customer-wait}, and with CUSTOMER_ERASED when the customer is erased meanwhile.
 */
@ApplicationScoped
public class WaitingEvents {
    private static final int BATCH = 500;

    private final NotificationPlanner planner;
    private final Clock clock;

    public WaitingEvents(NotificationPlanner planner, Clock clock) {
        this.planner = planner;
        this.clock = clock;
    }

    /** Plans the events that waited for {@code customerId}, oldest first; the customer has just arrived. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void releaseFor(String customerId) {
        for (PendingEvent pending : PendingEvent.<PendingEvent>list("customerId = ?1 order by receivedAt", customerId)) {
            planner.plan(NotificationPlanner.read(pending.payload));
            pending.delete();
        }
    }

    /** Suppresses, with {@code reason}, every event still waiting for {@code customerId}. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void suppressFor(String customerId, SuppressionReason reason) {
        for (PendingEvent pending : PendingEvent.<PendingEvent>list("customerId", customerId)) {
            planner.suppress(NotificationPlanner.read(pending.payload), null, reason);
            pending.delete();
        }
    }

    /**
     * Plans the waiting events whose customer has arrived (an upsert and an event committed at the same time
     * can miss each other), then suppresses, with UNKNOWN_CUSTOMER, those whose customer did not come in time.
     */
    @Transactional
    public int releaseWaiting() {
        List<PendingEvent> arrived = PendingEvent.find("customerId in (select c.customerId from CustomerContact c)"
                + " order by receivedAt").page(0, BATCH).list();
        for (PendingEvent pending : arrived) {
            planner.plan(NotificationPlanner.read(pending.payload));
            pending.delete();
        }
        List<PendingEvent> expired = PendingEvent.list("waitUntil <= ?1 order by waitUntil", clock.instant());
        int n = 0;
        for (PendingEvent pending : expired.subList(0, Math.min(expired.size(), BATCH))) {
            planner.suppress(NotificationPlanner.read(pending.payload), null, SuppressionReason.UNKNOWN_CUSTOMER);
            pending.delete();
            n++;
        }
        return n + arrived.size();
    }
}
