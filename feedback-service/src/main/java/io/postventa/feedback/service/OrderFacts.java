package io.postventa.feedback.service;

import static io.postventa.feedback.service.Rollups.Counter.*;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

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
import jakarta.transaction.TransactionSynchronizationRegistry;

/**
 * Learns from order-status.v1: the order facts that hold surveys back and give answers their context, the orders,
 * units and defective orders of the rollups, the NPS survey a delivery triggers, and the detractors a purchase
 * recovers. Runs in the consumer's transaction, after the inbox has deduplicated the events.
 * <p>
 * Every order event of the store comes through here. A poll is applied as sets ({@link #prepare}, from
 * EventConsumer's batch): a statement per step for all its events instead of several per event (docs/performance/
 * 2026-12-07-feedback-sets.md). An order's events apply in their order: the poll's k-th events of each order are
 * written in the k-th "round", one statement for their order facts; what only adds up (rollups, lines, locales,
 * surveys, recovered detractors) is gathered over the rounds and written once. Each multi-row statement takes its rows
 * in key order, so that the channel's two copies, and the other channels that touch the same rows, never wait for
 * each other in a cycle (a deadlock would fail the poll, which EventConsumer then applies one event at a time, with
 * retries). An event applied alone goes through the same code as a poll of one.
 */
@ApplicationScoped
public class OrderFacts {
    /**
     * A round's order-status changes (at most one per order) in one statement: each order's row made if missing, its
     * status, carrier, delivery, locale and customer taken, and its placement set if it had none. Returns per order
     * whether the placement was set now (the row was missing, or had no placement day in the statement's snapshot,
     * which only this channel sets, each order's events in order) and whether the order was already defective (a
     * return or contact may have marked it first; the row lock orders the two writers).
     */
    static final String RECORD_STATUSES = "with x as (select * from unnest(?::text[], ?::text[], ?::text[], ?::text[], "
            + "?::timestamptz[], ?::text[], ?::timestamptz[], ?::date[]) as x(order_id, customer_id, status, carrier, "
            + "delivered_at, locale, placed_at, placed_day)), "
            + "prior as (select o.order_id, o.placed_day from order_fact o where o.order_id in (select order_id from x)), "
            + "fact as (insert into order_fact as f (order_id, customer_id, status, carrier, delivered_at, locale, placed_at, "
            + "placed_day) select * from x order by order_id on conflict (order_id) do update set status = excluded.status, "
            + "carrier = coalesce(excluded.carrier, f.carrier), delivered_at = coalesce(excluded.delivered_at, f.delivered_at), "
            + "locale = coalesce(excluded.locale, f.locale), customer_id = coalesce(f.customer_id, excluded.customer_id), "
            + "placed_at = case when f.placed_day is null then excluded.placed_at else f.placed_at end, "
            + "placed_day = coalesce(f.placed_day, excluded.placed_day) returning f.order_id, f.defect) "
            + "select fact.order_id, prior.placed_day is null, fact.defect from fact left join prior on prior.order_id = fact.order_id";

    /** A round's delays (at most one per order): the order's row made if missing, delayed, its carrier kept if known. */
    static final String RECORD_DELAYS = "insert into order_fact as f (order_id, customer_id, delayed, carrier) "
            + "select o, c, true, k from unnest(?::text[], ?::text[], ?::text[]) as x(o, c, k) order by o "
            + "on conflict (order_id) do update set delayed = true, carrier = coalesce(f.carrier, excluded.carrier)";

    /**
     * Orders that become defective (their rows exist: the round made them), locked in key order; returns the placement
     * day of each one that was not defective yet (null while unplaced: it counts when it is placed).
     */
    static final String MARK_DEFECTS = "with d as (select order_id from order_fact where order_id = any(?::text[]) "
            + "and not defect order by order_id for update) "
            + "update order_fact o set defect = true from d where o.order_id = d.order_id returning o.placed_day";

    /** A poll's lines of the orders it placed; returns the lines that were new (an order's sku counts once). */
    static final String INSERT_LINES = "insert into order_line_fact (order_id, sku, category, quantity) select o, s, c, q "
            + "from unnest(?::text[], ?::text[], ?::text[], ?::integer[]) with ordinality as x(o, s, c, q, n) "
            + "order by o, s, n on conflict (order_id, sku) do nothing returning order_id, sku, category, quantity";

    /** The key of a transaction's events already applied by {@link #prepare}. */
    private static final Object PREPARED = new Object();

