package io.postventa.feedback.service;

import static io.postventa.feedback.service.Rollups.Counter.*;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import io.postventa.events.EventType;
import io.postventa.events.common.OrderLine;
import io.postventa.events.common.OrderStatus;
import io.postventa.events.feedback.SurveyKind;
import io.postventa.events.feedback.SurveyTrigger;
import io.postventa.events.orderstatus.DelayCause;
import io.postventa.events.orderstatus.OrderDelayed;
import io.postventa.events.orderstatus.OrderStatusChanged;
import io.postventa.feedback.config.FeedbackConfig;
import io.postventa.feedback.domain.OrderDefects;
import io.postventa.outbox.inbox.IncomingEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

/**
 * Learns from order-status.v1: the order facts that hold surveys back and give answers their context, the orders,
 * units and defective orders of the rollups, the NPS survey a delivery triggers, and the detractors a purchase
 * recovers. Runs in the consumer's transaction, after the inbox has deduplicated the event.
 */
@ApplicationScoped
public class OrderFacts {
    private final Sql sql;
    private final Rollups rollups;
    private final SurveyStore surveys;
    private final DetractorRecovery recovery;
    private final CustomerFacts customers;
    private final FeedbackConfig config;

    public OrderFacts(Sql sql, Rollups rollups, SurveyStore surveys, DetractorRecovery recovery, CustomerFacts customers,
            FeedbackConfig config) {
        this.sql = sql;
        this.rollups = rollups;
        this.surveys = surveys;
        this.recovery = recovery;
        this.customers = customers;
        this.config = config;
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void onOrderStatus(IncomingEvent event) {
        if (event.type() == EventType.ORDER_DELAYED) {
            OrderDelayed d = event.data(OrderDelayed.class);
            ensureOrder(d.orderId(), d.customerId());
            sql.update("update order_fact set delayed = true, carrier = coalesce(carrier, ?) where order_id = ?",
                    d.carrier(), d.orderId());
            if (d.cause() == DelayCause.SHIPMENT_EXCEPTION) {
                markDefect(d.orderId());
            }
            customers.rememberLocale(d.customerId(), d.locale());
            return;
        }
        OrderStatusChanged e = event.data(OrderStatusChanged.class);
        ensureOrder(e.orderId(), e.customerId());
        place(e);
        sql.update("update order_fact set status = ?, carrier = coalesce(?, carrier), delivered_at = coalesce(?, delivered_at), "
                + "locale = coalesce(?, locale), customer_id = coalesce(customer_id, ?) where order_id = ?",
                e.newStatus(), e.carrier(), e.deliveredAt(), e.locale(), e.customerId(), e.orderId());
        customers.rememberLocale(e.customerId(), e.locale());
        if (e.newStatus() == OrderDefects.DEFECT_STATUS) {
            markDefect(e.orderId());
        }
        if (e.newStatus() == OrderStatus.DELIVERED && e.customerId() != null) {
            Instant delivered = e.deliveredAt() != null ? e.deliveredAt() : e.occurredAt();
            surveys.schedule(SurveyKind.NPS, SurveyTrigger.ORDER_DELIVERED, e.customerId(), e.orderId(), delivered,
                    delivered.plus(config.surveys().npsAfterDelivery()), e.orderId(), null, null);
        }
    }

    /** The first time an order's placement is known, it counts as an order of its placement day. */
    private void place(OrderStatusChanged e) {
        Instant placedAt = e.placedAt() != null ? e.placedAt() : e.occurredAt();
        LocalDate day = rollups.day(placedAt);
        List<Boolean> placed = sql.list("update order_fact set placed_at = ?, placed_day = ? where order_id = ? "
                + "and placed_day is null returning defect", rs -> rs.getBoolean(1), placedAt, day, e.orderId());
        if (placed.isEmpty()) {
            return;
        }
        rollups.add(day, ORDERS, 1);
        if (placed.get(0)) {
            rollups.add(day, DEFECTIVE_ORDERS, 1);
        }
        long units = 0;
        for (OrderLine line : e.lines() == null ? List.<OrderLine>of() : e.lines()) {
            int quantity = line.quantity() == null ? 1 : line.quantity();
            units += quantity;
            int inserted = sql.update("insert into order_line_fact (order_id, sku, category, quantity) values (?, ?, ?, ?) "
                    + "on conflict (order_id, sku) do nothing", e.orderId(), line.sku(), line.category(), quantity);
            if (inserted == 1) {
                rollups.category(day, line.category(), quantity, 0);
                rollups.sku(day, line.sku(), quantity, 0, 0);
            }
        }
        rollups.add(day, UNITS_ORDERED, units);
        if (e.customerId() != null) {
            recovery.recover(e.customerId(), placedAt);
        }
    }

    /** Keeps an order known from any event, so later facts (lines, defects) have a row to land on. */
    public void ensureOrder(String orderId, String customerId) {
        sql.update("insert into order_fact (order_id, customer_id) values (?, ?) on conflict (order_id) do nothing",
                orderId, customerId);
    }

    /** An order becomes defective once; it counts on its placement day (when known, else when it is placed). */
    public void markDefect(String orderId) {
        ensureOrder(orderId, null);
        List<LocalDate> days = sql.list("update order_fact set defect = true where order_id = ? and not defect returning placed_day",
                rs -> Sql.date(rs, "placed_day"), orderId);
        if (!days.isEmpty() && days.get(0) != null) {
            rollups.add(days.get(0), DEFECTIVE_ORDERS, 1);
        }
    }
}
