package io.postventa.messaging.inbox;

import java.time.Instant;

import com.fasterxml.jackson.databind.JsonNode;

import io.postventa.events.EventJson;
import io.postventa.events.EventType;

/**
 * A consumed event, whatever form it arrived in (CloudEvents binary or structured mode, or plain
 * JSON on the inbound topics): its id (for deduplication), type, data and where it came from. A
 * tombstone (null value, e.g. an erased customer) has no type and no data.
 */
public record IncomingEvent(
        String id,
        EventType type,
        String source,
        String subject,
        Instant time,
        String key,
        String topic,
        int partition,
        long offset,
        JsonNode data) {

    /** True for a record with a null value (on customers.v1: erase this customer). */
    public boolean tombstone() {
        return data == null;
    }

    /** The data as the contract's record for this event type. */
    public <T> T data(Class<T> type) {
        return EventJson.fromTree(data, type);
    }
}
