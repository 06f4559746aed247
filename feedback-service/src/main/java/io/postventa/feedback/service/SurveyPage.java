package io.postventa.feedback.service;

import java.time.Instant;
import java.util.List;
import java.util.Locale;

import io.postventa.events.feedback.SurveyKind;
import io.postventa.events.feedback.SurveyTrigger;
import io.postventa.feedback.config.FeedbackConfig;
import io.postventa.feedback.domain.Survey;
import io.postventa.feedback.domain.SurveyRules;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

/** What the answer page shows for a link: the question, the scale and the low-score reasons, in the survey's language. */
@ApplicationScoped
public class SurveyPage {
    private final SurveyLinks links;
    private final SurveyTexts texts;
    private final FeedbackConfig config;

    public SurveyPage(SurveyLinks links, SurveyTexts texts, FeedbackConfig config) {
        this.links = links;
        this.texts = texts;
        this.config = config;
    }

    /** What the answer page shows. */
    public record SurveyView(String surveyId, SurveyKind kind, SurveyTrigger trigger, String locale, String question,
            int minScore, int maxScore, int commentMaxLength, int lowScoreReasonBelowOrAt, List<ReasonOption> lowScoreReasons,
            Instant expiresAt, String orderId, String ticketId, String returnId) {
    }

    public record ReasonOption(String code, String label) {
    }

    /**
     * The survey behind a link token, for the answer page, in the survey's language; a link that does not open one
     * says why in the caller's ({@code accepted}, their Accept-Language) when the survey is unknown.
     */
    @Transactional
    public SurveyView open(String token, List<Locale> accepted) {
        Survey s = links.resolve(token, false, accepted);
        String language = texts.language(s.locale());
        String question = texts.question(s.kind(), s.trigger(), language);
        List<ReasonOption> reasons = s.kind() == SurveyKind.CSAT
                ? texts.lowScoreReasons(language).stream().map(r -> new ReasonOption(r.getKey().name(), r.getValue())).toList()
                : List.of();
        return new SurveyView(s.surveyId(), s.kind(), s.trigger(), s.locale(), question, SurveyRules.min(s.kind()),
                SurveyRules.max(s.kind()), config.surveys().commentMaxLength(), s.kind() == SurveyKind.CSAT ? 2 : -1, reasons,
                s.expiresAt(), s.context().orderId(), s.context().ticketId(), s.context().returnId());
    }
}
