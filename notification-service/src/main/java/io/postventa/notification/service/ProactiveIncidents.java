package io.postventa.notification.service;

import java.time.Clock;
import java.time.Instant;

import io.postventa.notification.config.NotificationConfig;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

/**
 * One proactive message per order and problem: a delay or a shipment incident reaches notification-service up to
 * three times (order.delayed, an EXCEPTION status change, and the ticket ticket-service opens for it), and the
 * customer must hear about it once. The first to claim the (order, problem) pair is planned; the others are not,
 * until {@code proactive-window} has passed. Claims of concurrent consumers meet on the primary key, so two
 * replicas cannot both win.
 */
@ApplicationScoped
public class ProactiveIncidents {
    /** The order is late (the promised date passed, no carrier scan for too long). */
    public static final String DELAY = "DELAY";
    /** The carrier reported an exception on the shipment. */
    public static final String SHIPMENT_EXCEPTION = "SHIPMENT_EXCEPTION";

    private final EntityManager em;
    private final NotificationConfig config;
    private final Clock clock;

    public ProactiveIncidents(EntityManager em, NotificationConfig config, Clock clock) {
        this.em = em;
        this.config = config;
        this.clock = clock;
    }

    /** True when this event is the first to tell the customer about this problem with this order (then plan it). */
    @Transactional(Transactional.TxType.MANDATORY)
    public boolean claim(String orderId, String problem, String sourceEventId) {
        if (orderId == null) {
            return true;
        }
        Instant now = clock.instant();
        return !em.createNativeQuery("insert into proactive_incident (order_id, problem, source_event_id, planned_at)"
                + " values (?1, ?2, ?3, ?4) on conflict (order_id, problem) do update"
                + " set source_event_id = excluded.source_event_id, planned_at = excluded.planned_at"
                + " where proactive_incident.planned_at < ?5 returning order_id")
                .setParameter(1, orderId).setParameter(2, problem).setParameter(3, sourceEventId).setParameter(4, now)
                .setParameter(5, now.minus(config.proactiveWindow())).getResultList().isEmpty();
    }
}
