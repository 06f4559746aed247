package io.postventa.notification.service;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.List;

import io.postventa.notification.config.NotificationConfig;
import io.postventa.notification.domain.Delivery;
import io.postventa.notification.domain.Trigger;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;
import jakarta.transaction.Transactional;

/**
 * Trigger events that wait {@code acknowledgement-hold} before they are planned. A new ticket's acknowledgement
 * waits because ticket-service publishes the automatic answer to the same contact right after ticket.created: the
 * answer cancels it, so an answered customer gets the answer only, never "we will answer within 24 hours" first.
 * A proactive ticket's message waits so that the order event about the same problem, which carries the tracking
 * link and dates, is the one that speaks ({@link ProactiveIncidents}).
 */
@ApplicationScoped
public class HeldEvents {
    private static final int BATCH = 100;

    private final EntityManager em;
    private final NotificationPlanner planner;
    private final ProactiveIncidents incidents;
    private final NotificationConfig config;
    private final Clock clock;

    public HeldEvents(EntityManager em, NotificationPlanner planner, ProactiveIncidents incidents,
            NotificationConfig config, Clock clock) {
        this.em = em;
        this.planner = planner;
        this.incidents = incidents;
        this.config = config;
        this.clock = clock;
    }

    /** Holds an event; {@code incident} names the problem of a proactive message (null for others). */
    @Transactional(Transactional.TxType.MANDATORY)
    public void hold(TriggerEvent event, String incident) {
        em.createNativeQuery("insert into held_event (source_event_id, trigger, ticket_id, order_id, incident, payload,"
                + " release_at) values (?1, ?2, ?3, ?4, ?5, ?6, ?7) on conflict (source_event_id) do nothing")
                .setParameter(1, event.sourceEventId()).setParameter(2, event.trigger().name())
                .setParameter(3, event.ticketId()).setParameter(4, event.orderId()).setParameter(5, incident)
                .setParameter(6, NotificationPlanner.write(event))
                .setParameter(7, clock.instant().plus(config.acknowledgementHold())).executeUpdate();
    }

    /** An automatic answer reached the ticket: its held acknowledgement is not sent. Returns how many were held. */
    @Transactional(Transactional.TxType.MANDATORY)
    public int cancelAcknowledgement(String ticketId) {
        return em.createNativeQuery("delete from held_event where ticket_id = ?1 and trigger = ?2")
                .setParameter(1, ticketId).setParameter(2, Trigger.TICKET_ACKNOWLEDGED.name()).executeUpdate();
    }

    /** Whether the ticket's acknowledgement is waiting or was planned already (sent, or suppressed with a reason). */
    @Transactional(Transactional.TxType.MANDATORY)
    public boolean acknowledged(String ticketId) {
        boolean held = !em.createNativeQuery("select 1 from held_event where ticket_id = ?1 and trigger = ?2")
                .setParameter(1, ticketId).setParameter(2, Trigger.TICKET_ACKNOWLEDGED.name()).setMaxResults(1)
                .getResultList().isEmpty();
        return held || Delivery.count("ticketId = ?1 and trigger = ?2", ticketId, Trigger.TICKET_ACKNOWLEDGED.name()) > 0;
    }

    /**
     * Plans the events whose hold has passed ({@code for update skip locked}: each is released by one replica).
     * Returns how many were released.
     */
    @Transactional
    public int releaseDue() {
        Query due = em.createNativeQuery("select source_event_id, order_id, incident, payload from held_event"
                + " where release_at <= ?1 order by release_at limit " + BATCH + " for update skip locked")
                .setParameter(1, Timestamp.from(clock.instant()));
        @SuppressWarnings("unchecked")
        List<Object[]> rows = due.getResultList();
        for (Object[] row : rows) {
            String sourceEventId = (String) row[0];
            String incident = (String) row[2];
            TriggerEvent event = NotificationPlanner.read((String) row[3]);
            if (incident == null || planner.channelsFor(event.trigger()).isEmpty()
                    || incidents.claim((String) row[1], incident, sourceEventId)) {
                planner.plan(event);
            }
            em.createNativeQuery("delete from held_event where source_event_id = ?1").setParameter(1, sourceEventId)
                    .executeUpdate();
        }
        return rows.size();
    }
}
