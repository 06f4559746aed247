package io.postventa.events.notifications;

import io.postventa.events.common.NotificationChannel;
import java.time.Instant;

/**
 * A message was deliberately not sent.
 *
 * @param notificationId  the delivery's id
 * @param customerId      the recipient's id; also the record key
 * @param occurredAt      when it was suppressed
 * @param kind            message kind
 * @param reason          why it was not sent
 * @param channel         channel it would have used, if one was chosen
 * @param sourceEventId   {@code ce_id} of the event that triggered it
 * @param sourceEventType {@code ce_type} of that event
 * @param orderId         related order, if any
 * @param returnId        related return, if any
 * @param ticketId        related ticket, if any
 * @param surveyId        related survey, if any
 */
public record NotificationSuppressed(
        String notificationId,
        String customerId,
        Instant occurredAt,
        MessageKind kind,
        SuppressionReason reason,
        NotificationChannel channel,
        String sourceEventId,
        String sourceEventType,
        String orderId,
        String returnId,
        String ticketId,
        String surveyId) {
}
