package io.postventa.returns.domain;

/**
 * Why an order line, or a requested return line, cannot be returned. What customers read for each is in
 * returns-service's texts ({@code ineligibility.<NAME>}), in their language.
 */
public enum Ineligibility {
    NOT_DELIVERED,
    WINDOW_CLOSED,
    NON_RETURNABLE_CATEGORY,
    NOTHING_LEFT,
    QUANTITY_EXCEEDED,
    UNKNOWN_PRODUCT,
    REASON_NOT_OFFERED,
    RESOLUTION_NOT_OFFERED
}
