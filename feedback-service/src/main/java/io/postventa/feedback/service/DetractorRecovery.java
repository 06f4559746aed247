package io.postventa.feedback.service;

import static io.postventa.feedback.service.Rollups.Counter.RECOVERED_DETRACTORS;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

/** A detractor recovered: the customer bought again or answered well later (the recovered-customer rate). */
@ApplicationScoped
public class DetractorRecovery {
    private final Sql sql;
    private final Rollups rollups;

    public DetractorRecovery(Sql sql, Rollups rollups) {
        this.sql = sql;
        this.rollups = rollups;
    }

    /** A purchase or a good answer at {@code at} recovers the customer's earlier, unrecovered detractor answers. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void recover(String customerId, Instant at) {
        List<LocalDate> days = sql.list("update answer set recovered_at = ? where customer_id = ? and detractor "
                + "and recovered_at is null and answered_at < ? returning day", rs -> Sql.date(rs, "day"), at, customerId, at);
        for (LocalDate day : days) {
            rollups.add(day, RECOVERED_DETRACTORS, 1);
        }
    }

    /** A customer's purchase at a time (see {@link #recoverAll}). */
    public record Purchase(String customerId, Instant at) {
    }

    /**
     * {@link #recover} for a poll's purchases in one statement: each unrecovered detractor answer of their customers is
     * recovered by the customer's first purchase after it (what purchases in time order do one by one, and what the
     * KPI rebuild derives), and counted once. The answers are locked in key order, so that two consumers never wait
     * for each other in a cycle.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void recoverAll(List<Purchase> purchases) {
        if (purchases.isEmpty()) {
            return;
        }
        List<LocalDate> days = sql.list("with p as (select * from unnest(?::text[], ?::timestamptz[]) as x(customer_id, at)), "
                + "due as (select a.survey_id from answer a where a.customer_id in (select customer_id from p) and a.detractor "
                + "and a.recovered_at is null and a.answered_at < (select max(p.at) from p where p.customer_id = a.customer_id) "
                + "order by a.survey_id for update) "
                + "update answer a set recovered_at = (select min(p.at) from p where p.customer_id = a.customer_id "
                + "and p.at > a.answered_at) from due where a.survey_id = due.survey_id returning a.day",
                rs -> Sql.date(rs, "day"), Sql.texts(purchases.stream().map(Purchase::customerId).toList()),
                Sql.texts(purchases.stream().map(Purchase::at).toList()));
        for (LocalDate day : days) {
            rollups.add(day, RECOVERED_DETRACTORS, 1);
        }
    }
}
