package io.postventa.events.contacts;

/** What opened a ticket. */
public enum TicketOrigin {
    /** A customer contact. */
    CONTACT,
    /** An {@code order.delayed} event, before the customer wrote. */
    ORDER_DELAYED,
    /** A shipment exception on {@code order-status.v1}, before the customer wrote. */
    SHIPMENT_EXCEPTION,
    /** A {@code feedback.detractor} event, to recover the customer. */
    FEEDBACK_DETRACTOR,
    /** An agent opened it by hand. */
    AGENT
}
