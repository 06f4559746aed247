package io.postventa.notification.service;

import java.time.Instant;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

import io.postventa.events.contacts.ReplyAddress;
import io.postventa.notification.channel.OutgoingMessage;

/**
 * A delivery as the dispatcher's claim returns it: what sending needs and what its notification.sent/failed event
 * reports, so neither the send nor the recording of its outcome has to read the row again.
 */
public record ClaimedDelivery(UUID id, String customerId, String sourceEventId, String sourceEventType, String kind,
        String channel, String templateId, String variant, String locale, String recipient, String subject, String body,
        String unsubscribeUrl, int attempts, String orderId, String returnId, String ticketId, String surveyId,
        Instant createdAt) {

    /** The message to hand to the channel, counting its attempts on from those already made. */
    public OutgoingMessage message(ReplyAddress replyTo) {
        return new OutgoingMessage(id.toString(), recipient, subject, body, unsubscribeUrl,
                replyTo.about(ticketId, orderId), new AtomicInteger(attempts));
    }
}
