package io.postventa.returns.service;

/**
 * The inbox's dedupe scopes of this service, one per consumer: an event id is applied once per scope. Every service
 * keeps them in {@code service} (use cases may dedupe in them too); a consumer names its scope from here, never a
 * string of its own. A scope is also the consumer group the dead-letter headers name. Changing one forgets what was
 * deduped in it.
 */
public final class DedupeScopes {
    /** {@code customers.v1}: erasure on a tombstone. */
    public static final String CUSTOMERS = "returns-service.customers";
    /** {@code order-status.v1}: the order read model. */
    public static final String ORDER_STATUS = "returns-service.order-status";
    /** {@code return-requests.v1}: the risk consumer. */
    public static final String RETURN_REQUESTS_RISK = "returns-service.return-requests-risk";

    private DedupeScopes() {
    }
}
