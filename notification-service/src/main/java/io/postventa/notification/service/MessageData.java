package io.postventa.notification.service;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import io.postventa.notification.domain.CustomerContact;
import io.postventa.notification.domain.PurchaseTier;

/**
 * What a template can use. Every name is always present (empty text when unknown) so that a template which
 * renders against the sample renders against any event of its trigger. Dates and times are written the way the
 * customer's language writes them, in their time zone.
 */
public final class MessageData {
    /** Facts a trigger event may carry; templates can use each by name. */
    public static final List<String> FACTS = List.of("carrier", "trackingNumber", "trackingUrl", "promisedDate",
            "total", "currency", "itemCount", "items", "status", "exceptionReason", "delayCause", "rmaCode", "resolution",
            "decisionNote", "refundAmount", "surveyUrl", "years", "replyText", "answerBy", "followUpDate");
    /** Facts carried as ISO dates (or instants), shown as a date in the customer's language. */
    private static final List<String> DATES = List.of("promisedDate", "followUpDate");
    /** Facts carried as ISO instants, shown as a date and time in the customer's language and time zone. */
    private static final List<String> TIMES = List.of("answerBy");

    private MessageData() {
    }

    /** The links a message carries besides its facts; {@code portalUrl} is the order's page in the customer portal. */
    public record Links(String unsubscribeUrl, String preferencesUrl, String portalUrl) {
        public Links(String unsubscribeUrl, String preferencesUrl) {
            this(unsubscribeUrl, preferencesUrl, null);
        }
    }

    public static Map<String, Object> of(TriggerEvent event, CustomerContact contact, Links links,
            List<String> earlierUpdates, String language, ZoneId zone) {
        Map<String, Object> data = new HashMap<>();
        data.put("firstName", text(contact.firstName));
        data.put("lastName", text(contact.lastName));
        // no tier wording when the purchase number is unknown (a message planned from a ticket, not an order)
        PurchaseTier tier = event.purchaseNumber() == null ? null : PurchaseTier.of(event.purchaseNumber());
        data.put("purchaseNumber", event.purchaseNumber() == null ? 0 : event.purchaseNumber());
        data.put("firstPurchase", tier == PurchaseTier.FIRST);
        data.put("secondPurchase", tier == PurchaseTier.SECOND);
        data.put("thirdPurchase", tier == PurchaseTier.THIRD);
        data.put("repeatPurchase", tier == PurchaseTier.REPEAT);
        data.put("orderId", text(event.orderId()));
        data.put("returnId", text(event.returnId()));
        data.put("ticketId", text(event.ticketId()));
        data.put("surveyId", text(event.surveyId()));
        Locale locale = Locale.forLanguageTag(language == null ? "es" : language);
        for (String fact : FACTS) {
            String value = event.facts() == null ? null : event.facts().get(fact);
            if (value != null && DATES.contains(fact)) {
                value = date(value, locale, zone);
            } else if (value != null && TIMES.contains(fact)) {
                value = time(value, locale, zone);
            }
            data.put(fact, text(value));
        }
        data.put("unsubscribeUrl", text(links.unsubscribeUrl()));
        data.put("preferencesUrl", text(links.preferencesUrl()));
        data.put("portalUrl", text(links.portalUrl()));
        data.put("earlierUpdates", earlierUpdates == null ? List.of() : earlierUpdates);
        return data;
    }

    /** A date (ISO date, or an ISO instant taken in the customer's time zone) as their language writes it. */
    private static String date(String iso, Locale locale, ZoneId zone) {
        try {
            LocalDate date = iso.length() <= 10 ? LocalDate.parse(iso) : Instant.parse(iso).atZone(zone).toLocalDate();
            return date.format(DateTimeFormatter.ofLocalizedDate(FormatStyle.LONG).withLocale(locale));
        } catch (DateTimeException e) {
            return iso;
        }
    }

    private static String time(String iso, Locale locale, ZoneId zone) {
        try {
            return Instant.parse(iso).atZone(zone).format(
                    DateTimeFormatter.ofLocalizedDateTime(FormatStyle.LONG, FormatStyle.SHORT).withLocale(locale));
        } catch (DateTimeException e) {
            return iso;
        }
    }

    private static String text(String value) {
        return value == null ? "" : value;
    }
}
