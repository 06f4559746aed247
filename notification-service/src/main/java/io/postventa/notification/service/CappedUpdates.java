package io.postventa.notification.service;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.jboss.logging.Logger;

import io.postventa.events.common.NotificationChannel;
import io.postventa.events.notifications.MessageKind;
import io.postventa.notification.domain.CustomerContact;
import io.postventa.notification.domain.Delivery;
import io.postventa.notification.domain.Trigger;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

/**
 * Defer, never drop: order updates the daily cap held back are sent once the cap allows, even when no later
 * message comes to carry them. One waiting update goes out as itself (its own template, on its channel); several
 * go out as one digest ({@code order-updates-digest}) listing them. Either way they are linked to the message that
 * carried them ({@code foldedInto}), as when a later update folds them in. The rows are taken
 * {@code for update skip locked}, so two replicas never send the same ones, and a consumer folding them at the same
 * moment waits for the lock and then finds them carried already.
 */
@ApplicationScoped
public class CappedUpdates {
    private static final Logger LOG = Logger.getLogger(CappedUpdates.class);
    /** The source event type of a digest; its id is {@code digest:<first update's delivery id>}. */
    public static final String DIGEST_TYPE = "postventa.notification.digest";
    private static final int BATCH = 500;

    private final EntityManager em;
    private final NotificationPlanner planner;
    private final Clock clock;

    public CappedUpdates(EntityManager em, NotificationPlanner planner, Clock clock) {
        this.em = em;
        this.planner = planner;
        this.clock = clock;
    }

    /** Sends what the cap now allows; returns how many held-back updates were carried. */
    @Transactional
    public int releaseAllowed() {
        // held_event is set on every update capped since V4; older ones (and erased customers') are left alone,
        // so an upgrade does not send months-old updates
        @SuppressWarnings("unchecked")
        List<Delivery> waiting = em.createNativeQuery("select d.* from delivery d where d.status = 'SUPPRESSED'"
                + " and d.reason = 'FREQUENCY_CAP' and d.folded_into is null and d.held_event is not null"
                + " and not exists (select 1 from customer_contact c where c.customer_id = d.customer_id and c.erased)"
                + " order by d.created_at"
                + " limit " + BATCH + " for update of d skip locked", Delivery.class).getResultList();
        Map<String, List<Delivery>> groups = new LinkedHashMap<>();
        for (Delivery d : waiting) {
            groups.computeIfAbsent(d.customerId + "|" + d.channel + "|" + d.kind, k -> new ArrayList<>()).add(d);
        }
        Instant now = clock.instant();
        int carried = 0;
        for (List<Delivery> group : groups.values()) {
            Delivery first = group.get(0);
            CustomerContact contact = CustomerContact.findById(first.customerId);
            if (contact == null) {
                continue;
            }
            NotificationChannel channel = NotificationChannel.valueOf(first.channel);
            ZoneId zone = NotificationPlanner.zone(contact.timeZone);
            if (!planner.capAllows(first.customerId, channel, MessageKind.valueOf(first.kind), zone, now)) {
                continue;
            }
            TriggerEvent event;
            Set<UUID> itself = new HashSet<>();
            if (group.size() == 1) {
                event = NotificationPlanner.read(first.heldEvent).on("released:" + first.id, first.channel);
                itself.add(first.id);
            } else {
                event = new TriggerEvent("digest:" + first.id, DIGEST_TYPE, Trigger.ORDER_UPDATES_DIGEST,
                        first.customerId, now, null, null, null, null, null, null, Map.of(), null, first.channel);
            }
            planner.plan(event, itself);
            Delivery message = Delivery.find("sourceEventId = ?1 and channel = ?2", event.sourceEventId(), first.channel)
                    .firstResult();
            if (message == null) {
                LOG.warnf("held-back updates of customer %s on %s could not be planned", first.customerId, channel);
                continue;
            }
            for (Delivery d : group) {
                if (d.foldedInto == null) {
                    // also when the carrying message was suppressed (opted out since): the update is accounted for
                    d.foldedInto = message.id;
                }
            }
            carried += group.size();
        }
        return carried;
    }
}
