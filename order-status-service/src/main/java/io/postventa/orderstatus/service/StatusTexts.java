package io.postventa.orderstatus.service;

import java.util.List;
import java.util.Locale;
import java.util.Map;

import io.postventa.events.common.OrderStatus;
import io.postventa.events.orders.OrderLifecycleEventType;
import io.postventa.web.Texts;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Customer-facing texts of statuses and timeline events, in the customer's language, from
 * {@code texts/order-status_<language>.properties}.
 */
@ApplicationScoped
public class StatusTexts {
    /** The languages customers are answered in; the first answers whoever asks in another. Add one with its file. */
    public static final List<String> LANGUAGES = List.of("es", "en", "pt");

    private final Texts texts = Texts.load(StatusTexts.class, "texts/order-status", LANGUAGES);

    /** The headline of an order in {@code language}; a late order says so. */
    public String status(OrderStatus status, boolean delayed, String language) {
        String text = texts.get(language, "status." + status.name());
        return delayed ? texts.get(language, "status.delayed", Map.of("status", text)) : text;
    }

    /** The label of a timeline entry. */
    public String event(OrderLifecycleEventType type, String language) {
        return texts.get(language, "event." + type.name());
    }

    /**
     * The language to answer in: the first of the caller's accepted languages spoken here, else the language the
     * order was placed in, else the default (Spanish).
     */
    public String language(List<Locale> accepted, String orderLocale) {
        return texts.choose(accepted, orderLocale);
    }

    /** The bundle itself (its languages and completeness, for tests). */
    public Texts bundle() {
        return texts;
    }
}
