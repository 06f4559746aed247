package io.postventa.notification.service;

import java.time.Instant;

import io.postventa.events.EventType;
import io.postventa.events.common.NotificationChannel;
import io.postventa.events.notifications.MessageKind;
import io.postventa.events.notifications.NotificationFailed;
import io.postventa.events.notifications.NotificationPortalLinkOpened;
import io.postventa.events.notifications.NotificationSent;
import io.postventa.events.notifications.NotificationSuppressed;
import io.postventa.events.notifications.NotificationUnsubscribed;
import io.postventa.events.notifications.SuppressionReason;
import io.postventa.notification.domain.Delivery;
import io.postventa.messaging.outbox.Outbox;
import jakarta.enterprise.context.ApplicationScoped;

/** Publishes what became of a delivery on notifications.v1, ids only, in the caller's transaction. */
@ApplicationScoped
public class DeliveryEvents {
    private final Outbox outbox;

    public DeliveryEvents(Outbox outbox) {
        this.outbox = outbox;
    }

    /** notification.sent for a claimed delivery, recorded at {@code at} after {@code attempts} attempts. */
    public void sent(ClaimedDelivery d, int attempts, String providerMessageId, Instant at) {
        outbox.publish(EventType.NOTIFICATION_SENT, d.customerId(), new NotificationSent(d.id().toString(),
                d.customerId(), at, NotificationChannel.valueOf(d.channel()), MessageKind.valueOf(d.kind()),
                d.templateId(), d.variant(), d.locale(), d.sourceEventId(), d.sourceEventType(), Math.max(1, attempts),
                providerMessageId, d.orderId(), d.returnId(), d.ticketId(), d.surveyId()), at);
    }

    /** notification.failed for a claimed delivery, recorded at {@code at} after {@code attempts} attempts. */
    public void failed(ClaimedDelivery d, int attempts, String errorCode, String errorMessage, Instant at) {
        outbox.publish(EventType.NOTIFICATION_FAILED, d.customerId(), new NotificationFailed(d.id().toString(),
                d.customerId(), at, NotificationChannel.valueOf(d.channel()), MessageKind.valueOf(d.kind()),
                d.templateId(), d.variant(), d.sourceEventId(), d.sourceEventType(), Math.max(1, attempts), errorCode,
                errorMessage, d.orderId(), d.returnId(), d.ticketId(), d.surveyId()), at);
    }

    public void suppressed(Delivery d) {
        outbox.publish(EventType.NOTIFICATION_SUPPRESSED, d.customerId, new NotificationSuppressed(d.id.toString(),
                d.customerId, d.updatedAt, MessageKind.valueOf(d.kind), SuppressionReason.valueOf(d.reason),
                d.channel == null ? null : NotificationChannel.valueOf(d.channel), d.sourceEventId, d.sourceEventType,
                d.orderId, d.returnId, d.ticketId, d.surveyId), d.updatedAt);
    }

    /** notification.portal-link-opened: the message's portal link, to {@code orderId}'s page, first opened at {@code at}. */
    public void portalLinkOpened(Delivery d, String orderId, Instant at) {
        outbox.publish(EventType.NOTIFICATION_PORTAL_LINK_OPENED, d.customerId, new NotificationPortalLinkOpened(
                d.id.toString(), d.customerId, at, channel(d), MessageKind.valueOf(d.kind), d.templateId, d.variant,
                orderId), at);
    }

    /** notification.unsubscribed: the customer switched the message's kind off through its link at {@code at}. */
    public void unsubscribed(Delivery d, Instant at) {
        outbox.publish(EventType.NOTIFICATION_UNSUBSCRIBED, d.customerId, new NotificationUnsubscribed(d.id.toString(),
                d.customerId, at, channel(d), MessageKind.valueOf(d.kind), d.templateId, d.variant, d.orderId), at);
    }

    private static NotificationChannel channel(Delivery d) {
        return d.channel == null ? null : NotificationChannel.valueOf(d.channel);
    }
}
