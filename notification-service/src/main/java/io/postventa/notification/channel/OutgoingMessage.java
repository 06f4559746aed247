package io.postventa.notification.channel;

import java.util.concurrent.atomic.AtomicInteger;

/**
 * What a channel sends, and a counter of the attempts made (retries call the channel again). {@code replyTo} is
 * where an answer to an e-mail goes (it names the message's ticket or order).
 */
public record OutgoingMessage(String deliveryId, String recipient, String subject, String body, String unsubscribeUrl,
        String replyTo, AtomicInteger attempts) {
}
