package io.postventa.ticket.service;

/**
 * The inbox's dedupe scopes of this service, one per consumer: an event id is applied once per scope. A consumer
 * names its scope from here, never a string of its own. A scope is also the consumer group the dead-letter headers
 * name. Changing one forgets what was deduped in it.
 */
public final class DedupeScopes {
    /** {@code order-status.v1}: the order read model, delays and shipment exceptions. */
    public static final String ORDER_STATUS = "ticket-service.order-status";
    /** {@code orders.lifecycle.v1}: the delivery city of placed and redirected orders. */
    public static final String ORDERS_LIFECYCLE = "ticket-service.orders-lifecycle";
    /** {@code return-requests.v1}: returns beside the ticket. */
    public static final String RETURN_REQUESTS = "ticket-service.return-requests";
    /** {@code return-decisions.v1}: the decisions on those returns. */
    public static final String RETURN_DECISIONS = "ticket-service.return-decisions";
    /** {@code feedback.v1}: detractors that open a recovery ticket. */
    public static final String FEEDBACK = "ticket-service.feedback";
    /** {@code customers.v1}: contact data, and erasure on a tombstone. */
    public static final String CUSTOMERS = "ticket-service.customers";

    private DedupeScopes() {
    }
}
