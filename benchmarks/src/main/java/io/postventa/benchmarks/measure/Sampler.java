package io.postventa.benchmarks.measure;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Runs a measurement every period in the background until stopped. Stopping does not rely on the thread's
 * interrupt flag (a Kafka admin call that takes the interrupt clears the flag and throws, and a loop that checked
 * the flag went on sampling for ever): a volatile flag stops the next sample, the executor is shut down, and a
 * sample still running is abandoned after a short wait, so {@link #stop} always returns.
 */
public final class Sampler implements AutoCloseable {
    private final ScheduledExecutorService executor;
    private volatile boolean stopped;
    private volatile Throwable lastFailure;

    private Sampler(String name) {
        executor = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, name);
            t.setDaemon(true);
            return t;
        });
    }

    /** Starts running {@code sample} now and then every {@code period} after the previous run ended. */
    public static Sampler every(Duration period, String name, Runnable sample) {
        Sampler s = new Sampler(name);
        s.executor.scheduleWithFixedDelay(() -> {
            if (s.stopped) {
                return;
            }
            try {
                sample.run();
            } catch (RuntimeException e) {
                // one failed reading (a broker busy for longer than the call's timeout) must not end the series
                s.lastFailure = e;
            }
        }, 0, period.toMillis(), TimeUnit.MILLISECONDS);
        return s;
    }

    /** Whether the sampler was stopped: a sample that finishes afterwards must not record anything. */
    public boolean stopped() {
        return stopped;
    }

    /** The last sample that failed, if any (for the log). */
    public Throwable lastFailure() {
        return lastFailure;
    }

    /** Stops sampling; returns within about five seconds whatever a running sample does. */
    public void stop() {
        stopped = true;
        executor.shutdown();
        try {
            if (!executor.awaitTermination(5, TimeUnit.SECONDS)) {
                executor.shutdownNow();
            }
        } catch (InterruptedException e) {
            executor.shutdownNow();
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() {
        stop();
    }
}
