package io.postventa.ticket.service;

import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.hibernate.Session;
import org.hibernate.query.NativeQuery;
import org.hibernate.query.QueryFlushMode;

import com.fasterxml.jackson.databind.JsonNode;

import io.postventa.events.EventType;
import io.postventa.events.common.OrderLine;
import io.postventa.events.common.OrderStatus;
import io.postventa.events.contacts.TicketOrigin;
import io.postventa.events.orders.OrderLifecycleEvent;
import io.postventa.events.orderstatus.DelayCause;
import io.postventa.events.orderstatus.OrderDelayed;
import io.postventa.events.orderstatus.OrderStatusChanged;
import io.postventa.messaging.inbox.IncomingEvent;
import io.postventa.ticket.domain.KnownOrder;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import jakarta.transaction.TransactionSynchronizationRegistry;

/**
 * What this service knows of orders ({@link KnownOrder}), from order-status.v1 (status, promised date, tracking,
 * total, lines, delays) and orders.lifecycle.v1 (the delivery city and country): the SLA pause of the order's
 * tickets follows, and a delay or a shipment exception opens a proactive ticket. Runs inside the consumer's
 * transaction; {@link #prepare} reads what a poll of events needs in a few queries instead of several per event.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.MANDATORY)
public class KnownOrders {
    private final Clock clock;
    private final ProactiveTickets proactive;
    private final KnownCustomers customers;
    private final SlaTracking sla;
    private final ProductLines productLines;
    private final EntityManager em;
    private final TransactionSynchronizationRegistry transactions;

    /** The key of a transaction's {@link Prepared} reads. */
    private static final Object PREPARED = new Object();

    /**
     * The orders with an active ticket among the given ones: the native statement with an array parameter is the
     * same text for every poll (an HQL "in" list is translated again each time).
     */
    static final String WITH_ACTIVE_TICKETS = "select distinct order_id from ticket where order_id = any(?1)"
            + " and merged_into is null and status in " + TicketSql.ACTIVE_LITERALS;

    /**
     * Transaction-scoped locks on the order ids a poll does not know yet, taken in the order of their keys so that two
     * polls never wait for each other in a cycle.
     */
    static final String LOCK_NEW_ORDERS = "select cast(pg_advisory_xact_lock(k) as text) from (select distinct"
            + " hashtextextended('order_view:' || id, 0) k from unnest(?1) id order by k) keys";

    public KnownOrders(Clock clock, ProactiveTickets proactive, KnownCustomers customers, SlaTracking sla,
            ProductLines productLines, EntityManager em, TransactionSynchronizationRegistry transactions) {
        this.clock = clock;
        this.proactive = proactive;
        this.customers = customers;
        this.sla = sla;
        this.productLines = productLines;
        this.em = em;
        this.transactions = transactions;
    }

    /**
     * Reads, a query each, what applying these events (a poll of either order topic) needs: the orders they touch
     * (the session then has them), which of those orders have an active ticket (the SLA of only those is refreshed:
     * per event, that lookup found nothing nearly every time), and the customers whose country a placed order may
     * teach. The handler calls that follow in the same transaction
     * use it; without it (an event applied alone, after its batch failed) they ask per event as before.
     */
    public void prepare(List<IncomingEvent> events) {
        Set<String> orderIds = new LinkedHashSet<>();
        Set<String> refreshed = new HashSet<>();
        List<String> customerIds = new ArrayList<>();
        for (IncomingEvent event : events) {
            JsonNode data = event.data();
            String orderId = data == null ? null : text(data, "orderId");
            if (orderId == null) {
                continue;
            }
            if (event.type() == EventType.ORDER_STATUS_CHANGED || event.type() == EventType.ORDER_DELAYED) {
                orderIds.add(orderId);
                refreshed.add(orderId);
            } else if (data.hasNonNull("placed")) {
                orderIds.add(orderId);
                if (data.get("placed").hasNonNull("shippingCountry")) {
                    customerIds.add(text(data.get("placed"), "customerId"));
                }
            } else if (data.hasNonNull("addressChange")) {
                orderIds.add(orderId);
            }
        }
        if (orderIds.isEmpty()) {
            return;
        }
        List<String> ids = List.copyOf(orderIds);
        Prepared p = new Prepared();
        List<KnownOrder> found = em.unwrap(Session.class).findMultiple(KnownOrder.class, ids); // into the session
        List<String> missing = new ArrayList<>();
        for (int i = 0; i < ids.size(); i++) {
            if (found.get(i) == null) {
                missing.add(ids.get(i));
            }
        }
        if (!missing.isEmpty()) {
            // Both order topics' channels create a new order: without the lock they both inserted it, one poll failed
            // on the key and was applied again event by event (ten times in a 6-minute e2e run). With it the second
            // waits for the first to commit and reads the order.
            em.createNativeQuery(LOCK_NEW_ORDERS).setParameter(1, missing.toArray(String[]::new)).unwrap(NativeQuery.class)
                    .setQueryFlushMode(QueryFlushMode.NO_FLUSH).getResultList();
            em.unwrap(Session.class).findMultiple(KnownOrder.class, missing);
        }
        if (!refreshed.isEmpty()) {
            @SuppressWarnings("unchecked")
            List<String> withTickets = em.createNativeQuery(WITH_ACTIVE_TICKETS, String.class)
                    .setParameter(1, refreshed.toArray(String[]::new)).unwrap(NativeQuery.class)
                    .setQueryFlushMode(QueryFlushMode.NO_FLUSH).getResultList();
            p.withActiveTickets.addAll(withTickets);
        }
        p.refreshed.addAll(refreshed);
        customers.prepare(customerIds);
        transactions.putResource(PREPARED, p);
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value == null || value.isNull() ? null : value.asText();
    }

    public void onOrderStatus(IncomingEvent event) {
        if (event.type() == EventType.ORDER_STATUS_CHANGED) {
            orderStatusChanged(event.data(OrderStatusChanged.class));
        } else if (event.type() == EventType.ORDER_DELAYED) {
            orderDelayed(event.data(OrderDelayed.class));
        }
    }

    void orderStatusChanged(OrderStatusChanged e) {
        KnownOrder order = order(e.orderId());
        order.customerId = e.customerId();
        order.status = e.newStatus();
        order.purchaseNumber = e.purchaseNumber();
        order.locale = e.locale();
        order.currency = e.currency();
        order.total = e.total();
        order.placedAt = e.placedAt();
        order.promisedDate = e.promisedDeliveryDate();
        order.carrier = e.carrier();
        order.trackingNumber = e.trackingNumber();
        order.trackingUrl = e.trackingUrl();
        order.deliveredAt = e.deliveredAt();
        order.exceptionCode = e.exceptionReasonCode();
        if (e.lines() != null) {
            lines(order, e.lines());
        }
        if (e.newStatus() == OrderStatus.DELIVERED) {
            order.delayed = false; // it arrived: no longer late
        }
        order.updatedAt = clock.instant();
        order.persist();
        if (e.newStatus() == OrderStatus.EXCEPTION) {
            proactive.open(order, TicketOrigin.SHIPMENT_EXCEPTION, "note.shipment-exception",
                    Map.of("orderId", e.orderId(), "code", String.valueOf(e.exceptionReasonCode())));
            ticketOpened(e.orderId());
        }
        refreshOrderTickets(e.orderId());
    }

    void orderDelayed(OrderDelayed e) {
        KnownOrder order = order(e.orderId());
        if (order.customerId == null) {
            order.customerId = e.customerId();
        }
        if (order.status == null) {
            order.status = e.currentStatus();
        }
        order.delayed = true;
        order.delayCause = e.cause().name();
        if (e.promisedDeliveryDate() != null) {
            order.promisedDate = e.promisedDeliveryDate();
        }
        if (e.trackingUrl() != null) {
            order.trackingUrl = e.trackingUrl();
        }
        if (e.carrier() != null) {
            order.carrier = e.carrier();
        }
        if (order.locale == null) {
            order.locale = e.locale();
        }
        order.updatedAt = clock.instant();
        order.persist();
        proactive.open(order, e.cause() == DelayCause.SHIPMENT_EXCEPTION ? TicketOrigin.SHIPMENT_EXCEPTION
                : TicketOrigin.ORDER_DELAYED, "note.order-delayed", Map.of("orderId", e.orderId(), "cause", e.cause().name()));
        ticketOpened(e.orderId());
        refreshOrderTickets(e.orderId());
    }

    /** The SLA of the order's active tickets follows the order; an order the batch knows has none is skipped. */
    private void refreshOrderTickets(String orderId) {
        Prepared p = prepared();
        if (p == null || !p.refreshed.contains(orderId) || p.withActiveTickets.contains(orderId)) {
            sla.refreshOrderTickets(orderId);
        }
    }

    /** A proactive ticket may have been opened: the order has an active ticket from now on in this transaction. */
    private void ticketOpened(String orderId) {
        Prepared p = prepared();
        if (p != null) {
            p.withActiveTickets.add(orderId);
        }
    }

    /** Delivery city and postcode from the platform's order events (order-status.v1 does not carry them). */
    public void onOrderLifecycle(IncomingEvent event) {
        OrderLifecycleEvent e = event.data(OrderLifecycleEvent.class);
        String city = null;
        KnownOrder order = null;
        if (e.placed() != null) {
            city = e.placed().shippingCity();
            order = order(e.orderId());
            if (order.customerId == null) {
                order.customerId = e.placed().customerId();
            }
            if (order.total == null) {
                order.total = e.placed().total();
                order.currency = e.placed().currency();
            }
            if (order.products == null && e.placed().lines() != null) {
                lines(order, e.placed().lines());
            }
            if (e.placed().customerId() != null && e.placed().shippingCountry() != null) {
                customers.learnCountry(e.placed().customerId(), e.placed().shippingCountry());
            }
        } else if (e.addressChange() != null) {
            city = e.addressChange().city();
        }
        if (city != null) {
            order = order != null ? order : order(e.orderId());
            order.city = city;
            order.updatedAt = clock.instant();
            order.persist();
        }
    }

    /**
     * The order's lines for the customer search: the text agents see and product-name words match, the SKUs in
     * lower case for the exact lookup, and each distinct line once in product_line (the small table that words are
     * matched against before the SKUs select the orders).
     */
    private void lines(KnownOrder order, List<OrderLine> lines) {
        String products = lines.stream().map(ProductLines::line).collect(Collectors.joining(" | "));
        if (products.equals(order.products)) {
            return;
        }
        order.products = products;
        order.skus = lines.stream().map(l -> sku(l.sku())).distinct().toArray(String[]::new);
        productLines.record(lines);
    }

    /** A SKU as the search stores and looks it up: case does not tell two SKUs apart. */
    public static String sku(String sku) {
        return sku.toLowerCase(Locale.ROOT);
    }

    /**
     * The order as the service knows it, or a new one. After {@link #prepare} the session holds the batch's stored
     * orders. One that was not stored then is still looked up when an event needs it (the other order topic's
     * consumer may have stored it since: taking the batch's first read for the truth made both insert it, and the
     * loser's whole batch went back one event at a time), and is created once for the batch.
     */
    private KnownOrder order(String orderId) {
        Prepared p = prepared();
        KnownOrder created = p == null ? null : p.created.get(orderId);
        if (created != null) {
            return created;
        }
        KnownOrder order = KnownOrder.findById(orderId);
        if (order == null) {
            order = newOrder(orderId);
            if (p != null) {
                p.created.put(orderId, order);
            }
        }
        return order;
    }

    private KnownOrder newOrder(String orderId) {
        KnownOrder order = new KnownOrder();
        order.orderId = orderId;
        order.updatedAt = clock.instant();
        return order;
    }

    /** What {@link #prepare} read for the current transaction's events; null when it was not called. */
    private Prepared prepared() {
        return (Prepared) transactions.getResource(PREPARED);
    }

    /** A transaction's prepared reads (see {@link #prepare}). */
    private static final class Prepared {
        /** The orders the batch's events created, persisted or not yet. */
        final Map<String, KnownOrder> created = new HashMap<>();
        /** The orders whose tickets' SLA the batch's events refresh, and those of them with an active ticket. */
        final Set<String> refreshed = new HashSet<>();
        final Set<String> withActiveTickets = new HashSet<>();
    }
}
