package io.postventa.orderstatus.domain;

import java.time.Instant;
import java.util.UUID;

import io.postventa.events.EventJson;
import io.postventa.events.orders.OrderLifecycleEvent;
import io.postventa.events.orders.OrderLifecycleEventType;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** An event that arrived before its order's ORDER_PLACED: kept, and applied in time order when the order comes. */
@Entity
@Table(name = "pending_order_event")
public class PendingOrderEvent extends PanacheEntityBase {
    @Id
    public UUID id;
    public String orderId;
    public String eventId;
    @Enumerated(EnumType.STRING)
    public OrderLifecycleEventType eventType;
    public Instant occurredAt;
    public Instant receivedAt;
    /** The event as received (the contract's JSON). */
    public String payload;

    public static PendingOrderEvent of(OrderLifecycleEvent event, Instant receivedAt) {
        PendingOrderEvent pending = new PendingOrderEvent();
        pending.id = UUID.randomUUID();
        pending.orderId = event.orderId();
        pending.eventId = event.eventId();
        pending.eventType = event.eventType();
        pending.occurredAt = event.occurredAt();
        pending.receivedAt = receivedAt;
        pending.payload = EventJson.toJson(event);
        return pending;
    }

    public OrderLifecycleEvent event() {
        return EventJson.fromJson(payload, OrderLifecycleEvent.class);
    }
}
