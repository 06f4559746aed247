package io.postventa.ticket.domain;

import java.time.Duration;
import java.time.Instant;

/**
 * The running SLA time of one ticket: when it started, how much working time it spent paused, and since when it
 * is paused now (null while running). Immutable; every change returns a new clock.
 */
public record SlaClock(Instant startedAt, Duration paused, Instant pausedSince) {

    public static SlaClock startAt(Instant at) {
        return new SlaClock(at, Duration.ZERO, null);
    }

    public boolean isPaused() {
        return pausedSince != null;
    }

    /** Stops the clock at {@code now}; a paused clock stays as it is. */
    public SlaClock pause(Instant now) {
        return isPaused() ? this : new SlaClock(startedAt, paused, now);
    }

    /** Restarts the clock, adding the working time it was stopped to the paused total. */
    public SlaClock resume(BusinessCalendar calendar, Instant now) {
        if (!isPaused()) {
            return this;
        }
        return new SlaClock(startedAt, paused.plus(calendar.businessTimeBetween(pausedSince, now)), null);
    }

    /** Pauses or resumes to match {@code shouldPause}. */
    public SlaClock pausedIf(boolean shouldPause, BusinessCalendar calendar, Instant now) {
        return shouldPause ? pause(now) : resume(calendar, now);
    }

    /** Working time counted against the SLA up to {@code now}, paused time excluded. */
    public Duration elapsed(BusinessCalendar calendar, Instant now) {
        Instant end = isPaused() && pausedSince.isBefore(now) ? pausedSince : now;
        Duration total = calendar.businessTimeBetween(startedAt, end).minus(paused);
        return total.isNegative() ? Duration.ZERO : total;
    }

    /** When {@code target} is due if the clock keeps running; null while paused (it cannot be due then). */
    public Instant dueAt(BusinessCalendar calendar, Duration target) {
        if (isPaused()) {
            return null;
        }
        return calendar.addBusinessTime(startedAt, target.plus(paused));
    }

    /** Whether more than {@code target} of working time has run by {@code now}. */
    public boolean isBreached(BusinessCalendar calendar, Duration target, Instant now) {
        return elapsed(calendar, now).compareTo(target) > 0;
    }
}
