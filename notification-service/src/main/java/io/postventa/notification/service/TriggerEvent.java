package io.postventa.notification.service;

import java.time.Instant;
import java.util.Map;

import io.postventa.notification.domain.Trigger;

/**
 * An inbound fact that may become messages, whatever topic it came from: its id (the dedupe key with the
 * channel), the trigger, the customer, the related ids and the facts templates may show (strings only).
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
        Map<String, String> facts) {
}
