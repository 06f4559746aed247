package io.postventa.feedback.service;

import static io.postventa.feedback.service.Rollups.Counter.CSAT_ANSWERS;
import static io.postventa.feedback.service.Rollups.Counter.CSAT_SATISFIED;
import static io.postventa.feedback.service.Rollups.Counter.CSAT_SCORE_SUM;
import static io.postventa.feedback.service.Rollups.Counter.DETRACTORS;
import static io.postventa.feedback.service.Rollups.Counter.NPS_ANSWERS;
import static io.postventa.feedback.service.Rollups.Counter.NPS_DETRACTORS;
import static io.postventa.feedback.service.Rollups.Counter.NPS_PROMOTERS;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

import io.postventa.events.EventType;
import io.postventa.events.feedback.FeedbackContext;
import io.postventa.events.feedback.FeedbackDetractor;
import io.postventa.events.feedback.FeedbackReceived;
import io.postventa.events.feedback.SurveyKind;
import io.postventa.feedback.config.FeedbackConfig;
import io.postventa.feedback.domain.DriverDimension;
import io.postventa.feedback.domain.LowScoreReason;
import io.postventa.feedback.domain.Survey;
import io.postventa.feedback.domain.SurveyRules;
import io.postventa.feedback.domain.SurveyStatus;
import io.postventa.messaging.outbox.Outbox;
import io.postventa.web.Problem;
import io.postventa.web.ProblemException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

/**
 * The one answer a survey link allows: checked, stored with the survey's context, counted in the rollups, and
 * published as feedback.received (and, for an unhappy customer, feedback.detractor); a good answer recovers the
 * customer's earlier detractor answers.
 */
@ApplicationScoped
public class SurveyAnswering {
    private final SurveyLinks links;
    private final Sql sql;
    private final Rollups rollups;
    private final DetractorRecovery recovery;
    private final Outbox outbox;
    private final Clock clock;
    private final FeedbackConfig config;
    private final TicketFacts splits;
    private final VariantFacts variants;

    public SurveyAnswering(SurveyLinks links, Sql sql, Rollups rollups, DetractorRecovery recovery, Outbox outbox,
            Clock clock, FeedbackConfig config, TicketFacts splits, VariantFacts variants) {
        this.splits = splits;
        this.variants = variants;
        this.links = links;
        this.sql = sql;
        this.rollups = rollups;
        this.recovery = recovery;
        this.outbox = outbox;
        this.clock = clock;
        this.config = config;
    }

    /** The answer as given. */
    public record Answer(Integer score, String comment, String lowScoreReason) {
    }

    /** What was stored. */
    public record AnswerView(String surveyId, SurveyKind kind, int score, boolean detractor, Instant answeredAt) {
    }

    /** Stores the one answer a link allows and publishes it. */
    @Transactional
    public AnswerView answer(String token, Answer answer, List<Locale> accepted) {
        Survey s = links.resolve(token, true, accepted);
        validate(s.kind(), answer);
        Instant now = clock.instant();
        int score = answer.score();
        boolean detractor = SurveyRules.detractor(s.kind(), score);
        String comment = answer.comment() == null || answer.comment().isBlank() ? null : answer.comment().strip();
        String reason = answer.lowScoreReason() == null || answer.lowScoreReason().isBlank() ? null : answer.lowScoreReason();
        LocalDate day = rollups.day(now);
        FeedbackContext c = s.context();
        sql.update("insert into answer (survey_id, customer_id, kind, trigger, score, comment, low_score_reason, locale, answered_at, "
                + "day, detractor, ctx_order_id, ctx_carrier, ctx_delayed, ctx_return_id, ctx_return_reason, ctx_ticket_id, "
                + "ctx_ticket_reason, ctx_sla_met) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                s.surveyId(), s.customerId(), s.kind(), s.trigger(), score, comment, reason, s.locale(), now, day, detractor,
                c.orderId(), c.carrier(), c.delayed(), c.returnId(), c.returnReason(), c.ticketId(), c.ticketReason(), c.slaMet());
        sql.update("update survey set status = ? where survey_id = ?", s.moveTo(SurveyStatus.ANSWERED).status(), s.surveyId());
        count(s.kind(), score, day, c);
        if (s.kind() == SurveyKind.CSAT) {
            splits.csat(c.ticketId(), score, SurveyRules.satisfied(s.kind(), score), day);
            variants.csat(c.orderId(), s.customerId(), score, SurveyRules.satisfied(s.kind(), score), now);
        }
        if (SurveyRules.recovers(s.kind(), score)) {
            recovery.recover(s.customerId(), now);
        }
        outbox.publish(EventType.FEEDBACK_RECEIVED, s.surveyId(), new FeedbackReceived(s.surveyId(), s.customerId(), now,
                s.kind(), s.trigger(), score, comment != null, reason, c), now);
        if (detractor) {
            outbox.publish(EventType.FEEDBACK_DETRACTOR, s.surveyId(), new FeedbackDetractor(s.surveyId(), s.customerId(), now,
                    s.kind(), s.trigger(), score, comment != null, reason, s.locale(), c), now);
        }
        return new AnswerView(s.surveyId(), s.kind(), score, detractor, now);
    }

