package io.postventa.events.notifications;

import io.postventa.events.common.NotificationChannel;
import java.time.Instant;

/**
 * A message's portal link was opened for the first time: published once per message, however often the link is opened
 * again, so that visits per template variant count messages, not clicks. Ids only.
 *
 * @param notificationId the message's id (the {@code notificationId} of its {@code notification.sent})
 * @param customerId     the recipient's id; also the record key
 * @param occurredAt     when the link was first opened
 * @param channel        channel the message went on
 * @param kind           message kind
 * @param templateId     template the message was rendered from
 * @param variant        A/B variant it was rendered with, e.g. {@code A}
 * @param orderId        the order the link opens
 */
public record NotificationPortalLinkOpened(
        String notificationId,
        String customerId,
        Instant occurredAt,
        NotificationChannel channel,
        MessageKind kind,
        String templateId,
        String variant,
        String orderId) {
}
