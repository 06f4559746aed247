package io.postventa.messaging.outbox;

/**
 * Told of every event once the transaction that published it has committed (on the committing thread, after the
 * commit): a service's metrics count the facts it publishes (notifications by channel and outcome, decisions by
 * outcome) without a line in the use cases. Implementations are CDI beans; they must be quick and must not throw.
 */
public interface OutboxListener {

    /** {@code message} was committed and will be relayed. */
    void committed(OutboxMessage message);
}
