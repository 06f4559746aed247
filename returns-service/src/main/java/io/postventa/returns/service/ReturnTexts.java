package io.postventa.returns.service;

import java.util.List;
import java.util.Locale;
import java.util.Map;

import io.postventa.returns.domain.Ineligibility;
import io.postventa.web.Texts;
import jakarta.enterprise.context.ApplicationScoped;

/** What returns-service tells customers, in their language, from {@code texts/returns_<language>.properties}. */
@ApplicationScoped
public class ReturnTexts {
    /** The languages customers are answered in; the first answers whoever asks in another. Add one with its file. */
    public static final List<String> LANGUAGES = List.of("en", "es", "pt");

    private final Texts texts = Texts.load(ReturnTexts.class, "texts/returns", LANGUAGES);

    /** The language to answer a caller in, from their Accept-Language (most wanted first). */
    public String language(List<Locale> accepted) {
        return texts.choose(accepted);
    }

    /** The spoken language of a locale tag, or the default. */
    public String language(String localeTag) {
        return texts.language(localeTag);
    }

    public String ineligibility(Ineligibility reason, String language) {
        return texts.get(language, "ineligibility." + reason.name());
    }

    public String text(String language, String key) {
        return texts.get(language, key);
    }

    public String text(String language, String key, Map<String, ?> values) {
        return texts.get(language, key, values);
    }

    /** The bundle itself (its languages and completeness, for tests). */
    public Texts bundle() {
        return texts;
    }
}
