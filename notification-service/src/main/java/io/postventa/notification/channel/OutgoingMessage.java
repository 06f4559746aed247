package io.postventa.notification.channel;

import java.util.concurrent.atomic.AtomicInteger;

/** What a channel sends, and a counter of the attempts made (retries call the channel again). */
public record OutgoingMessage(String deliveryId, String recipient, String subject, String body, String unsubscribeUrl,
        AtomicInteger attempts) {
}
