package io.postventa.events.notifications;

import io.postventa.events.common.NotificationChannel;
import java.time.Instant;

/**
 * A message could not be delivered after the last retry.
 *
 * @param notificationId  the delivery's id
 * @param customerId      the recipient's id; also the record key
 * @param occurredAt      when it was given up
 * @param channel         channel tried
 * @param kind            message kind
 * @param templateId      template rendered
 * @param variant         A/B variant rendered
 * @param sourceEventId   {@code ce_id} of the event that triggered it
 * @param sourceEventType {@code ce_type} of that event
 * @param attempts        attempts made; {@code >= 1}
 * @param errorCode       provider or transport error code, e.g. {@code HTTP_503}, {@code SMTP_550}, {@code CIRCUIT_OPEN}
 * @param errorMessage    short technical description, without personal data; optional
 * @param orderId         related order, if any
 * @param returnId        related return, if any
 * @param ticketId        related ticket, if any
 * @param surveyId        related survey, if any
 */
public record NotificationFailed(
        String notificationId,
        String customerId,
        Instant occurredAt,
        NotificationChannel channel,
        MessageKind kind,
        String templateId,
        String variant,
        String sourceEventId,
        String sourceEventType,
        Integer attempts,
        String errorCode,
        String errorMessage,
        String orderId,
        String returnId,
        String ticketId,
        String surveyId) {
}
