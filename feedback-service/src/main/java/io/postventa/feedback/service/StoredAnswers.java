package io.postventa.feedback.service;

import java.time.Instant;
import java.util.Optional;

import io.postventa.events.feedback.FeedbackContext;
import io.postventa.events.feedback.SurveyKind;
import io.postventa.events.feedback.SurveyTrigger;
import jakarta.enterprise.context.ApplicationScoped;

/** The answers as stored, with their comments: read by the agent who follows a detractor up, or by its customer. */
@ApplicationScoped
public class StoredAnswers {
    private final Sql sql;

    public StoredAnswers(Sql sql) {
        this.sql = sql;
    }

    /** A stored answer with its comment, for staff and for the customer who gave it. */
    public record StoredAnswer(String surveyId, String customerId, SurveyKind kind, SurveyTrigger trigger, int score,
            String comment, String lowScoreReason, Instant answeredAt, boolean detractor, Instant recoveredAt,
            FeedbackContext context) {
    }

    /** The answer to survey {@code surveyId}, if it was answered. */
    public Optional<StoredAnswer> find(String surveyId) {
        return sql.one("select * from answer where survey_id = ?", rs -> new StoredAnswer(rs.getString("survey_id"),
                rs.getString("customer_id"), SurveyKind.valueOf(rs.getString("kind")), SurveyTrigger.valueOf(rs.getString("trigger")),
                rs.getInt("score"), rs.getString("comment"), rs.getString("low_score_reason"), Sql.instant(rs, "answered_at"),
                rs.getBoolean("detractor"), Sql.instant(rs, "recovered_at"), SurveyStore.context(rs)), surveyId);
    }
}
