package io.postventa.events;

/** Kafka header names and constants of the CloudEvents 1.0 Kafka protocol binding as Postventa uses it. */
public final class CloudEventHeaders {

    /** Event id; consumers dedupe on it. */
    public static final String ID = "ce_id";
    /** Event type, e.g. {@code postventa.order.placed.v1}. */
    public static final String TYPE = "ce_type";
    /** URI reference of the producer, e.g. {@code /postventa/order-status-service} or a platform's id. */
    public static final String SOURCE = "ce_source";
    /** CloudEvents spec version; always {@value #SPEC_VERSION_1_0}. */
    public static final String SPEC_VERSION = "ce_specversion";
    /** RFC 3339 time the event happened. */
    public static final String TIME = "ce_time";
    /** Id of the aggregate the event is about; equals the record key. */
    public static final String SUBJECT = "ce_subject";
    /** Media type of the record value. */
    public static final String CONTENT_TYPE = "content-type";

    /** The only CloudEvents spec version Postventa produces and accepts. */
    public static final String SPEC_VERSION_1_0 = "1.0";
    /** Content type of binary-mode data and of plain JSON records. */
    public static final String APPLICATION_JSON = "application/json";
    /** Content type that marks a structured-mode CloudEvent (the whole event in the record value). */
    public static final String APPLICATION_CLOUDEVENTS_JSON = "application/cloudevents+json";

    private CloudEventHeaders() {
    }
}
