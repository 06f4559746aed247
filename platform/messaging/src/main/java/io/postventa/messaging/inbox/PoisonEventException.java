package io.postventa.messaging.inbox;

import io.postventa.events.DeadLetterHeaders;

/**
 * A record that can never be processed, however often it is retried: it goes to the topic's DLQ
 * with {@link #reason()} and the consumer moves on. The message starts with the reason code.
 */
public class PoisonEventException extends RuntimeException {
    private final DeadLetterHeaders.Reason reason;

    public PoisonEventException(DeadLetterHeaders.Reason reason, String detail) {
        super(reason.name() + ": " + detail);
        this.reason = reason;
    }

    public DeadLetterHeaders.Reason reason() {
        return reason;
    }
}
