package io.postventa.notification.domain;

import java.time.LocalTime;
import java.time.ZonedDateTime;

/** A daily window (in the customer's time zone) in which nothing interruptive is sent; may wrap midnight. */
public record QuietHours(LocalTime start, LocalTime end) {

    /** True when {@code time} falls inside the window (start inclusive, end exclusive). */
    public boolean contains(LocalTime time) {
        if (start.equals(end)) {
            return false;
        }
        if (start.isBefore(end)) {
            return !time.isBefore(start) && time.isBefore(end);
        }
        return !time.isBefore(start) || time.isBefore(end);
    }

    /** The first moment at or after {@code now} that is outside the window. */
    public ZonedDateTime nextAllowed(ZonedDateTime now) {
        if (!contains(now.toLocalTime())) {
            return now;
        }
        ZonedDateTime endToday = now.with(end).withSecond(0).withNano(0);
        return endToday.isAfter(now) ? endToday : endToday.plusDays(1);
    }
}
