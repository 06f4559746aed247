package io.postventa.feedback.service;

import static io.postventa.feedback.service.Rollups.Counter.*;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

import org.jboss.logging.Logger;

import io.postventa.events.EventType;
import io.postventa.events.common.ContactReason;
import io.postventa.events.common.ReturnReason;
import io.postventa.events.feedback.FeedbackContext;
import io.postventa.events.feedback.FeedbackDetractor;
import io.postventa.events.feedback.FeedbackReceived;
import io.postventa.events.feedback.SurveyInvited;
import io.postventa.events.feedback.SurveyKind;
import io.postventa.events.feedback.SurveyTrigger;
import io.postventa.feedback.config.FeedbackConfig;
import io.postventa.feedback.domain.LowScoreReason;
import io.postventa.feedback.domain.SurveyGate;
import io.postventa.feedback.domain.SurveyGate.Decision;
import io.postventa.feedback.domain.SurveyGate.Hold;
import io.postventa.feedback.domain.SurveyRules;
import io.postventa.feedback.domain.SurveyToken;
import io.postventa.messaging.outbox.Outbox;
import io.postventa.web.Problem;
import io.postventa.web.ProblemException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

/**
 * The survey life cycle: scheduled when an event triggers it, sent by the scheduler once due and not held or in
 * cooldown (publishing survey.invited with a signed link token), answered once through the token (publishing
 * feedback.received and, for an unhappy customer, feedback.detractor).
 */
@ApplicationScoped
public class SurveyService {
    private static final Logger LOG = Logger.getLogger(SurveyService.class);

    private final Sql sql;
    private final Rollups rollups;
    private final Outbox outbox;
    private final Clock clock;
    private final FeedbackConfig config;
    private final SurveyToken tokens;
    private final SurveyGate gate;
    private final SurveyTexts texts;

    public SurveyService(Sql sql, Rollups rollups, Outbox outbox, Clock clock, FeedbackConfig config, SurveyTokens tokens,
            SurveyTexts texts) {
        this.texts = texts;
        this.sql = sql;
        this.rollups = rollups;
        this.outbox = outbox;
        this.clock = clock;
        this.config = config;
        this.tokens = tokens.token();
        this.gate = new SurveyGate(config.surveys().cooldown(), config.surveys().maxHold());
    }

    /** A stored survey and its context. */
    public record Survey(String surveyId, String customerId, SurveyKind kind, SurveyTrigger trigger, String subjectId,
            String status, Instant dueAt, Instant invitedAt, Instant expiresAt, String locale, FeedbackContext context) {
    }

    /** What the answer page shows. */
    public record SurveyView(String surveyId, SurveyKind kind, SurveyTrigger trigger, String locale, String question,
            int minScore, int maxScore, int commentMaxLength, int lowScoreReasonBelowOrAt, List<ReasonOption> lowScoreReasons,
            Instant expiresAt, String orderId, String ticketId, String returnId) {
    }

    public record ReasonOption(String code, String label) {
    }

    /** The answer as given. */
    public record Answer(Integer score, String comment, String lowScoreReason) {
    }

    /** What was stored. */
    public record AnswerView(String surveyId, SurveyKind kind, int score, boolean detractor, Instant answeredAt) {
    }

    // scheduling ------------------------------------------------------------------------------------

    /** Schedules a survey about {@code subjectId}; one per trigger and subject, whatever is redelivered. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void schedule(SurveyKind kind, SurveyTrigger trigger, String customerId, String subjectId, Instant triggeredAt,
            Instant dueAt, String orderId, String returnId, String ticketId) {
        if (sql.one("select 1 from customer_profile where customer_id = ? and erased_at is not null", rs -> 1, customerId).isPresent()) {
            return;
        }
        sql.update("insert into survey (survey_id, customer_id, kind, trigger, subject_id, status, triggered_at, due_at, "
                + "ctx_order_id, ctx_return_id, ctx_ticket_id) values (?, ?, ?, ?, ?, 'PENDING', ?, ?, ?, ?, ?) "
                + "on conflict (trigger, subject_id) do nothing",
                "SRV-" + UUID.randomUUID(), customerId, kind, trigger, subjectId, triggeredAt, dueAt, orderId, returnId, ticketId);
    }

    /** What one run of the sender did. */
    public record SendResult(int examined, int sent, int held, int suppressed, int dropped) {
    }

