package io.postventa.orderstatus.domain;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;

import io.postventa.events.orders.OrderLifecycleEvent;
import io.postventa.events.orders.OrderLifecycleEventType;

/**
 * Rules about inbound lifecycle events that their JSON Schema cannot express: dates that cannot be true.
 * Used by both ingestion paths, so the webhook answers 400 and the topic consumer dead-letters the same things.
 * {@code skew} tolerates small clock differences between the platform, the carrier and this service.
 */
public final class LifecycleEventRules {
    private LifecycleEventRules() {
    }

    /** Checks an event on its own (before its order is known). */
    public static List<FieldProblem> check(OrderLifecycleEvent event, Instant now, Duration skew, ZoneId zone) {
        List<FieldProblem> problems = new ArrayList<>();
        Instant occurredAt = event.occurredAt();
        if (occurredAt.isAfter(now.plus(skew))) {
            problems.add(new FieldProblem("occurredAt", "is in the future (" + occurredAt + "); send the time it happened"));
        }
        LocalDate day = LocalDate.ofInstant(occurredAt, zone);
        if (event.eventType() == OrderLifecycleEventType.ORDER_PLACED && event.placed() != null
                && event.placed().promisedDeliveryDate() != null && event.placed().promisedDeliveryDate().isBefore(day)) {
            problems.add(new FieldProblem("placed.promisedDeliveryDate",
                    "is before the order was placed (" + day + ")"));
        }
        if (event.pickup() != null && event.pickup().availableUntil() != null
                && event.pickup().availableUntil().isBefore(occurredAt)) {
            problems.add(new FieldProblem("pickup.availableUntil", "is before the parcel became available (" + occurredAt + ")"));
        }
        return problems;
    }

    /** Checks an event against its order: nothing can happen to an order before it was placed. */
    public static List<FieldProblem> checkAgainstOrder(OrderLifecycleEvent event, Instant placedAt, Duration skew) {
        if (event.eventType() != OrderLifecycleEventType.ORDER_PLACED && event.occurredAt().plus(skew).isBefore(placedAt)) {
            return List.of(new FieldProblem("occurredAt", event.eventType() + " at " + event.occurredAt()
                    + " is before the order was placed at " + placedAt));
        }
        return List.of();
    }
}