    private void count(SurveyKind kind, int score, LocalDate day, FeedbackContext c) {
        boolean promoter = SurveyRules.promoter(kind, score);
        boolean detractor = SurveyRules.detractor(kind, score);
        boolean satisfied = SurveyRules.satisfied(kind, score);
        if (kind == SurveyKind.NPS) {
            rollups.add(day, NPS_ANSWERS, 1);
            rollups.add(day, NPS_PROMOTERS, promoter ? 1 : 0);
            rollups.add(day, NPS_DETRACTORS, detractor ? 1 : 0);
        } else {
            rollups.add(day, CSAT_ANSWERS, 1);
            rollups.add(day, CSAT_SATISFIED, satisfied ? 1 : 0);
            rollups.add(day, CSAT_SCORE_SUM, score);
        }
        rollups.add(day, DETRACTORS, detractor ? 1 : 0);
        if (c.carrier() != null) {
            rollups.driver(day, kind, DriverDimension.CARRIER, c.carrier(), promoter, detractor, satisfied, score);
        }
        if (c.delayed() != null) {
            rollups.driver(day, kind, DriverDimension.DELAYED, c.delayed().toString(), promoter, detractor, satisfied, score);
        }
        if (c.returnReason() != null) {
            rollups.driver(day, kind, DriverDimension.RETURN_REASON, c.returnReason().name(), promoter, detractor, satisfied, score);
        }
        if (c.ticketReason() != null) {
            rollups.driver(day, kind, DriverDimension.TICKET_REASON, c.ticketReason().name(), promoter, detractor, satisfied, score);
        }
    }

    private void validate(SurveyKind kind, Answer answer) {
        List<Problem.FieldError> errors = new ArrayList<>();
        if (answer == null || answer.score() == null) {
            throw ProblemException.badField("score", "is required");
        }
        if (!SurveyRules.inRange(kind, answer.score())) {
            errors.add(new Problem.FieldError("score", "must be between " + SurveyRules.min(kind) + " and "
                    + SurveyRules.max(kind) + " for " + kind));
        }
        if (answer.comment() != null && answer.comment().length() > config.surveys().commentMaxLength()) {
            errors.add(new Problem.FieldError("comment", "must be at most " + config.surveys().commentMaxLength() + " characters"));
        }
        if (answer.lowScoreReason() != null && !answer.lowScoreReason().isBlank()) {
            if (kind != SurveyKind.CSAT) {
                errors.add(new Problem.FieldError("lowScoreReason", "is only asked on a CSAT survey"));
            } else if (LowScoreReason.parse(answer.lowScoreReason()) == null) {
                errors.add(new Problem.FieldError("lowScoreReason", "must be one of " + Arrays.toString(LowScoreReason.values())));
            }
        } else if (SurveyRules.inRange(kind, answer.score()) && SurveyRules.lowScoreReasonRequired(kind, answer.score())) {
            errors.add(new Problem.FieldError("lowScoreReason", "is required for a score of 1 or 2"));
        }
        if (!errors.isEmpty()) {
            throw ProblemException.badFields(errors);
        }
    }
}