    /**
     * Sends what is due now (one batch, surveys never checked first, then the longest held); a held survey stays
     * pending and is looked at again on the next run.
     */
    @Transactional
    public SendResult sendDue() {
        Instant now = clock.instant();
        List<Survey> due = sql.list("select * from survey where status = 'PENDING' and due_at <= ? order by checked_at nulls first, due_at "
                + "limit ? for update skip locked", SurveyService::survey, now, config.surveys().batchSize());
        int sent = 0;
        int held = 0;
        int suppressed = 0;
        int dropped = 0;
        for (Survey s : due) {
            Instant lastSent = sql.one("select max(invited_at) from survey where customer_id = ? and kind = ? and survey_id <> ?",
                    rs -> Sql.instant(rs, "max"), s.customerId(), s.kind(), s.surveyId()).orElse(null);
            Decision decision = gate.decide(now, s.dueAt(), holds(s.customerId()), lastSent);
            switch (decision.action()) {
                case SEND -> {
                    invite(s, now);
                    sent++;
                }
                case HOLD -> {
                    sql.update("update survey set held_reason = ?, checked_at = ? where survey_id = ?", decision.reason(), now,
                            s.surveyId());
                    held++;
                }
                case SUPPRESS, DROP -> {
                    boolean suppress = decision.action() == SurveyGate.Action.SUPPRESS;
                    sql.update("update survey set status = ?, status_reason = ?, checked_at = ? where survey_id = ?",
                            suppress ? "SUPPRESSED" : "DROPPED", decision.reason(), now, s.surveyId());
                    if (suppress) {
                        suppressed++;
                    } else {
                        dropped++;
                    }
                }
            }
        }
        return new SendResult(due.size(), sent, held, suppressed, dropped);
    }

    /** What keeps a customer from being surveyed now. */
    List<Hold> holds(String customerId) {
        List<Hold> holds = new ArrayList<>();
        if (sql.one("select 1 from ticket_fact where customer_id = ? and open limit 1", rs -> 1, customerId).isPresent()) {
            holds.add(Hold.OPEN_TICKET);
        }
        if (sql.one("select 1 from return_fact where customer_id = ? and open limit 1", rs -> 1, customerId).isPresent()) {
            holds.add(Hold.OPEN_RETURN);
        }
        if (sql.one("select 1 from order_fact where customer_id = ? and status in ('EXCEPTION', 'DELIVERY_FAILED') limit 1",
                rs -> 1, customerId).isPresent()) {
            holds.add(Hold.DELIVERY_EXCEPTION);
        }
        return holds;
    }

    private void invite(Survey s, Instant now) {
        FeedbackContext context = context(s);
        String locale = sql.one("select locale from customer_profile where customer_id = ?", rs -> rs.getString(1), s.customerId())
                .orElse(null);
        if (locale == null && context.orderId() != null) {
            locale = sql.one("select locale from order_fact where order_id = ?", rs -> rs.getString(1), context.orderId()).orElse(null);
        }
        if (locale == null) {
            locale = config.surveys().defaultLocale();
        }
        Instant expiresAt = now.plus(config.surveys().tokenTtl()).truncatedTo(java.time.temporal.ChronoUnit.SECONDS);
        String token = tokens.issue(s.surveyId(), expiresAt);
        sql.update("update survey set status = 'SENT', held_reason = null, invited_at = ?, expires_at = ?, locale = ?, "
                + "ctx_order_id = ?, ctx_carrier = ?, ctx_delayed = ?, ctx_return_id = ?, ctx_return_reason = ?, ctx_ticket_id = ?, "
                + "ctx_ticket_reason = ?, ctx_sla_met = ? where survey_id = ?", now, expiresAt, locale, context.orderId(),
                context.carrier(), context.delayed(), context.returnId(), context.returnReason(), context.ticketId(),
                context.ticketReason(), context.slaMet(), s.surveyId());
        outbox.publish(EventType.SURVEY_INVITED, s.surveyId(), new SurveyInvited(s.surveyId(), s.customerId(), now, s.kind(),
                s.trigger(), token, config.surveys().linkBase() + token, expiresAt, locale, context), now);
    }

