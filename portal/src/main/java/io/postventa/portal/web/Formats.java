package io.postventa.portal.web;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.Locale;

import io.quarkus.qute.TemplateExtension;

/** Dates and times as the page's language writes them, in the store's time zone ({@code portal.time-zone}). */
public final class Formats {
    private static volatile java.time.ZoneId zone;

    private Formats() {
    }

    private static java.time.ZoneId zone() {
        if (zone == null) {
            zone = java.time.ZoneId.of(org.eclipse.microprofile.config.ConfigProvider.getConfig()
                    .getOptionalValue("portal.time-zone", String.class).orElse("Europe/Madrid"));
        }
        return zone;
    }

    /** An ISO date or instant as a long date, e.g. "5 de marzo de 2026". */
    @TemplateExtension(namespace = "fmt")
    public static String date(Object iso, String lang) {
        if (iso == null || iso.toString().isBlank()) {
            return "";
        }
        String s = iso.toString();
        try {
            LocalDate date = s.length() <= 10 ? LocalDate.parse(s) : Instant.parse(s).atZone(zone()).toLocalDate();
            return date.format(DateTimeFormatter.ofLocalizedDate(FormatStyle.LONG).withLocale(Locale.forLanguageTag(lang)));
        } catch (DateTimeException e) {
            return s;
        }
    }

    /** An ISO instant as a date and time. */
    @TemplateExtension(namespace = "fmt")
    public static String time(Object iso, String lang) {
        if (iso == null || iso.toString().isBlank()) {
            return "";
        }
        try {
            return Instant.parse(iso.toString()).atZone(zone()).format(DateTimeFormatter
                    .ofLocalizedDateTime(FormatStyle.LONG, FormatStyle.SHORT).withLocale(Locale.forLanguageTag(lang)));
        } catch (DateTimeException e) {
            return iso.toString();
        }
    }

    /** A machine-readable datetime attribute value. */
    @TemplateExtension(namespace = "fmt")
    public static String iso(Object iso) {
        return iso == null ? "" : iso.toString();
    }
}
