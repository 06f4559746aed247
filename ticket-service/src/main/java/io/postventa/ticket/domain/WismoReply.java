package io.postventa.ticket.domain;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Map;

import io.postventa.events.common.OrderStatus;
import io.postventa.web.Texts;

/**
 * The self-service answer to "where is my order?": the live status, the promised date and the tracking link, in
 * the customer's language, from the text bundles ({@code wismo.*}, {@code status.*}, {@code date.pattern}).
 */
public final class WismoReply {
    private WismoReply() {
    }

    public static String render(Texts texts, String language, String orderId, OrderStatus status,
            LocalDate promisedDate, String trackingUrl) {
        String lang = texts.language(language);
        StringBuilder text = new StringBuilder(texts.get(lang, "wismo.reply",
                Map.of("orderId", orderId, "status", status(texts, lang, status))));
        if (promisedDate != null) {
            text.append(' ').append(texts.get(lang, "wismo.promised",
                    Map.of("promisedDate", date(texts, lang, promisedDate))));
        }
        if (trackingUrl != null) {
            text.append(' ').append(texts.get(lang, "wismo.tracking", Map.of("trackingUrl", trackingUrl)));
        }
        return text.append('\n').append(texts.get(lang, "wismo.closing")).toString();
    }

    /** The status as a phrase following "your order ...". */
    public static String status(Texts texts, String language, OrderStatus status) {
        return texts.get(language, "status." + status.name());
    }

    /** A date as a customer reads it in that language. */
    public static String date(Texts texts, String language, LocalDate date) {
        String lang = texts.language(language);
        return date.format(DateTimeFormatter.ofPattern(texts.get(lang, "date.pattern"), Locale.forLanguageTag(lang)));
    }
}
