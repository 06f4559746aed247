package io.postventa.ticket.domain;

import io.postventa.events.EventType;

/** Where a return is, as far as this service learnt from return-requests.v1 and return-decisions.v1. */
public enum KnownReturnState {
    REQUESTED, DECIDED, LABEL_ISSUED, IN_TRANSIT, RECEIVED, INSPECTED, REFUNDED, EXCHANGED, CREDITED, EXPIRED;

    /** The state a return-requests.v1 event names: {@code RETURN_IN_TRANSIT} is IN_TRANSIT. */
    public static KnownReturnState of(EventType type) {
        return valueOf(type.name().substring("RETURN_".length()));
    }
}
