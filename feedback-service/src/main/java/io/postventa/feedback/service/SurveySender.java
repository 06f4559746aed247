package io.postventa.feedback.service;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import io.postventa.events.EventType;
import io.postventa.events.common.ContactReason;
import io.postventa.events.common.ReturnReason;
import io.postventa.events.feedback.FeedbackContext;
import io.postventa.events.feedback.SurveyInvited;
import io.postventa.feedback.config.FeedbackConfig;
import io.postventa.feedback.domain.Survey;
import io.postventa.feedback.domain.SurveyGate;
import io.postventa.feedback.domain.SurveyGate.Decision;
import io.postventa.feedback.domain.SurveyGate.Hold;
import io.postventa.feedback.domain.SurveyStatus;
import io.postventa.feedback.domain.SurveyToken;
import io.postventa.outbox.Outbox;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

/**
 * Sends due surveys: each is sent (survey.invited with a signed link token and the context as of now), held while
 * the customer has an open ticket, an open return or a delivery exception, suppressed within the cooldown of
 * another of its kind, or dropped once held too long ({@link SurveyGate}).
 */
@ApplicationScoped
public class SurveySender {
    private final SurveyStore surveys;
    private final Sql sql;
    private final Outbox outbox;
    private final Clock clock;
    private final FeedbackConfig config;
    private final SurveyToken tokens;
    private final SurveyGate gate;

    public SurveySender(SurveyStore surveys, Sql sql, Outbox outbox, Clock clock, FeedbackConfig config,
            SurveyTokens tokens) {
        this.surveys = surveys;
        this.sql = sql;
        this.outbox = outbox;
        this.clock = clock;
        this.config = config;
        this.tokens = tokens.token();
        this.gate = new SurveyGate(config.surveys().cooldown(), config.surveys().maxHold());
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
        List<Survey> due = surveys.due(now, config.surveys().batchSize());
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
                    Survey ended = s.moveTo(suppress ? SurveyStatus.SUPPRESSED : SurveyStatus.DROPPED);
                    sql.update("update survey set status = ?, status_reason = ?, checked_at = ? where survey_id = ?",
                            ended.status(), decision.reason(), now, s.surveyId());
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
        if (sql.one("select 1 from order_fact where customer_id = ? and status in " + Sql.literals(SurveyGate.DELIVERY_EXCEPTIONS)
                + " limit 1", rs -> 1, customerId).isPresent()) {
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
        Survey sent = s.moveTo(SurveyStatus.SENT);
        sql.update("update survey set status = ?, held_reason = null, invited_at = ?, expires_at = ?, locale = ?, "
                + "ctx_order_id = ?, ctx_carrier = ?, ctx_delayed = ?, ctx_return_id = ?, ctx_return_reason = ?, ctx_ticket_id = ?, "
                + "ctx_ticket_reason = ?, ctx_sla_met = ? where survey_id = ?", sent.status(), now, expiresAt, locale, context.orderId(),
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
}
