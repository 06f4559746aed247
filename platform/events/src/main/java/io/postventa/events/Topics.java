package io.postventa.events;

import java.util.List;

/** Names of every Postventa topic and the dead-letter naming convention. */
public final class Topics {

    /** Order and shipment lifecycle written by e-commerce platforms (inbound), keyed by order id. */
    public static final String ORDERS_LIFECYCLE = "orders.lifecycle.v1";
    /** Customer contact records written by e-commerce platforms (inbound, compacted), keyed by customer id. */
    public static final String CUSTOMERS = "customers.v1";
    /** Normalized order status changes and delays from order-status-service, keyed by order id. */
    public static final String ORDER_STATUS = "order-status.v1";
    /** Return requests and their reverse-logistics states from returns-service, keyed by return id. */
    public static final String RETURN_REQUESTS = "return-requests.v1";
    /** Decisions on return requests from returns-service, keyed by return id. */
    public static final String RETURN_DECISIONS = "return-decisions.v1";
    /** Contacts and ticket lifecycle from ticket-service, keyed by ticket id. */
    public static final String CONTACTS = "contacts.v1";
    /** Delivery outcomes of customer notifications from notification-service, keyed by customer id. */
    public static final String NOTIFICATIONS = "notifications.v1";
    /** Survey invitations and answers from feedback-service, keyed by survey id. */
    public static final String FEEDBACK = "feedback.v1";

    /** Suffix appended to a topic name to get its dead-letter topic. */
    public static final String DLQ_SUFFIX = ".dlq";

    /** Every business topic, in the order of the design's topics table; dead-letter topics excluded. */
    public static final List<String> ALL = List.of(
            ORDERS_LIFECYCLE, CUSTOMERS, ORDER_STATUS, RETURN_REQUESTS,
            RETURN_DECISIONS, CONTACTS, NOTIFICATIONS, FEEDBACK);

    /** The two topics e-commerce platforms write to. */
    public static final List<String> INBOUND = List.of(ORDERS_LIFECYCLE, CUSTOMERS);

    private Topics() {
    }

    /**
     * Returns the dead-letter topic of {@code topic}, where consumers put records they cannot process.
     *
     * @throws IllegalArgumentException if {@code topic} is blank or already a dead-letter topic
     */
    public static String dlq(String topic) {
        if (topic == null || topic.isBlank()) {
            throw new IllegalArgumentException("topic must not be blank");
        }
        if (isDlq(topic)) {
            throw new IllegalArgumentException("'" + topic + "' is already a dead-letter topic");
        }
        return topic + DLQ_SUFFIX;
    }

    /** Tells whether {@code topic} is a dead-letter topic by the naming convention. */
    public static boolean isDlq(String topic) {
        return topic != null && topic.endsWith(DLQ_SUFFIX);
    }
}
