package io.postventa.feedback.service;

import java.time.Clock;
import java.util.List;
import java.util.Locale;

import io.postventa.feedback.domain.Survey;
import io.postventa.feedback.domain.SurveyStatus;
import io.postventa.feedback.domain.SurveyToken;
import io.postventa.web.ProblemException;
import jakarta.enterprise.context.ApplicationScoped;

/** A survey link's token: the survey it stands for, or why it opens none, said in the customer's language. */
@ApplicationScoped
public class SurveyLinks {
    private final SurveyStore surveys;
    private final SurveyToken tokens;
    private final SurveyTexts texts;
    private final Clock clock;

    public SurveyLinks(SurveyStore surveys, SurveyTokens tokens, SurveyTexts texts, Clock clock) {
        this.surveys = surveys;
        this.tokens = tokens.token();
        this.texts = texts;
        this.clock = clock;
    }

    /**
     * The survey a token stands for. Forged, malformed or unknown tokens (and links of a survey that was withdrawn)
     * answer 404 without saying which; a genuine token that expired or was used answers 410 Gone.
     */
    public Survey resolve(String token, boolean lock, List<Locale> accepted) {
        SurveyToken.Claims claims = tokens.verify(token).orElseThrow(() -> invalidLink(accepted));
        Survey s = surveys.find(claims.surveyId(), lock).orElseThrow(() -> invalidLink(accepted));
        if (s.expiresAt() == null || s.expiresAt().getEpochSecond() != claims.expiresAt().getEpochSecond()) {
            throw invalidLink(accepted);
        }
        String language = texts.language(s.locale());
        if (s.status() == SurveyStatus.ANSWERED) {
            throw new ProblemException(410, "Survey already answered", texts.answeredLink(language), List.of());
        }
        if (claims.expiredAt(clock.instant())) {
            throw new ProblemException(410, "Survey link expired", texts.expiredLink(language, claims.expiresAt()),
                    List.of());
        }
        if (s.status() != SurveyStatus.SENT) {
            throw invalidLink(accepted);
        }
        return s;
    }

    /** A link that opens no survey: it does not say whether one exists, so it speaks the caller's language. */
    private ProblemException invalidLink(List<Locale> accepted) {
        return new ProblemException(404, "Survey link not valid", texts.invalidLink(texts.language(accepted)), List.of());
    }
}
