package io.postventa.events.notifications;

import io.postventa.events.common.NotificationChannel;
import java.time.Instant;

/**
 * The customer unsubscribed from a kind of message through a message's unsubscribe link (the page or the one-click
 * List-Unsubscribe POST): published once per message, whichever way and however often its link is used. Ids only.
 *
 * @param notificationId the message's id (the {@code notificationId} of its {@code notification.sent})
 * @param customerId     the recipient's id; also the record key
 * @param occurredAt     when they unsubscribed
 * @param channel        channel the message went on
 * @param kind           the kind of message switched off (the message's own kind)
 * @param templateId     template the message was rendered from
 * @param variant        A/B variant it was rendered with, e.g. {@code A}
 * @param orderId        related order, if any
 */
public record NotificationUnsubscribed(
        String notificationId,
        String customerId,
        Instant occurredAt,
        NotificationChannel channel,
        MessageKind kind,
        String templateId,
        String variant,
        String orderId) {
}
