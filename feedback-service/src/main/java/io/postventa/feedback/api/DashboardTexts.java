package io.postventa.feedback.api;

import java.util.List;
import java.util.Locale;
import java.util.Map;

import io.postventa.web.Texts;
import jakarta.enterprise.context.ApplicationScoped;

/** The dashboard's words in each language it speaks ({@code texts/dashboard_<language>.properties}), and how one is chosen. */
@ApplicationScoped
public class DashboardTexts {
    /** The languages the dashboard speaks; the first answers whoever asks in another. Add one with its file. */
    public static final List<String> LANGUAGES = List.of("es", "en", "pt");

    private final Texts texts = Texts.load(DashboardTexts.class, "texts/dashboard", LANGUAGES);

    /** A language of the page's language switch: its code and its own name. */
    public record Language(String code, String name) {
    }

    /** Every text of the page in {@code language}, for the template. */
    public Map<String, String> of(String language) {
        return texts.all(language);
    }

    /** A contact (or return) reason's name; a reason without one shows as its code. */
    public String reason(String language, String code) {
        return texts.find(language, "reason." + code).orElse(code);
    }

    public boolean speaks(String language) {
        return texts.speaks(language);
    }

    /** {@code ?lang=} wins; then the first spoken language of Accept-Language; the default (Spanish) otherwise. */
    public String choose(String lang, List<Locale> acceptable) {
        return lang != null && texts.speaks(lang) ? lang.toLowerCase(Locale.ROOT) : texts.choose(acceptable);
    }

    /** The page's language switch, in list order. */
    public List<Language> languages() {
        return LANGUAGES.stream().map(code -> new Language(code, texts.get(code, "language.name"))).toList();
    }

    /** The bundle itself (its languages and completeness, for tests). */
    public Texts bundle() {
        return texts;
    }
}
