package io.postventa.benchmarks.measure;

import java.time.Duration;
import java.util.function.BooleanSupplier;
import java.util.function.LongSupplier;

/** Waiting for what the system under test does, polling (a benchmark waits on processes it does not own). */
public final class Await {
    private Await() {
    }

    /** Waits (polling every 100 ms) until {@code done} holds; false if {@code timeout} passed first. */
    public static boolean until(Duration timeout, BooleanSupplier done) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!done.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                return false;
            }
            pause(100);
        }
        return true;
    }

    /**
     * Waits until {@code count} reaches {@code expected}, for as long as it keeps moving: gives up (false) only
     * when it has not changed for {@code quiet}, so a slow but working system is never cut short.
     */
    public static boolean progress(LongSupplier count, long expected, Duration quiet) {
        long last = -1;
        long lastChange = System.nanoTime();
        for (long now = count.getAsLong(); now < expected; now = count.getAsLong()) {
            if (now != last) {
                last = now;
                lastChange = System.nanoTime();
            } else if (System.nanoTime() - lastChange > quiet.toNanos()) {
                System.out.printf("  %,d of %,d; no progress for %d s%n", now, expected, quiet.toSeconds());
                return false;
            }
            pause(100);
        }
        return true;
    }

    /** {@link #progress}, failing with {@code what} when it stops short. */
    public static void progress(LongSupplier count, long expected, Duration quiet, String what) {
        if (!progress(count, expected, quiet)) {
            throw new IllegalStateException(what + ": stuck at " + count.getAsLong() + " of " + expected);
        }
    }

    private static void pause(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting", e);
        }
    }
}