    /** One event of the topic: an order-status change or a delay. */
    private record Change(OrderStatusChanged status, OrderDelayed delay) {
        String orderId() {
            return status != null ? status.orderId() : delay.orderId();
        }

        boolean makesDefect() {
            return status != null ? status.newStatus() == OrderDefects.DEFECT_STATUS
                    : delay.cause() == DelayCause.SHIPMENT_EXCEPTION;
        }
    }

    private record Placement(boolean placedNow, boolean defect) {
    }

    private record Line(String orderId, String sku, String category, int quantity) {
    }

    /** What a poll's rounds gather, written once after them. */
    private static final class Gathered {
        final List<Line> lines = new ArrayList<>();
        final Map<String, LocalDate> placedDays = new HashMap<>();
        final List<DetractorRecovery.Purchase> purchases = new ArrayList<>();
    }

    private final Sql sql;
    private final Rollups rollups;
    private final SurveyStore surveys;
    private final DetractorRecovery recovery;
    private final CustomerFacts customers;
    private final FeedbackConfig config;
    private final TransactionSynchronizationRegistry transactions;

    public OrderFacts(Sql sql, Rollups rollups, SurveyStore surveys, DetractorRecovery recovery, CustomerFacts customers,
            FeedbackConfig config, TransactionSynchronizationRegistry transactions) {
        this.sql = sql;
        this.rollups = rollups;
        this.surveys = surveys;
        this.recovery = recovery;
        this.customers = customers;
        this.config = config;
        this.transactions = transactions;
    }

    /**
     * Applies a poll's new events (EventConsumer's batch, in the poll's transaction, before the handler is called on
     * each): the handler then finds them applied. A failure here fails the poll, which EventConsumer then applies one
     * event at a time, without this.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void prepare(List<IncomingEvent> events) {
        apply(events);
        @SuppressWarnings("unchecked")
        Set<IncomingEvent> applied = (Set<IncomingEvent>) transactions.getResource(PREPARED);
        if (applied == null) {
            applied = Collections.newSetFromMap(new IdentityHashMap<>());
            transactions.putResource(PREPARED, applied);
        }
        applied.addAll(events);
    }

    /** One event: nothing when its poll's {@link #prepare} applied it, else applied alone (a poll of one). */
    @Transactional(Transactional.TxType.MANDATORY)
    public void onOrderStatus(IncomingEvent event) {
        @SuppressWarnings("unchecked")
        Set<IncomingEvent> applied = (Set<IncomingEvent>) transactions.getResource(PREPARED);
        if (applied == null || !applied.contains(event)) {
            apply(List.of(event));
        }
    }

    /** Applies events as they would be one by one, in their order: see the class comment. */
    private void apply(List<IncomingEvent> events) {
        List<List<Change>> rounds = new ArrayList<>();
        Map<String, Integer> seen = new HashMap<>();
        Map<String, String> locales = new HashMap<>(); // each customer's last locale in the poll
        List<SurveyStore.OrderSurvey> delivered = new ArrayList<>();
        for (IncomingEvent event : events) {
            Change change = event.type() == EventType.ORDER_DELAYED ? new Change(null, event.data(OrderDelayed.class))
                    : new Change(event.data(OrderStatusChanged.class), null);
            int round = seen.merge(change.orderId(), 1, Integer::sum) - 1;
            if (round == rounds.size()) {
                rounds.add(new ArrayList<>());
            }
            rounds.get(round).add(change);
            String customer = change.status() != null ? change.status().customerId() : change.delay().customerId();
            String locale = change.status() != null ? change.status().locale() : change.delay().locale();
            if (customer != null && locale != null) {
                locales.put(customer, locale);
            }
            OrderStatusChanged e = change.status();
            if (e != null && e.newStatus() == OrderStatus.DELIVERED && e.customerId() != null) {
                Instant at = e.deliveredAt() != null ? e.deliveredAt() : e.occurredAt();
                delivered.add(new SurveyStore.OrderSurvey(e.customerId(), e.orderId(), at,
                        at.plus(config.surveys().npsAfterDelivery())));
            }
        }
        Gathered gathered = new Gathered();
        for (List<Change> round : rounds) {
            applyRound(round, gathered);
        }
        countNewLines(gathered);
        customers.rememberLocales(locales);
        surveys.scheduleAll(SurveyKind.NPS, SurveyTrigger.ORDER_DELIVERED, delivered);
        recovery.recoverAll(gathered.purchases);
    }

