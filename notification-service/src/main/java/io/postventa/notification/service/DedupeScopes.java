package io.postventa.notification.service;

/**
 * The inbox's dedupe scopes of this service, one per consumer: an event id is applied once per scope. Every service
 * keeps them in {@code service} (use cases may dedupe in them too); a consumer names its scope from here, never a
 * string of its own. A scope is also the consumer group the dead-letter headers name. Changing one forgets what was
 * deduped in it, and a redelivered event would then be planned again.
 */
public final class DedupeScopes {
    /** {@code customers.v1}: the contact store. */
    public static final String CUSTOMERS = "notification-service.customers.v1";
    /** {@code order-status.v1}: status changes and delays. */
    public static final String ORDER_STATUS = "notification-service.order-status.v1";
    /** {@code return-decisions.v1}. */
    public static final String RETURN_DECISIONS = "notification-service.return-decisions.v1";
    /** {@code return-requests.v1} (refunds). */
    public static final String RETURN_REQUESTS = "notification-service.return-requests.v1";
    /** {@code contacts.v1}: tickets acknowledged, replied and resolved. */
    public static final String CONTACTS = "notification-service.contacts.v1";
    /** {@code feedback.v1}: survey invitations. */
    public static final String FEEDBACK = "notification-service.feedback.v1";

    private DedupeScopes() {
    }
}
