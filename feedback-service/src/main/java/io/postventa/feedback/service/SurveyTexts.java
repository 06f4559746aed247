package io.postventa.feedback.service;

import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import io.postventa.events.feedback.SurveyKind;
import io.postventa.events.feedback.SurveyTrigger;
import io.postventa.feedback.domain.LowScoreReason;
import io.postventa.web.Texts;
import jakarta.enterprise.context.ApplicationScoped;

/** What the survey page tells customers, in the survey's language, from {@code texts/surveys_<language>.properties}. */
@ApplicationScoped
public class SurveyTexts {
    /** The languages surveys are asked in; the first answers a customer whose language is another. Add one with its file. */
    public static final List<String> LANGUAGES = List.of("es", "en", "pt");

    private final Texts texts = Texts.load(SurveyTexts.class, "texts/surveys", LANGUAGES);

    /** The language of a survey stored with {@code locale} (e.g. {@code pt-PT}). */
    public String language(String locale) {
        return texts.language(locale);
    }

    /** The language of a caller who has no survey to go by, from their Accept-Language. */
    public String language(List<Locale> accepted) {
        return texts.choose(accepted);
    }

    /** The question: NPS has one; CSAT one per trigger, with a general one for the others. */
    public String question(SurveyKind kind, SurveyTrigger trigger, String language) {
        if (kind == SurveyKind.NPS) {
            return texts.get(language, "question.NPS");
        }
        return texts.find(language, "question.CSAT." + trigger.name())
                .orElseGet(() -> texts.get(language, "question.CSAT"));
    }

    /** The low-score reasons offered, in order, each with its label. */
    public List<Map.Entry<LowScoreReason, String>> lowScoreReasons(String language) {
        return Arrays.stream(LowScoreReason.values())
                .map(r -> Map.entry(r, texts.get(language, "lowScoreReason." + r.name()))).toList();
    }

    public String invalidLink(String language) {
        return texts.get(language, "link.invalid");
    }

    public String expiredLink(String language, Instant expiresAt) {
        return texts.get(language, "link.expired", Map.of("expiresAt", expiresAt));
    }

    public String answeredLink(String language) {
        return texts.get(language, "link.answered");
    }

    /** The bundle itself (its languages and completeness, for tests). */
    public Texts bundle() {
        return texts;
    }
}
