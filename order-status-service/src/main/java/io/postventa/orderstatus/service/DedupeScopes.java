package io.postventa.orderstatus.service;

/**
 * The inbox's dedupe scopes of this service, one per consumer or webhook: an event id is applied once per scope.
 * They live in {@code service}, not {@code messaging}, because use cases dedupe in them too (the webhook, and the
 * lifecycle events a platform sends both ways); a consumer names its scope from here, never a string of its own.
 * A scope is also the consumer group the dead-letter headers name. Changing one forgets what was deduped in it.
 */
public final class DedupeScopes {
    /** {@code orders.lifecycle.v1}: the consumer, and the events the webhook relayed under a new envelope id. */
    public static final String ORDERS_LIFECYCLE = "order-status-service.orders-lifecycle";
    /** {@code customers.v1}: the consumer that erases delivery areas on a tombstone. */
    public static final String CUSTOMERS = "order-status-service.customers";
    /** {@code POST /api/v1/order-events}: a platform's retry with the same eventId. */
    public static final String ORDER_WEBHOOK = "order-status-service.order-webhook";
    /** {@code POST /api/v1/customer-events}: a platform's retry with the same eventId. */
    public static final String CUSTOMER_WEBHOOK = "order-status-service.customer-webhook";

    private DedupeScopes() {
    }
}
