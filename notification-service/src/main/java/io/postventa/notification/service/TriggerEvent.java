package io.postventa.notification.service;

import java.time.Instant;
import java.util.Map;

import io.postventa.notification.domain.Trigger;

/**
 * An inbound fact that may become messages, whatever topic it came from: its id (the dedupe key with the
 * channel), the trigger, the customer, the related ids and the facts templates may show (strings only).
 * {@code contactChannel} is the channel the customer wrote through (a reply goes back on it); {@code channel},
 * when set, limits planning to that one channel (a held-back update released later goes where it was held).
 */
public record TriggerEvent(
        String sourceEventId,
        String sourceEventType,
        Trigger trigger,
        String customerId,
        Instant occurredAt,
        String locale,
        Integer purchaseNumber,
        String orderId,
        String returnId,
        String ticketId,
        String surveyId,
        Map<String, String> facts,
        String contactChannel,
        String channel) {

    /** An event planned on every channel its trigger is configured for. */
    public TriggerEvent(String sourceEventId, String sourceEventType, Trigger trigger, String customerId,
            Instant occurredAt, String locale, Integer purchaseNumber, String orderId, String returnId, String ticketId,
            String surveyId, Map<String, String> facts) {
        this(sourceEventId, sourceEventType, trigger, customerId, occurredAt, locale, purchaseNumber, orderId, returnId,
                ticketId, surveyId, facts, null, null);
    }

    /** The same event under another id, planned on one channel only. */
    public TriggerEvent on(String newSourceEventId, String onlyChannel) {
        return new TriggerEvent(newSourceEventId, sourceEventType, trigger, customerId, occurredAt, locale,
                purchaseNumber, orderId, returnId, ticketId, surveyId, facts, contactChannel, onlyChannel);
    }
}
