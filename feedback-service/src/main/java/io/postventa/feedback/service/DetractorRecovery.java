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
}
