package io.postventa.ticket.service;

import java.time.Clock;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

import io.postventa.events.EventType;
import io.postventa.events.common.OrderLine;
import io.postventa.events.common.OrderStatus;
import io.postventa.events.contacts.TicketOrigin;
import io.postventa.events.orders.OrderLifecycleEvent;
import io.postventa.events.orderstatus.DelayCause;
import io.postventa.events.orderstatus.OrderDelayed;
import io.postventa.events.orderstatus.OrderStatusChanged;
import io.postventa.outbox.inbox.IncomingEvent;
import io.postventa.ticket.domain.KnownOrder;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;
import jakarta.transaction.Transactional;

/**
 * What this service knows of orders ({@link KnownOrder}), from order-status.v1 (status, promised date, tracking,
 * total, lines, delays) and orders.lifecycle.v1 (the delivery city and country): the SLA pause of the order's
 * tickets follows, and a delay or a shipment exception opens a proactive ticket. Runs inside the consumer's
 * transaction.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.MANDATORY)
public class KnownOrders {
    private final Clock clock;
    private final ProactiveTickets proactive;
    private final KnownCustomers customers;
    private final SlaTracking sla;
    private final EntityManager em;

    public KnownOrders(Clock clock, ProactiveTickets proactive, KnownCustomers customers, SlaTracking sla,
            EntityManager em) {
        this.clock = clock;
        this.proactive = proactive;
        this.customers = customers;
        this.sla = sla;
        this.em = em;
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
        }
        sla.refreshOrderTickets(e.orderId());
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
        sla.refreshOrderTickets(e.orderId());
    }

    /** Delivery city and postcode from the platform's order events (order-status.v1 does not carry them). */
    public void onOrderLifecycle(IncomingEvent event) {
        OrderLifecycleEvent e = event.data(OrderLifecycleEvent.class);
        String city = null;
        if (e.placed() != null) {
            city = e.placed().shippingCity();
            KnownOrder order = order(e.orderId());
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
            KnownOrder order = order(e.orderId());
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
        String products = lines.stream().map(l -> l.name() + " " + l.sku()).collect(Collectors.joining(" | "));
        if (products.equals(order.products)) {
            return;
        }
        order.products = products;
        order.skus = lines.stream().map(l -> sku(l.sku())).distinct().toArray(String[]::new);
        StringBuilder sql = new StringBuilder("insert into product_line (line, sku) values ");
        for (int i = 0; i < lines.size(); i++) {
            sql.append(i == 0 ? "" : ", ").append("(?").append(2 * i + 1).append(", ?").append(2 * i + 2).append(')');
        }
        Query insert = em.createNativeQuery(sql.append(" on conflict do nothing").toString());
        for (int i = 0; i < lines.size(); i++) {
            insert.setParameter(2 * i + 1, lines.get(i).name() + " " + lines.get(i).sku());
            insert.setParameter(2 * i + 2, sku(lines.get(i).sku()));
        }
        insert.executeUpdate();
    }

    /** A SKU as the search stores and looks it up: case does not tell two SKUs apart. */
    public static String sku(String sku) {
        return sku.toLowerCase(Locale.ROOT);
    }

    private KnownOrder order(String orderId) {
        KnownOrder order = KnownOrder.findById(orderId);
        if (order == null) {
            order = new KnownOrder();
            order.orderId = orderId;
            order.updatedAt = clock.instant();
        }
        return order;
    }
}
