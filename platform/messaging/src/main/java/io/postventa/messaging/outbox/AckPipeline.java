package io.postventa.messaging.outbox;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import org.apache.kafka.clients.producer.RecordMetadata;
import org.jboss.logging.Logger;

import io.debezium.engine.DebeziumEngine;

/**
 * Commits a relay's batches once Kafka acknowledged them, on its own thread, so that the engine can
 * read and route the next batch while the previous one is in flight. Batches are committed strictly
 * in the order they were sent and only when every record of the batch and of all batches before it
 * was acknowledged: an offset never covers a record Kafka has not stored (at-least-once). After a
 * refused record nothing more is committed; the relay stops the engine and replays from the last
 * committed offset. At most {@code capacity} batches are in flight; the engine waits beyond that.
 *
 * @param <E> the engine's event type
 */
final class AckPipeline<E> {
    private static final Logger LOG = Logger.getLogger(AckPipeline.class);

    /** A batch handed to the producer: its events (all of them are committed), its sends, and when its oldest event happened. */
    record Batch<E>(List<E> events, List<Future<RecordMetadata>> sends, DebeziumEngine.RecordCommitter<E> committer,
            Instant oldest) {
    }

    /** Told of each committed batch that carried records. */
    interface Listener {
        void committed(int records, Instant oldest);
    }

    private final BlockingQueue<Batch<E>> queue;
    private final Listener listener;
    private final AtomicLong ackNanos;
    private final AtomicLong commitNanos;
    private final Thread thread;
    private final Object idle = new Object();
    private int pending; // batches submitted and not yet committed or discarded; guarded by idle
    private volatile String failure;
    private volatile boolean closing;

    AckPipeline(String name, int capacity, Listener listener, AtomicLong ackNanos, AtomicLong commitNanos) {
        this.queue = new ArrayBlockingQueue<>(capacity);
        this.listener = listener;
        this.ackNanos = ackNanos;
        this.commitNanos = commitNanos;
        this.thread = new Thread(this::run, name);
        this.thread.setDaemon(true);
        this.thread.start();
    }

    /** Queues a sent batch for commit; waits while {@code capacity} batches are in flight. */
    void submit(Batch<E> batch) throws InterruptedException {
        String failed = failure;
        if (failed != null) {
            throw new IllegalStateException(failed);
        }
        synchronized (idle) {
            pending++;
        }
        try {
            queue.put(batch);
        } catch (InterruptedException e) {
            done();
            throw e;
        }
    }

    /** Waits until every submitted batch was committed (or discarded after a failure); false on timeout. */
    boolean awaitIdle(Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        synchronized (idle) {
            while (pending > 0) {
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    return false;
                }
                TimeUnit.NANOSECONDS.timedWait(idle, left);
            }
        }
        return true;
    }

    /** Why the pipeline stopped committing, or null while it works. */
    String failure() {
        return failure;
    }

    /** Stops the thread once the queue is empty (or at once after {@code timeout}); uncommitted batches are replayed later. */
    void close(Duration timeout) {
        closing = true;
        try {
            thread.join(timeout.toMillis());
            if (thread.isAlive()) {
                thread.interrupt();
                thread.join(1000);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void run() {
        while (!closing || !queue.isEmpty()) {
            Batch<E> batch;
            try {
                batch = queue.poll(50, TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
                return;
            }
            if (batch == null) {
                continue;
            }
            try {
                if (failure == null) {
                    commit(batch);
                }
            } catch (InterruptedException e) {
                return;
            } catch (Throwable e) {
                // Never die silently: the engine would wait for room in the queue for ever.
                failure = "committing relayed offsets failed: " + e;
            } finally {
                done();
            }
        }
    }

    private void commit(Batch<E> batch) throws InterruptedException {
        long start = System.nanoTime();
        try {
            for (Future<RecordMetadata> send : batch.sends()) {
                send.get();
            }
        } catch (ExecutionException e) {
            failure = "Kafka refused a relayed record: " + e.getCause();
            return;
        }
        long acked = System.nanoTime();
        try {
            for (E event : batch.events()) {
                batch.committer().markProcessed(event);
            }
            batch.committer().markBatchFinished();
        } catch (RuntimeException e) {
            if (closing) {
                LOG.debugf("offsets of a batch acknowledged during shutdown were not committed: %s", e.getMessage());
            } else {
                failure = "committing relayed offsets failed: " + e;
            }
            return;
        }
        long end = System.nanoTime();
        ackNanos.addAndGet(acked - start);
        commitNanos.addAndGet(end - acked);
        if (!batch.sends().isEmpty()) {
            listener.committed(batch.sends().size(), batch.oldest());
        }
    }

    private void done() {
        synchronized (idle) {
            pending--;
            idle.notifyAll();
        }
    }
}
