package io.postventa.feedback.service;

/**
 * The inbox's dedupe scopes of this service, one per consumer: an event id is applied once per scope. A consumer
 * names its scope from here, never a string of its own. A scope is also the consumer group the dead-letter headers
 * (and the consumer metrics) name. Changing one forgets what was deduped in it.
 */
public final class DedupeScopes {
    /** {@code order-status.v1}: order facts, deliveries that trigger NPS, delivery exceptions. */
    public static final String ORDER_STATUS = "feedback-service.order-status";
    /** {@code return-requests.v1}: return facts, refunds that trigger CSAT. */
    public static final String RETURN_REQUESTS = "feedback-service.return-requests";
    /** {@code return-decisions.v1}: decisions and auto-approvals. */
    public static final String RETURN_DECISIONS = "feedback-service.return-decisions";
    /** {@code contacts.v1}: contacts and tickets, solves that trigger CSAT. */
    public static final String CONTACTS = "feedback-service.contacts";
    /** {@code notifications.v1}: notifications sent per order. */
    public static final String NOTIFICATIONS = "feedback-service.notifications";
    /** {@code customers.v1}: locales, and erasure on a tombstone. */
    public static final String CUSTOMERS = "feedback-service.customers";

    private DedupeScopes() {
    }
}
