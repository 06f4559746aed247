package io.postventa.ticket.domain;

import java.time.Duration;

import io.postventa.web.Texts;

/** One priority's SLA targets within a policy. */
public record SlaTargets(Duration firstResponse, Duration resolution) {

    /** A target as words in the customer's language ("24 horas", "30 minutes"), from the text bundles. */
    public static String describe(Texts texts, String language, Duration target) {
        long seconds = target.toSeconds();
        if (seconds % 86_400 == 0 && seconds >= 4 * 86_400) {
            return texts.format(language, "duration.days", seconds / 86_400);
        }
        if (seconds % 3_600 == 0) {
            return texts.format(language, "duration.hours", seconds / 3_600);
        }
        if (seconds % 60 == 0) {
            return texts.format(language, "duration.minutes", seconds / 60);
        }
        return texts.format(language, "duration.seconds", seconds);
    }
}
