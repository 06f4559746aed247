package io.postventa.ticket.domain;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.EnumMap;
import java.util.Map;
import java.util.Set;

/**
 * When the team works: opening minutes per weekday in a time zone, minus holidays. SLA time only runs inside
 * these hours. A day's window is {@code [openMinute, closeMinute)} minutes after local midnight (1440 = end of day).
 */
public record BusinessCalendar(ZoneId zone, Map<DayOfWeek, Window> hours, Set<LocalDate> holidays) {

    /** Opening window of one weekday, in minutes after local midnight. */
    public record Window(int openMinute, int closeMinute) {
        public Window {
            if (openMinute < 0 || closeMinute > 1440 || openMinute >= closeMinute) {
                throw new IllegalArgumentException("a window opens before it closes, within 0..1440 minutes");
            }
        }
    }

    private static final int MAX_DAYS = 3 * 366;

    public BusinessCalendar {
        hours = hours.isEmpty() ? Map.of() : Map.copyOf(new EnumMap<>(hours));
        holidays = Set.copyOf(holidays);
        if (hours.isEmpty()) {
            throw new IllegalArgumentException("a calendar needs at least one working day");
        }
    }

    /** Every day, all day, in {@code zone}: the marketplace's "24 h" clock. */
    public static BusinessCalendar alwaysOpen(ZoneId zone) {
        Map<DayOfWeek, Window> all = new EnumMap<>(DayOfWeek.class);
        for (DayOfWeek day : DayOfWeek.values()) {
            all.put(day, new Window(0, 1440));
        }
        return new BusinessCalendar(zone, all, Set.of());
    }

    /** Monday to Friday from {@code open} to {@code close} hours, in {@code zone}, with holidays. */
    public static BusinessCalendar weekdays(ZoneId zone, int openHour, int closeHour, Set<LocalDate> holidays) {
        Map<DayOfWeek, Window> week = new EnumMap<>(DayOfWeek.class);
        for (DayOfWeek day : DayOfWeek.values()) {
            if (day != DayOfWeek.SATURDAY && day != DayOfWeek.SUNDAY) {
                week.put(day, new Window(openHour * 60, closeHour * 60));
            }
        }
        return new BusinessCalendar(zone, week, holidays);
    }

    /** The instant when {@code amount} of working time has passed after {@code start}. */
    public Instant addBusinessTime(Instant start, Duration amount) {
        if (amount.isNegative()) {
            throw new IllegalArgumentException("amount must not be negative");
        }
        Duration left = amount;
        LocalDate day = start.atZone(zone).toLocalDate();
        for (int i = 0; i < MAX_DAYS; i++, day = day.plusDays(1)) {
            Instant[] window = window(day);
            if (window == null || !window[1].isAfter(start)) {
                continue;
            }
            Instant from = start.isAfter(window[0]) ? start : window[0];
            Duration available = Duration.between(from, window[1]);
            if (available.compareTo(left) >= 0) {
                return from.plus(left);
            }
            left = left.minus(available);
        }
        throw new IllegalStateException("no working time within " + MAX_DAYS + " days");
    }

    /** Working time between two instants; zero when {@code to} is not after {@code from}. */
    public Duration businessTimeBetween(Instant from, Instant to) {
        if (!to.isAfter(from)) {
            return Duration.ZERO;
        }
        Duration total = Duration.ZERO;
        LocalDate day = from.atZone(zone).toLocalDate();
        LocalDate last = to.atZone(zone).toLocalDate();
        for (; !day.isAfter(last); day = day.plusDays(1)) {
            Instant[] window = window(day);
            if (window == null) {
                continue;
            }
            Instant start = from.isAfter(window[0]) ? from : window[0];
            Instant end = to.isBefore(window[1]) ? to : window[1];
            if (end.isAfter(start)) {
                total = total.plus(Duration.between(start, end));
            }
        }
        return total;
    }

    /** Whether {@code day} is a working day. */
    public boolean isWorkingDay(LocalDate day) {
        return hours.containsKey(day.getDayOfWeek()) && !holidays.contains(day);
    }

    private Instant[] window(LocalDate day) {
        if (!isWorkingDay(day)) {
            return null;
        }
        Window w = hours.get(day.getDayOfWeek());
        return new Instant[] {at(day, w.openMinute()), at(day, w.closeMinute())};
    }

    private Instant at(LocalDate day, int minute) {
        ZonedDateTime midnight = day.atStartOfDay(zone);
        if (minute == 1440) {
            return day.plusDays(1).atStartOfDay(zone).toInstant();
        }
        return midnight.toLocalDate().atTime(minute / 60, minute % 60).atZone(zone).toInstant();
    }
}
