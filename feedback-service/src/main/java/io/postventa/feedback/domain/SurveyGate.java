package io.postventa.feedback.domain;

import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import io.postventa.events.common.OrderStatus;

/**
 * Decides what happens to a due survey: sent, held (the customer has an open ticket, an open return or a delivery
 * exception: it waits and goes once they are over), suppressed (a survey of the same kind went to the customer
 * within the cooldown) or dropped (held for longer than the maximum hold).
 */
public final class SurveyGate {
    /** Why a survey is held. */
    public enum Hold { OPEN_TICKET, OPEN_RETURN, DELIVERY_EXCEPTION }

    /** The order statuses of a delivery exception: an order in one holds its customer's surveys back. */
    public static final Set<OrderStatus> DELIVERY_EXCEPTIONS = EnumSet.of(OrderStatus.EXCEPTION, OrderStatus.DELIVERY_FAILED);

    /** What to do with the survey now. */
    public enum Action { SEND, HOLD, SUPPRESS, DROP }

    public record Decision(Action action, String reason) {
    }

    private final Duration cooldown;
    private final Duration maxHold;

    public SurveyGate(Duration cooldown, Duration maxHold) {
        this.cooldown = cooldown;
        this.maxHold = maxHold;
    }

    /**
     * @param dueAt            when the survey became due
     * @param holds            what currently holds it back
     * @param lastSameKindSent when the customer last got a survey of this kind, or null
     */
    public Decision decide(Instant now, Instant dueAt, List<Hold> holds, Instant lastSameKindSent) {
        if (!now.isBefore(dueAt.plus(maxHold))) {
            // far too late to ask (held that long, or history replayed from the start of a topic)
            return new Decision(Action.DROP, holds.isEmpty() ? "TOO_LATE" : "HELD_TOO_LONG:" + holds.get(0));
        }
        if (lastSameKindSent != null && now.isBefore(lastSameKindSent.plus(cooldown))) {
            return new Decision(Action.SUPPRESS, "COOLDOWN");
        }
        if (!holds.isEmpty()) {
            return new Decision(Action.HOLD, holds.get(0).name());
        }
        return new Decision(Action.SEND, null);
    }
}
