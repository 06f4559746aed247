package io.postventa.console.web;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;

import io.postventa.console.ConsoleConfig;
import io.quarkus.arc.Arc;
import io.quarkus.qute.TemplateExtension;

/** Formatting helpers the templates call on the services' ISO values, e.g. {@code {m.createdAt.when}}. */
@TemplateExtension
public final class Formats {
    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    private Formats() {
    }

    /** An ISO instant as local date and time, e.g. 2026-12-07 10:34. */
    static String when(Object iso) {
        if (iso == null) {
            return "";
        }
        try {
            return WHEN.format(Instant.parse(iso.toString()).atZone(zone()));
        } catch (DateTimeParseException e) {
            return iso.toString();
        }
    }

    /** An ISO date, unchanged when it is not one. */
    static String day(Object iso) {
        if (iso == null) {
            return "";
        }
        try {
            return LocalDate.parse(iso.toString()).toString();
        } catch (DateTimeParseException e) {
            return iso.toString();
        }
    }

    private static ZoneId zone() {
        return Arc.container().instance(ConsoleConfig.class).get().timeZone();
    }

    /** A duration as "2 h 05 min" or "45 min". */
    public static String span(Duration d) {
        long minutes = Math.abs(d.toMinutes());
        long days = minutes / (24 * 60);
        long hours = (minutes / 60) % 24;
        long mins = minutes % 60;
        if (days > 0) {
            return days + " d " + hours + " h";
        }
        return hours > 0 ? hours + " h " + String.format("%02d", mins) + " min" : mins + " min";
    }
}
