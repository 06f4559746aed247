package io.postventa.orderstatus.domain;

import java.time.Instant;
import java.util.EnumMap;
import java.util.Map;
import java.util.Set;

import io.postventa.events.common.OrderStatus;

/**
 * The normalized status machine. The status never regresses because of a late or duplicated event.
 *
 * <p>Main line, in rank order: PLACED &lt; PAID &lt; PACKED &lt; SHIPPED &lt; IN_TRANSIT &lt; OUT_FOR_DELIVERY
 * &lt; DELIVERED &lt; RETURNED. Side states: DELIVERY_FAILED, AVAILABLE_FOR_PICKUP, EXCEPTION (detours of the
 * shipment that the main line can resume from). Final: CANCELLED and RETURNED. The order remembers its
 * <em>progress</em>, the furthest main-line status it reached, so a side state never lowers it.
 *
 * <p>Real transitions (everything else is recorded in the timeline and changes nothing):
 * <ul>
 * <li>From a final status: none.</li>
 * <li>To the same status: none (RECORDED: e.g. another in-transit scan).</li>
 * <li>To a main-line status of higher rank than the current main-line status (skipped steps are fine:
 * PLACED → SHIPPED).</li>
 * <li>From a side state to a main-line status of higher rank than the progress, or of the same rank as the
 * progress when it happened after the side state began (the carrier resumed: IN_TRANSIT → EXCEPTION →
 * IN_TRANSIT; OUT_FOR_DELIVERY → DELIVERY_FAILED → OUT_FOR_DELIVERY for a second attempt).</li>
 * <li>To a side state from any status before DELIVERED, when it happened no earlier than the current status
 * began (an exception scanned before the parcel was already out for delivery is late).</li>
 * <li>To CANCELLED from any status before DELIVERED (a delivered order comes back as RETURNED, not
 * cancelled).</li>
 * <li>To RETURNED from any status that is not final.</li>
 * </ul>
 */
public final class StatusMachine {
    private static final Map<OrderStatus, Integer> RANK = new EnumMap<>(OrderStatus.class);
    private static final Set<OrderStatus> SIDE = Set.of(OrderStatus.DELIVERY_FAILED, OrderStatus.AVAILABLE_FOR_PICKUP,
            OrderStatus.EXCEPTION);
    private static final Set<OrderStatus> FINAL = Set.of(OrderStatus.CANCELLED, OrderStatus.RETURNED);

    static {
        OrderStatus[] line = {OrderStatus.PLACED, OrderStatus.PAID, OrderStatus.PACKED, OrderStatus.SHIPPED,
            OrderStatus.IN_TRANSIT, OrderStatus.OUT_FOR_DELIVERY, OrderStatus.DELIVERED, OrderStatus.RETURNED};
        for (int i = 0; i < line.length; i++) {
            RANK.put(line[i], i + 1);
        }
    }

    private StatusMachine() {
    }

    /** Rank on the main line (1 = PLACED); 0 for side states and CANCELLED. */
    public static int rank(OrderStatus status) {
        return RANK.getOrDefault(status, 0);
    }

    public static boolean isSideState(OrderStatus status) {
        return SIDE.contains(status);
    }

    /** CANCELLED or RETURNED: nothing changes the order any more. */
    public static boolean isFinal(OrderStatus status) {
        return FINAL.contains(status);
    }

    /** True when the order is no longer on its way (delivered, cancelled or returned). */
    public static boolean isClosed(OrderStatus status) {
        return status == OrderStatus.DELIVERED || isFinal(status);
    }

    /**
     * Decides what an incoming status does to an order.
     *
     * @param current    the order's status
     * @param progress   the furthest main-line status it reached
     * @param since      when the current status began
     * @param incoming   the status the event reports
     * @param occurredAt when the event happened
     */
    public static Transition decide(OrderStatus current, OrderStatus progress, Instant since, OrderStatus incoming,
            Instant occurredAt) {
        if (isFinal(current)) {
            return unchanged(Outcome.FINAL, current, progress);
        }
        if (incoming == current) {
            return unchanged(Outcome.RECORDED, current, progress);
        }
        boolean notEarlier = !occurredAt.isBefore(since);
        if (incoming == OrderStatus.RETURNED) {
            return new Transition(Outcome.APPLIED, incoming, incoming);
        }
        if (incoming == OrderStatus.CANCELLED) {
            return current == OrderStatus.DELIVERED
                    ? unchanged(Outcome.STALE, current, progress)
                    : new Transition(Outcome.APPLIED, incoming, progress);
        }
        if (isSideState(incoming)) {
            return current != OrderStatus.DELIVERED && notEarlier
                    ? new Transition(Outcome.APPLIED, incoming, progress)
                    : unchanged(Outcome.STALE, current, progress);
        }
        // incoming is on the main line
        if (isSideState(current)) {
            boolean ahead = rank(incoming) > rank(progress);
            boolean resumed = rank(incoming) == rank(progress) && occurredAt.isAfter(since);
            return ahead || resumed
                    ? new Transition(Outcome.APPLIED, incoming, incoming)
                    : unchanged(Outcome.STALE, current, progress);
        }
        return rank(incoming) > rank(current)
                ? new Transition(Outcome.APPLIED, incoming, incoming)
                : unchanged(Outcome.STALE, current, progress);
    }

    private static Transition unchanged(Outcome outcome, OrderStatus current, OrderStatus progress) {
        return new Transition(outcome, current, progress);
    }
}
