package io.postventa.feedback.service;

import static io.postventa.feedback.service.Rollups.Counter.*;

import java.time.LocalDate;
import java.util.Comparator;

import io.postventa.events.common.ReturnReason;
import io.postventa.events.feedback.SurveyKind;
import io.postventa.events.feedback.SurveyTrigger;
import io.postventa.events.returns.Decider;
import io.postventa.events.returns.ReturnDecided;
import io.postventa.events.returns.ReturnLine;
import io.postventa.events.returns.ReturnOutcome;
import io.postventa.events.returns.ReturnRefunded;
import io.postventa.events.returns.ReturnRequested;
import io.postventa.feedback.config.FeedbackConfig;
import io.postventa.feedback.domain.OrderDefects;
import io.postventa.outbox.inbox.IncomingEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

/**
 * Learns from return-requests.v1 and return-decisions.v1: open returns that hold surveys back, the returns, units
 * and decisions of the rollups, defective orders, and the CSAT survey a refund triggers. Runs in the consumer's
 * transaction, after the inbox has deduplicated the event.
 */
@ApplicationScoped
public class ReturnFacts {
    private final Sql sql;
    private final Rollups rollups;
    private final OrderFacts orders;
    private final SurveyStore surveys;
    private final FeedbackConfig config;

    public ReturnFacts(Sql sql, Rollups rollups, OrderFacts orders, SurveyStore surveys, FeedbackConfig config) {
        this.sql = sql;
        this.rollups = rollups;
        this.orders = orders;
        this.surveys = surveys;
        this.config = config;
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void onReturn(IncomingEvent event) {
        switch (event.type()) {
            case RETURN_REQUESTED -> requested(event.data(ReturnRequested.class));
            case RETURN_REFUNDED -> refunded(event.data(ReturnRefunded.class));
            case RETURN_EXCHANGED, RETURN_CREDITED, RETURN_EXPIRED -> {
                ensureReturn(event.key(), null, null);
                sql.update("update return_fact set open = false where return_id = ?", event.key());
            }
            case RETURN_DECIDED -> decided(event.data(ReturnDecided.class));
            default -> ensureReturn(event.key(), null, null);
        }
    }

    private void requested(ReturnRequested r) {
        ReturnReason main = r.lines().stream()
                .max(Comparator.comparingInt((ReturnLine l) -> l.quantity() == null ? 1 : l.quantity()))
                .map(ReturnLine::reason).orElse(null);
        int inserted = sql.update("insert into return_fact (return_id, order_id, customer_id, requested_at, main_reason, open) "
                + "values (?, ?, ?, ?, ?, true) on conflict (return_id) do update set order_id = excluded.order_id, "
                + "customer_id = excluded.customer_id, requested_at = excluded.requested_at, main_reason = excluded.main_reason "
                + "where return_fact.requested_at is null", r.returnId(), r.orderId(), r.customerId(), r.occurredAt(), main);
        if (inserted == 0) {
            return;
        }
        LocalDate day = rollups.day(r.occurredAt());
        rollups.add(day, RETURNS_REQUESTED, 1);
        long units = 0;
        boolean defect = false;
        int lineNo = 0;
        for (ReturnLine line : r.lines()) {
            int quantity = line.quantity() == null ? 1 : line.quantity();
            units += quantity;
            sql.update("insert into return_line_fact (return_id, line_no, sku, category, quantity, reason) values (?, ?, ?, ?, ?, ?) "
                    + "on conflict do nothing", r.returnId(), lineNo++, line.sku(), line.category(), quantity, line.reason());
            rollups.category(day, line.category(), 0, quantity);
            rollups.sku(day, line.sku(), 0, quantity, 0);
            defect |= OrderDefects.DEFECT_RETURNS.contains(line.reason());
        }
        rollups.add(day, UNITS_RETURNED, units);
        if (defect) {
            orders.markDefect(r.orderId());
        }
    }

    private void refunded(ReturnRefunded r) {
        ensureReturn(r.returnId(), r.orderId(), r.customerId());
        sql.update("update return_fact set open = false where return_id = ?", r.returnId());
        surveys.schedule(SurveyKind.CSAT, SurveyTrigger.RETURN_REFUNDED, r.customerId(), r.returnId(), r.occurredAt(),
                r.occurredAt().plus(config.surveys().csatAfterReturnRefunded()), r.orderId(), r.returnId(), null);
    }

    private void decided(ReturnDecided d) {
        ensureReturn(d.returnId(), d.orderId(), d.customerId());
        if (d.outcome() == ReturnOutcome.REJECTED) {
            sql.update("update return_fact set open = false where return_id = ?", d.returnId());
        }
        boolean auto = d.outcome() == ReturnOutcome.APPROVED && d.decidedBy() == Decider.RISK_ENGINE;
        if (sql.update("update return_fact set decided = true, decided_at = ?, auto_approved = ? where return_id = ? and not decided",
                d.occurredAt(), auto, d.returnId()) == 1) {
            LocalDate day = rollups.day(d.occurredAt());
            rollups.add(day, RETURNS_DECIDED, 1);
            if (auto) {
                rollups.add(day, RETURNS_AUTO_APPROVED, 1);
            }
        }
    }

    /** A return known only from a later event is kept (not counted as requested) so it can be closed. */
    private void ensureReturn(String returnId, String orderId, String customerId) {
        sql.update("insert into return_fact (return_id, order_id, customer_id, open) values (?, ?, ?, true) "
                + "on conflict (return_id) do nothing", returnId, orderId, customerId);
    }
}