    /** Writes a round (an order once at most), as its events would be one by one. */
    private void applyRound(List<Change> round, Gathered gathered) {
        List<OrderStatusChanged> statuses = round.stream().map(Change::status).filter(Objects::nonNull).toList();
        if (!statuses.isEmpty()) {
            Map<String, Placement> placements = recordStatuses(statuses);
            for (OrderStatusChanged e : statuses) {
                Placement placement = placements.get(e.orderId());
                if (placement.placedNow()) {
                    place(e, placement.defect(), gathered);
                }
            }
        }
        List<OrderDelayed> delays = round.stream().map(Change::delay).filter(Objects::nonNull).toList();
        if (!delays.isEmpty()) {
            sql.update(RECORD_DELAYS, Sql.texts(delays.stream().map(OrderDelayed::orderId).toList()),
                    Sql.texts(delays.stream().map(OrderDelayed::customerId).toList()),
                    Sql.texts(delays.stream().map(OrderDelayed::carrier).toList()));
        }
        List<String> defects = round.stream().filter(Change::makesDefect).map(Change::orderId).toList();
        if (!defects.isEmpty()) {
            for (LocalDate day : sql.list(MARK_DEFECTS, rs -> Sql.date(rs, "placed_day"), Sql.texts(defects))) {
                if (day != null) {
                    rollups.add(day, DEFECTIVE_ORDERS, 1);
                }
            }
        }
    }

    private Map<String, Placement> recordStatuses(List<OrderStatusChanged> statuses) {
        List<Instant> placedAt = statuses.stream().map(OrderFacts::placedAt).toList();
        Map<String, Placement> placements = new HashMap<>();
        sql.list(RECORD_STATUSES, rs -> placements.put(rs.getString(1), new Placement(rs.getBoolean(2), rs.getBoolean(3))),
                Sql.texts(statuses.stream().map(OrderStatusChanged::orderId).toList()),
                Sql.texts(statuses.stream().map(OrderStatusChanged::customerId).toList()),
                Sql.texts(statuses.stream().map(OrderStatusChanged::newStatus).toList()),
                Sql.texts(statuses.stream().map(OrderStatusChanged::carrier).toList()),
                Sql.texts(statuses.stream().map(OrderStatusChanged::deliveredAt).toList()),
                Sql.texts(statuses.stream().map(OrderStatusChanged::locale).toList()),
                Sql.texts(placedAt), Sql.texts(placedAt.stream().map(rollups::day).toList()));
        return placements;
    }

    private static Instant placedAt(OrderStatusChanged e) {
        return e.placedAt() != null ? e.placedAt() : e.occurredAt();
    }

    /** The first time an order's placement is known, it counts as an order of its placement day. */
    private void place(OrderStatusChanged e, boolean defect, Gathered gathered) {
        Instant placedAt = placedAt(e);
        LocalDate day = rollups.day(placedAt);
        rollups.add(day, ORDERS, 1);
        if (defect) {
            rollups.add(day, DEFECTIVE_ORDERS, 1);
        }
        long units = 0;
        for (OrderLine line : e.lines() == null ? List.<OrderLine>of() : e.lines()) {
            int quantity = line.quantity() == null ? 1 : line.quantity();
            units += quantity;
            gathered.lines.add(new Line(e.orderId(), line.sku(), line.category(), quantity));
        }
        gathered.placedDays.put(e.orderId(), day);
        rollups.add(day, UNITS_ORDERED, units);
        if (e.customerId() != null) {
            gathered.purchases.add(new DetractorRecovery.Purchase(e.customerId(), placedAt));
        }
    }

    /** Stores the placed orders' lines; the new ones count in their categories and skus on the placement day. */
    private void countNewLines(Gathered gathered) {
        if (gathered.lines.isEmpty()) {
            return;
        }
        Map<Rollups.DayKey, Long> categories = new HashMap<>();
        Map<Rollups.DayKey, Long> skus = new HashMap<>();
        sql.list(INSERT_LINES, rs -> {
            LocalDate day = gathered.placedDays.get(rs.getString("order_id"));
            long quantity = rs.getInt("quantity");
            categories.merge(new Rollups.DayKey(day, rs.getString("category")), quantity, Long::sum);
            return skus.merge(new Rollups.DayKey(day, rs.getString("sku")), quantity, Long::sum);
        }, Sql.texts(gathered.lines.stream().map(Line::orderId).toList()),
                Sql.texts(gathered.lines.stream().map(Line::sku).toList()),
                Sql.texts(gathered.lines.stream().map(Line::category).toList()),
                Sql.texts(gathered.lines.stream().map(Line::quantity).toList()));
        rollups.categoriesOrdered(categories);
        rollups.skusOrdered(skus);
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
