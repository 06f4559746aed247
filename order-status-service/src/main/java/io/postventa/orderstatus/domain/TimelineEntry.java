package io.postventa.orderstatus.domain;

import java.time.Instant;
import java.util.UUID;

import io.postventa.events.common.OrderStatus;
import io.postventa.events.orders.OrderLifecycleEvent;
import io.postventa.events.orders.OrderLifecycleEventType;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** One inbound event in an order's timeline, with what it did (late and repeated events included). */
@Entity
@Table(name = "order_timeline_entry")
public class TimelineEntry extends PanacheEntityBase {
    @Id
    public UUID id;
    public String orderId;
    public String eventId;
    @Enumerated(EnumType.STRING)
    public OrderLifecycleEventType eventType;
    /** The status the event reported; null for events that report none (address change). */
    @Enumerated(EnumType.STRING)
    public OrderStatus reportedStatus;
    @Enumerated(EnumType.STRING)
    public Outcome outcome;
    public Instant occurredAt;
    public Instant recordedAt;
    /** Facts worth showing (scan location, reason code...), never personal data. */
    public String detail;

    public static TimelineEntry of(OrderLifecycleEvent event, Outcome outcome, String note, Instant recordedAt) {
        TimelineEntry entry = new TimelineEntry();
        entry.id = UUID.randomUUID();
        entry.orderId = event.orderId();
        entry.eventId = event.eventId();
        entry.eventType = event.eventType();
        entry.reportedStatus = event.eventType().impliedStatus().orElse(null);
        entry.outcome = outcome;
        entry.occurredAt = event.occurredAt();
        entry.recordedAt = recordedAt;
        String detail = detail(event);
        entry.detail = note == null ? detail : detail == null ? note : detail + "; " + note;
        return entry;
    }

    /** What of the event is worth showing next to it in the timeline. */
    static String detail(OrderLifecycleEvent event) {
        StringBuilder out = new StringBuilder();
        if (event.shipment() != null && event.shipment().scanLocation() != null) {
            append(out, event.shipment().scanLocation());
        }
        if (event.exception() != null) {
            append(out, event.exception().reasonCode()
                    + (event.exception().description() != null ? ": " + event.exception().description() : ""));
        }
        if (event.pickup() != null && event.pickup().pickupPointName() != null) {
            append(out, event.pickup().pickupPointName());
        }
        if (event.cancellation() != null) {
            append(out, String.valueOf(event.cancellation().reason()));
        }
        if (event.addressChange() != null) {
            append(out, event.addressChange().postcode() + " " + event.addressChange().city());
        }
        if (event.returned() != null && event.returned().returnReference() != null) {
            append(out, event.returned().returnReference());
        }
        return out.length() == 0 ? null : out.toString();
    }

    private static void append(StringBuilder out, String text) {
        if (out.length() > 0) {
            out.append("; ");
        }
        out.append(text);
    }
}
