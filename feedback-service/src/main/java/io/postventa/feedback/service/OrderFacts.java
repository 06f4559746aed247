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
import io.postventa.messaging.inbox.IncomingEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

/**
 * Learns from order-status.v1: the order facts that hold surveys back and give answers their context, the orders,
 * units and defective orders of the rollups, the NPS survey a delivery triggers, and the detractors a purchase
 * recovers. Runs in the consumer's transaction, after the inbox has deduplicated the event.
 */
@ApplicationScoped
public class OrderFacts {
    /**
     * An order-status change in one round trip (every order event of the store comes through here, one after another
     * in its channel): the order's row made if missing, its status, carrier, delivery, locale and customer taken, and
     * its placement set if it had none. Returns whether the placement was set now (the row was missing, or had no
     * placement day in the statement's snapshot, which only this channel sets, each order's events in order) and
     * whether the order was already defective (a return or contact may have marked it first; the row lock orders the
     * two writers as the three statements this replaces did).
     */
    static final String RECORD_STATUS = "with prior as (select placed_day from order_fact where order_id = ?), "
            + "fact as (insert into order_fact as f (order_id, customer_id, status, carrier, delivered_at, locale, placed_at, "
            + "placed_day) values (?, ?, ?, ?, ?, ?, ?, ?) on conflict (order_id) do update set status = excluded.status, "
            + "carrier = coalesce(excluded.carrier, f.carrier), delivered_at = coalesce(excluded.delivered_at, f.delivered_at), "
            + "locale = coalesce(excluded.locale, f.locale), customer_id = coalesce(f.customer_id, excluded.customer_id), "
            + "placed_at = case when f.placed_day is null then excluded.placed_at else f.placed_at end, "
            + "placed_day = coalesce(f.placed_day, excluded.placed_day) returning f.defect) "
            + "select (select placed_day from prior) is null, defect from fact";

    private record Placement(boolean placedNow, boolean defect) {
    }

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
            sql.update("insert into order_fact as f (order_id, customer_id, delayed, carrier) values (?, ?, true, ?) "
                    + "on conflict (order_id) do update set delayed = true, carrier = coalesce(f.carrier, excluded.carrier)",
                    d.orderId(), d.customerId(), d.carrier());
            if (d.cause() == DelayCause.SHIPMENT_EXCEPTION) {
                markDefect(d.orderId());
            }
            customers.rememberLocale(d.customerId(), d.locale());
            return;
        }
        OrderStatusChanged e = event.data(OrderStatusChanged.class);
        Instant placedAt = e.placedAt() != null ? e.placedAt() : e.occurredAt();
        LocalDate day = rollups.day(placedAt);
        Placement placement = sql.one(RECORD_STATUS, rs -> new Placement(rs.getBoolean(1), rs.getBoolean(2)),
                e.orderId(), e.orderId(), e.customerId(), e.newStatus(), e.carrier(), e.deliveredAt(), e.locale(),
                placedAt, day).orElseThrow();
        if (placement.placedNow()) {
            place(e, placedAt, day, placement.defect());
        }
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
    private void place(OrderStatusChanged e, Instant placedAt, LocalDate day, boolean defect) {
        rollups.add(day, ORDERS, 1);
        if (defect) {
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
