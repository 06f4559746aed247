package io.postventa.feedback.service;

import java.util.List;
import java.util.Map;

import io.postventa.web.Texts;
import jakarta.enterprise.context.ApplicationScoped;

/** The words of alert e-mails in each language ({@code texts/alerts_<language>.properties}). */
@ApplicationScoped
public class AlertTexts {
    public static final List<String> LANGUAGES = List.of("es", "en", "pt");

    private final Texts texts = Texts.load(AlertTexts.class, "texts/alerts", LANGUAGES);

    /** The subject of an alert of {@code kind}, its placeholders filled. */
    public String subject(String language, String kind, Map<String, ?> values) {
        return texts.get(language, "subject." + kind, values);
    }

    /** The body of an alert of {@code kind}, its placeholders filled. */
    public String body(String language, String kind, Map<String, ?> values) {
        return texts.get(language, "body." + kind, values);
    }

    public Texts bundle() {
        return texts;
    }
}
