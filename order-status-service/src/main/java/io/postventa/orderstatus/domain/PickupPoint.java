package io.postventa.orderstatus.domain;

import java.time.Instant;

import io.postventa.events.orders.OrderLifecycleEvent;
import io.postventa.events.orders.OrderLifecycleEventType;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** Where an order waits for collection and until when: the latest SHIPMENT_AVAILABLE_FOR_PICKUP that counted. */
@Entity
@Table(name = "order_pickup_point")
public class PickupPoint extends PanacheEntityBase {
    @Id
    @Column(name = "order_id")
    public String orderId;
    @Column(name = "pickup_point_id")
    public String pickupPointId;
    @Column(name = "pickup_point_name")
    public String pickupPointName;
    @Column(name = "available_until")
    public Instant availableUntil;
    @Column(name = "reported_at")
    public Instant reportedAt;

    /**
     * Keeps the pickup details of an event that counted (applied or recorded), unless a later report is kept already;
     * a late or rejected event changes nothing, as for the status.
     */
    public static void record(OrderLifecycleEvent event, Outcome outcome) {
        if (event.eventType() != OrderLifecycleEventType.SHIPMENT_AVAILABLE_FOR_PICKUP || event.pickup() == null
                || (outcome != Outcome.APPLIED && outcome != Outcome.RECORDED)) {
            return;
        }
        PickupPoint point = findById(event.orderId());
        if (point != null && point.reportedAt.isAfter(event.occurredAt())) {
            return;
        }
        if (point == null) {
            point = new PickupPoint();
            point.orderId = event.orderId();
        }
        point.pickupPointId = event.pickup().pickupPointId();
        point.pickupPointName = event.pickup().pickupPointName();
        point.availableUntil = event.pickup().availableUntil();
        point.reportedAt = event.occurredAt();
        point.persist();
    }
}
