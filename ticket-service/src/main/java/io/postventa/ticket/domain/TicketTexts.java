package io.postventa.ticket.domain;

import java.util.List;

import io.postventa.web.Texts;

/**
 * Where this service's customer-facing texts are: {@code texts/texts_<language>.properties} (automatic answers,
 * status phrases, IVR prompts, classifier keywords, acknowledgements, notes), read by platform/web's {@link Texts}.
 */
public final class TicketTexts {
    /** The files' name before {@code _<language>.properties}. */
    public static final String BUNDLE = "texts/texts";

    private TicketTexts() {
    }

    /** The texts of {@code languages} (ISO 639-1 codes), the first being the default. */
    public static Texts load(List<String> languages) {
        return Texts.load(TicketTexts.class, BUNDLE, languages);
    }
}
