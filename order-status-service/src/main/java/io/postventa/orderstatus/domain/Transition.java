package io.postventa.orderstatus.domain;

import io.postventa.events.common.OrderStatus;

/**
 * The decision of {@link StatusMachine} about one incoming status.
 *
 * @param outcome  whether the status changes
 * @param status   the status after the event (unchanged unless {@code outcome} is APPLIED)
 * @param progress the furthest main-line status reached after the event
 */
public record Transition(Outcome outcome, OrderStatus status, OrderStatus progress) {

    public boolean changesStatus() {
        return outcome == Outcome.APPLIED;
    }
}
