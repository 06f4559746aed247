package io.postventa.events;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.cfg.JsonNodeFeature;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;

/**
 * JSON mapping of the event contracts: ISO-8601 times and dates, unknown properties ignored on read, nulls left
 * out on write, exact decimals. Holds only immutable, thread-safe reader and writer.
 */
public final class EventJson {

    private static final ObjectMapper CONFIGURED = newObjectMapper();
    private static final ObjectReader READER = CONFIGURED.reader();
    private static final ObjectWriter WRITER = CONFIGURED.writer();
    /** For trees: keeps each decimal's scale (19.90 stays 19.90), so a tree writes the same text as its value. */
    private static final ObjectMapper EXACT_TREES = newObjectMapper()
            .setNodeFactory(JsonNodeFactory.withExactBigDecimals(true))
            .configure(JsonNodeFeature.STRIP_TRAILING_BIGDECIMAL_ZEROES, false);

    private EventJson() {
    }

    /**
     * Returns a new {@link ObjectMapper} configured for the contracts, for code that needs a mapper of its own
     * (a framework, a Kafka serde). Each call returns a fresh instance, so callers can change theirs safely.
     */
    public static ObjectMapper newObjectMapper() {
        return new ObjectMapper()
                .registerModule(new JavaTimeModule())
                // after JavaTimeModule, so that its Instant deserializer is the one replaced
                .registerModule(new SimpleModule("postventa-instants").addDeserializer(Instant.class,
                        new RfcInstantDeserializer()))
                .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
                .disable(SerializationFeature.WRITE_DURATIONS_AS_TIMESTAMPS)
                .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .disable(DeserializationFeature.ADJUST_DATES_TO_CONTEXT_TIME_ZONE)
                .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
                .enable(JsonGenerator.Feature.WRITE_BIGDECIMAL_AS_PLAIN)
                .setSerializationInclusion(JsonInclude.Include.NON_NULL);
    }

    /** Serializes an event (or any value) to JSON. */
    public static String toJson(Object value) {
        try {
            return WRITER.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new EventJsonException("cannot write " + value.getClass().getName() + " as JSON: " + e.getOriginalMessage(), e);
        }
    }

    /** Serializes an event to UTF-8 JSON bytes, as written to a Kafka record value. */
    public static byte[] toJsonBytes(Object value) {
        try {
            return WRITER.writeValueAsBytes(value);
        } catch (JsonProcessingException e) {
            throw new EventJsonException("cannot write " + value.getClass().getName() + " as JSON: " + e.getOriginalMessage(), e);
        }
    }

    /**
     * Reads JSON into {@code type}; unknown properties are ignored.
     *
     * @throws EventJsonException if the text is not JSON or does not fit the type (wrong value types, unknown enum values)
     */
    public static <T> T fromJson(String json, Class<T> type) {
        try {
            return READER.forType(type).readValue(json);
        } catch (JsonProcessingException e) {
            throw new EventJsonException("cannot read " + type.getSimpleName() + ": " + e.getOriginalMessage(), e);
        }
    }

    /** Reads UTF-8 JSON bytes into {@code type}; see {@link #fromJson(String, Class)}. */
    public static <T> T fromJson(byte[] json, Class<T> type) {
        try {
            return READER.forType(type).readValue(json);
        } catch (java.io.IOException e) {
            throw new EventJsonException("cannot read " + type.getSimpleName() + ": " + e.getMessage(), e);
        }
    }

    /** Reads the data of an event of a known type into its payload record. */
    public static Record fromJson(String json, EventType type) {
        return fromJson(json, type.payloadType());
    }

    /** Parses JSON into a tree. */
    public static JsonNode readTree(String json) {
        try {
            return READER.readTree(json);
        } catch (JsonProcessingException e) {
            throw new EventJsonException("not valid JSON: " + e.getOriginalMessage(), e);
        }
    }

    /** Reads a JSON tree into a contract record. */
    public static <T> T fromTree(JsonNode json, Class<T> type) {
        try {
            return READER.treeToValue(json, type);
        } catch (IOException e) {
            throw new EventJsonException("cannot read " + type.getSimpleName() + " from JSON", e);
        }
    }

    /**
     * Converts a value to a JSON tree without going through text. Decimals keep their scale, so
     * {@code toJson(toTree(value))} is exactly {@code toJson(value)}: a producer can validate the tree and store its text.
     */
    public static JsonNode toTree(Object value) {
        return EXACT_TREES.valueToTree(value);
    }

    /** Thrown when a value cannot be written as JSON or JSON cannot be read into a contract. */
    public static final class EventJsonException extends UncheckedIOException {
        private static final long serialVersionUID = 1L;

        EventJsonException(String message, java.io.IOException cause) {
            super(message, cause);
        }
    }
}