    /** The survey's context as of now: the order's carrier and delay, the return's reason, the ticket's reason and SLA. */
    private FeedbackContext context(Survey s) {
        FeedbackContext c = s.context();
        String orderId = c.orderId();
        String returnReason = null;
        if (c.returnId() != null) {
            var ret = sql.one("select order_id, main_reason from return_fact where return_id = ?",
                    rs -> new String[] { rs.getString(1), rs.getString(2) }, c.returnId()).orElse(new String[2]);
            orderId = orderId != null ? orderId : ret[0];
            returnReason = ret[1];
        }
        String ticketReason = null;
        Boolean slaMet = null;
        if (c.ticketId() != null) {
            var t = sql.one("select order_id, reason, sla_met from ticket_fact where ticket_id = ?",
                    rs -> new Object[] { rs.getString(1), rs.getString(2), Sql.bool(rs, "sla_met") }, c.ticketId()).orElse(new Object[3]);
            orderId = orderId != null ? orderId : (String) t[0];
            ticketReason = (String) t[1];
            slaMet = (Boolean) t[2];
        }
        String carrier = null;
        Boolean delayed = null;
        if (orderId != null) {
            var o = sql.one("select carrier, delayed from order_fact where order_id = ?",
                    rs -> new Object[] { rs.getString(1), rs.getBoolean(2) }, orderId).orElse(null);
            if (o != null) {
                carrier = (String) o[0];
                delayed = (Boolean) o[1];
            }
        }
        return new FeedbackContext(orderId, carrier, delayed, c.returnId(),
                returnReason == null ? null : ReturnReason.valueOf(returnReason), c.ticketId(),
                ticketReason == null ? null : ContactReason.valueOf(ticketReason), slaMet);
    }

    // answering -------------------------------------------------------------------------------------

    /**
     * The survey behind a link token, for the answer page, in the survey's language; a link that does not open one
     * says why in the caller's ({@code accepted}, their Accept-Language) when the survey is unknown.
     */
    @Transactional
    public SurveyView open(String token, List<Locale> accepted) {
        Survey s = resolve(token, false, accepted);
        String language = texts.language(s.locale());
        String question = texts.question(s.kind(), s.trigger(), language);
        List<ReasonOption> reasons = s.kind() == SurveyKind.CSAT
                ? texts.lowScoreReasons(language).stream().map(r -> new ReasonOption(r.getKey().name(), r.getValue())).toList()
                : List.of();
        return new SurveyView(s.surveyId(), s.kind(), s.trigger(), s.locale(), question, SurveyRules.min(s.kind()),
                SurveyRules.max(s.kind()), config.surveys().commentMaxLength(), s.kind() == SurveyKind.CSAT ? 2 : -1, reasons,
                s.expiresAt(), s.context().orderId(), s.context().ticketId(), s.context().returnId());
    }

