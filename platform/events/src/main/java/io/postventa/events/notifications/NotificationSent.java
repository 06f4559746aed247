package io.postventa.events.notifications;

import io.postventa.events.common.NotificationChannel;
import java.time.Instant;

/**
 * A message was handed to the channel's provider. Ids only: the rendered content stays in notification-service.
 *
 * @param notificationId    the delivery's id
 * @param customerId        the recipient's id; also the record key
 * @param occurredAt        when the provider accepted it
 * @param channel           channel used
 * @param kind              message kind
 * @param templateId        template rendered
 * @param variant           A/B variant rendered, e.g. {@code A}
 * @param locale            BCP 47 tag it was rendered in
 * @param sourceEventId     {@code ce_id} of the event that triggered it; with {@code channel}, the dedupe key
 * @param sourceEventType   {@code ce_type} of that event
 * @param attempts          attempts it took; {@code >= 1}
 * @param providerMessageId the provider's id for the message, if it returns one
 * @param orderId           related order, if any
 * @param returnId          related return, if any
 * @param ticketId          related ticket, if any
 * @param surveyId          related survey, if any
 */
public record NotificationSent(
        String notificationId,
        String customerId,
        Instant occurredAt,
        NotificationChannel channel,
        MessageKind kind,
        String templateId,
        String variant,
        String locale,
        String sourceEventId,
        String sourceEventType,
        Integer attempts,
        String providerMessageId,
        String orderId,
        String returnId,
        String ticketId,
        String surveyId) {
}
