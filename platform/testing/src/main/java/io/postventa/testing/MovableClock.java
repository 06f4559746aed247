package io.postventa.testing;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

import jakarta.annotation.Priority;
import jakarta.enterprise.inject.Alternative;
import jakarta.inject.Singleton;

/**
 * The clock of every service under {@code @QuarkusTest} (an alternative to platform/web's {@code ClockProducer},
 * enabled for every service whose tests depend on platform/testing): real time until a test moves it. A test either
 * pins it ({@link #set}: time stands still there) or moves it on ({@link #advance}: a running clock keeps running,
 * a pinned one stays pinned), and puts it back with {@link #reset} when it is done.
 *
 * <pre>
 * &#64;Inject MovableClock clock;
 * ...
 * clock.advance(Duration.ofDays(1));
 * </pre>
 */
@Alternative
@Priority(1)
@Singleton
public class MovableClock extends Clock {
    private volatile Instant pinned;
    private volatile Duration offset = Duration.ZERO;

    /** Stops the clock at {@code instant}. */
    public void set(Instant instant) {
        pinned = instant;
    }

    /** Moves the clock on by {@code duration}: the pinned instant, or the running time. */
    public synchronized void advance(Duration duration) {
        Instant p = pinned;
        if (p != null) {
            pinned = p.plus(duration);
        } else {
            offset = offset.plus(duration);
        }
    }

    /** Real time again. */
    public synchronized void reset() {
        pinned = null;
        offset = Duration.ZERO;
    }

    @Override
    public Instant instant() {
        Instant p = pinned;
        return p != null ? p : Instant.now().plus(offset);
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    /** The same movable time seen from {@code zone}: later moves show in it too. */
    @Override
    public Clock withZone(ZoneId zone) {
        MovableClock source = this;
        return zone.equals(getZone()) ? this : new Clock() {
            @Override
            public Instant instant() {
                return source.instant();
            }

            @Override
            public ZoneId getZone() {
                return zone;
            }

            @Override
            public Clock withZone(ZoneId other) {
                return source.withZone(other);
            }
        };
    }
}
