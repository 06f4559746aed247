package io.postventa.messaging.retry;

import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.concurrent.ThreadLocalRandom;

import org.jboss.logging.Logger;

import io.quarkus.narayana.jta.QuarkusTransaction;

/**
 * Runs a unit of work in a transaction of its own and runs it again, from the start, when it collided with another
 * writer (an optimistic-lock failure, a serialization failure or a deadlock): an HTTP request racing a consumer on
 * the same aggregate then succeeds instead of failing. After the last attempt the failure is thrown as it came, and
 * the services' problem mapper answers it with 409. Call it outside any transaction: the retry needs a fresh one.
 */
public final class TransactionRetry {
    private static final Logger LOG = Logger.getLogger(TransactionRetry.class);
    /** Enough for a burst of consumers on one ticket; the request stays well inside any client timeout. */
    public static final int DEFAULT_ATTEMPTS = 5;

    private TransactionRetry() {
    }

    /** {@code work} in a new transaction, up to {@link #DEFAULT_ATTEMPTS} times while it collides with another writer. */
    public static <T> T onConflict(String what, Callable<T> work) {
        return onConflict(what, DEFAULT_ATTEMPTS, work);
    }

    public static <T> T onConflict(String what, int attempts, Callable<T> work) {
        Duration backoff = Duration.ofMillis(10);
        for (int attempt = 1; ; attempt++) {
            try {
                return QuarkusTransaction.requiringNew().call(work);
            } catch (RuntimeException e) {
                if (attempt >= attempts || !Failures.isWriteConflict(e)) {
                    throw e;
                }
                // Quarkus adds its registry to the global one: postventa_transaction_retries_total{work}
                io.micrometer.core.instrument.Metrics.counter("postventa.transaction.retries", "work", what).increment();
                LOG.debugf("%s collided with another writer (attempt %d of %d), running it again", what, attempt, attempts);
                try {
                    Thread.sleep(backoff.toMillis() + ThreadLocalRandom.current().nextLong(backoff.toMillis() + 1));
                } catch (InterruptedException interrupted) {
                    Thread.currentThread().interrupt();
                    throw e;
                }
                backoff = backoff.multipliedBy(2);
            }
        }
    }
}
