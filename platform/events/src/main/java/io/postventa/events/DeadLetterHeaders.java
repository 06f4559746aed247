package io.postventa.events;

/**
 * Kafka header names a consumer adds when it sends a record to {@code <topic>.dlq}. The reason, topic,
 * partition and offset names are those SmallRye Reactive Messaging's dead-letter queue writes; the reason code,
 * consumer group and time are added by Postventa's consumers.
 */
public final class DeadLetterHeaders {

    /** Why the record could not be processed, e.g. {@code SCHEMA_VIOLATION: $.orderId: required property missing}. */
    public static final String REASON = "dead-letter-reason";
    /** Reason category: one of {@link Reason}'s names. */
    public static final String REASON_CODE = "dead-letter-reason-code";
    /** Topic the record was read from. */
    public static final String ORIGINAL_TOPIC = "dead-letter-topic";
    /** Partition the record was read from (decimal). */
    public static final String ORIGINAL_PARTITION = "dead-letter-partition";
    /** Offset of the record in its partition (decimal). */
    public static final String ORIGINAL_OFFSET = "dead-letter-offset";
    /** Consumer group that gave up on the record. */
    public static final String CONSUMER_GROUP = "dead-letter-consumer-group";
    /** RFC 3339 time the record was dead-lettered. */
    public static final String FAILED_AT = "dead-letter-failed-at";

    private DeadLetterHeaders() {
    }

    /** Categories of records a consumer cannot process. */
    public enum Reason {
        /** The value is not parseable JSON. */
        NOT_JSON,
        /** The value is JSON but breaks the event type's JSON Schema. */
        SCHEMA_VIOLATION,
        /** The CloudEvents type (or {@code eventType}) is not one this topic carries. */
        UNKNOWN_TYPE,
        /** No event id: neither a {@code ce_id} header nor an id in the data. */
        MISSING_EVENT_ID,
        /** The event was valid but processing failed after every retry. */
        PROCESSING_FAILED
    }
}