    /** Stores the one answer a link allows and publishes it. */
    @Transactional
    public AnswerView answer(String token, Answer answer, List<Locale> accepted) {
        Survey s = resolve(token, true, accepted);
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
        sql.update("update survey set status = 'ANSWERED' where survey_id = ?", s.surveyId());
        count(s.kind(), score, day, c);
        if (SurveyRules.recovers(s.kind(), score)) {
            recover(s.customerId(), now);
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
            rollups.driver(day, kind.name(), "CARRIER", c.carrier(), promoter, detractor, satisfied, score);
        }
        if (c.delayed() != null) {
            rollups.driver(day, kind.name(), "DELAYED", c.delayed().toString(), promoter, detractor, satisfied, score);
        }
        if (c.returnReason() != null) {
            rollups.driver(day, kind.name(), "RETURN_REASON", c.returnReason().name(), promoter, detractor, satisfied, score);
        }
        if (c.ticketReason() != null) {
            rollups.driver(day, kind.name(), "TICKET_REASON", c.ticketReason().name(), promoter, detractor, satisfied, score);
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

    /**
     * The survey a token stands for. Forged, malformed or unknown tokens (and links of a survey that was withdrawn)
     * answer 404 without saying which; a genuine token that expired or was used answers 410 Gone.
     */
    private Survey resolve(String token, boolean lock, List<Locale> accepted) {
        SurveyToken.Claims claims = tokens.verify(token).orElseThrow(() -> invalidLink(accepted));
        Survey s = sql.one("select * from survey where survey_id = ?" + (lock ? " for update" : ""), SurveyService::survey,
                claims.surveyId()).orElseThrow(() -> invalidLink(accepted));
        if (s.expiresAt() == null || s.expiresAt().getEpochSecond() != claims.expiresAt().getEpochSecond()) {
            throw invalidLink(accepted);
        }
        String language = texts.language(s.locale());
        if ("ANSWERED".equals(s.status())) {
            throw new ProblemException(410, "Survey already answered", texts.answeredLink(language), List.of());
        }
        if (claims.expiredAt(clock.instant())) {
            throw new ProblemException(410, "Survey link expired", texts.expiredLink(language, claims.expiresAt()),
                    List.of());
        }
        if (!"SENT".equals(s.status())) {
            throw invalidLink(accepted);
        }
        return s;
    }

    /** A link that opens no survey: it does not say whether one exists, so it speaks the caller's language. */
    private ProblemException invalidLink(List<Locale> accepted) {
        return new ProblemException(404, "Survey link not valid", texts.invalidLink(texts.language(accepted)), List.of());
    }

    // recovery and erasure ----------------------------------------------------------------------------

    /** A purchase or a good answer at {@code at} recovers the customer's earlier, unrecovered detractor answers. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void recover(String customerId, Instant at) {
        List<LocalDate> days = sql.list("update answer set recovered_at = ? where customer_id = ? and detractor "
                + "and recovered_at is null and answered_at < ? returning day", rs -> Sql.date(rs, "day"), at, customerId, at);
        for (LocalDate day : days) {
            rollups.add(day, RECOVERED_DETRACTORS, 1);
        }
    }

    /** An erased customer: comments gone, no more surveys, open links withdrawn; the anonymous counts stay. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void erase(String customerId) {
        int comments = sql.update("update answer set comment = null where customer_id = ? and comment is not null", customerId);
        sql.update("update survey set status = 'DROPPED', status_reason = 'CUSTOMER_ERASED' where customer_id = ? "
                + "and status in ('PENDING', 'SENT')", customerId);
        sql.update("insert into customer_profile (customer_id, locale, erased_at) values (?, null, ?) on conflict (customer_id) "
                + "do update set locale = null, erased_at = excluded.erased_at", customerId, clock.instant());
        LOG.infof("erased customer %s: %d comments removed", customerId, comments);
    }

    /** A stored answer with its comment, for staff and for the customer who gave it. */
    public record StoredAnswer(String surveyId, String customerId, SurveyKind kind, SurveyTrigger trigger, int score,
            String comment, String lowScoreReason, Instant answeredAt, boolean detractor, Instant recoveredAt,
            FeedbackContext context) {
    }

    public java.util.Optional<StoredAnswer> storedAnswer(String surveyId) {
        return sql.one("select * from answer where survey_id = ?", rs -> new StoredAnswer(rs.getString("survey_id"),
                rs.getString("customer_id"), SurveyKind.valueOf(rs.getString("kind")), SurveyTrigger.valueOf(rs.getString("trigger")),
                rs.getInt("score"), rs.getString("comment"), rs.getString("low_score_reason"), Sql.instant(rs, "answered_at"),
                rs.getBoolean("detractor"), Sql.instant(rs, "recovered_at"), context(rs)), surveyId);
    }

    private static Survey survey(ResultSet rs) throws SQLException {
        return new Survey(rs.getString("survey_id"), rs.getString("customer_id"), SurveyKind.valueOf(rs.getString("kind")),
                SurveyTrigger.valueOf(rs.getString("trigger")), rs.getString("subject_id"), rs.getString("status"),
                Sql.instant(rs, "due_at"), Sql.instant(rs, "invited_at"), Sql.instant(rs, "expires_at"), rs.getString("locale"),
                context(rs));
    }

    private static FeedbackContext context(ResultSet rs) throws SQLException {
        String returnReason = rs.getString("ctx_return_reason");
        String ticketReason = rs.getString("ctx_ticket_reason");
        return new FeedbackContext(rs.getString("ctx_order_id"), rs.getString("ctx_carrier"), Sql.bool(rs, "ctx_delayed"),
                rs.getString("ctx_return_id"), returnReason == null ? null : ReturnReason.valueOf(returnReason),
                rs.getString("ctx_ticket_id"), ticketReason == null ? null : ContactReason.valueOf(ticketReason),
                Sql.bool(rs, "ctx_sla_met"));
    }
}
