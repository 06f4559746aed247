package io.postventa.feedback.service;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import io.postventa.events.common.ContactReason;
import io.postventa.events.common.ReturnReason;
import io.postventa.events.feedback.FeedbackContext;
import io.postventa.events.feedback.SurveyKind;
import io.postventa.events.feedback.SurveyTrigger;
import io.postventa.feedback.domain.Survey;
import io.postventa.feedback.domain.SurveyStatus;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

/** The survey table: surveys scheduled when an event triggers them, and read back as {@link Survey}s. */
@ApplicationScoped
public class SurveyStore {
    private final Sql sql;

    public SurveyStore(Sql sql) {
        this.sql = sql;
    }

    /** Schedules a survey about {@code subjectId}; one per trigger and subject, whatever is redelivered. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void schedule(SurveyKind kind, SurveyTrigger trigger, String customerId, String subjectId, Instant triggeredAt,
            Instant dueAt, String orderId, String returnId, String ticketId) {
        if (sql.one("select 1 from customer_profile where customer_id = ? and erased_at is not null", rs -> 1, customerId).isPresent()) {
            return;
        }
        sql.update("insert into survey (survey_id, customer_id, kind, trigger, subject_id, status, triggered_at, due_at, "
                + "ctx_order_id, ctx_return_id, ctx_ticket_id) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) "
                + "on conflict (trigger, subject_id) do nothing", "SRV-" + UUID.randomUUID(), customerId, kind, trigger,
                subjectId, SurveyStatus.PENDING, triggeredAt, dueAt, orderId, returnId, ticketId);
    }

    /** A survey to schedule about an order (see {@link #scheduleAll}). */
    public record OrderSurvey(String customerId, String orderId, Instant triggeredAt, Instant dueAt) {
    }

    /**
     * {@link #schedule} for a poll's surveys about orders, in one statement: one per trigger and order, the first of
     * {@code surveys} about an order winning as it would one by one; none for an erased customer. Rows are inserted in
     * key order, so that two consumers never wait for each other in a cycle.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void scheduleAll(SurveyKind kind, SurveyTrigger trigger, List<OrderSurvey> surveys) {
        if (surveys.isEmpty()) {
            return;
        }
        List<String> ids = new ArrayList<>();
        List<String> customers = new ArrayList<>();
        List<String> orders = new ArrayList<>();
        List<Instant> triggered = new ArrayList<>();
        List<Instant> due = new ArrayList<>();
        for (OrderSurvey s : surveys) {
            ids.add("SRV-" + UUID.randomUUID());
            customers.add(s.customerId());
            orders.add(s.orderId());
            triggered.add(s.triggeredAt());
            due.add(s.dueAt());
        }
        // with ordinality: of two rows about one order, the first is inserted and the second does nothing
        sql.update("insert into survey (survey_id, customer_id, kind, trigger, subject_id, status, triggered_at, due_at, "
                + "ctx_order_id) select x.id, x.c, ?, ?, x.o, ?, x.t, x.d, x.o from unnest(?::text[], ?::text[], ?::text[], "
                + "?::timestamptz[], ?::timestamptz[]) with ordinality as x(id, c, o, t, d, n) where not exists (select 1 "
                + "from customer_profile p where p.customer_id = x.c and p.erased_at is not null) order by x.o, x.n "
                + "on conflict (trigger, subject_id) do nothing", kind, trigger, SurveyStatus.PENDING, Sql.texts(ids),
                Sql.texts(customers), Sql.texts(orders), Sql.texts(triggered), Sql.texts(due));
    }

    /** The survey {@code surveyId}, locked for the transaction when {@code lock}. */
    public Optional<Survey> find(String surveyId, boolean lock) {
        return sql.one("select * from survey where survey_id = ?" + (lock ? " for update" : ""), SurveyStore::survey,
                surveyId);
    }

    /**
     * Up to {@code batchSize} pending surveys due by {@code now}, those never checked first, then the longest held;
     * locked, and skipped by a sender running at the same time.
     */
    public List<Survey> due(Instant now, int batchSize) {
        // the status as a literal: survey_pending_due is a partial index of the pending ones
        return sql.list("select * from survey where status = " + Sql.literal(SurveyStatus.PENDING)
                + " and due_at <= ? order by checked_at nulls first, due_at limit ? for update skip locked",
                SurveyStore::survey, now, batchSize);
    }

    private static Survey survey(ResultSet rs) throws SQLException {
        return new Survey(rs.getString("survey_id"), rs.getString("customer_id"), SurveyKind.valueOf(rs.getString("kind")),
                SurveyTrigger.valueOf(rs.getString("trigger")), rs.getString("subject_id"), SurveyStatus.valueOf(rs.getString("status")),
                Sql.instant(rs, "due_at"), Sql.instant(rs, "invited_at"), Sql.instant(rs, "expires_at"), rs.getString("locale"),
                context(rs));
    }

    /** The context stored with a survey or an answer (its ctx_ columns). */
    static FeedbackContext context(ResultSet rs) throws SQLException {
        String returnReason = rs.getString("ctx_return_reason");
        String ticketReason = rs.getString("ctx_ticket_reason");
        return new FeedbackContext(rs.getString("ctx_order_id"), rs.getString("ctx_carrier"), Sql.bool(rs, "ctx_delayed"),
                rs.getString("ctx_return_id"), returnReason == null ? null : ReturnReason.valueOf(returnReason),
                rs.getString("ctx_ticket_id"), ticketReason == null ? null : ContactReason.valueOf(ticketReason),
                Sql.bool(rs, "ctx_sla_met"));
    }
}
