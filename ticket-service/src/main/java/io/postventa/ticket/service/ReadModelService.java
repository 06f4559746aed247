package io.postventa.ticket.service;

import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

import com.fasterxml.jackson.databind.JsonNode;

import io.postventa.events.EventType;
import io.postventa.events.common.ContactReason;
import io.postventa.events.common.OrderLine;
import io.postventa.events.common.OrderStatus;
import io.postventa.events.contacts.ReasonSource;
import io.postventa.events.contacts.TicketOrigin;
import io.postventa.events.customers.CustomerUpserted;
import io.postventa.events.feedback.FeedbackContext;
import io.postventa.events.feedback.FeedbackDetractor;
import io.postventa.events.orders.OrderLifecycleEvent;
import io.postventa.events.orderstatus.DelayCause;
import io.postventa.events.orderstatus.OrderDelayed;
import io.postventa.events.orderstatus.OrderStatusChanged;
import io.postventa.events.returns.ReturnDecided;
import io.postventa.outbox.inbox.IncomingEvent;
import io.postventa.ticket.domain.Customer;
import io.postventa.ticket.domain.MessageKind;
import io.postventa.ticket.domain.OrderView;
import io.postventa.ticket.domain.Phones;
import io.postventa.ticket.config.TicketConfig;
import io.postventa.ticket.domain.ReturnView;
import io.postventa.ticket.domain.Ticket;
import io.postventa.ticket.domain.TicketMessage;
import io.postventa.web.Texts;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;
import jakarta.transaction.Transactional;

/**
 * Keeps the local read models (orders, returns, customers) from the topics, opens proactive tickets for delays and
 * shipment exceptions, and erases a customer's personal data on a tombstone. Runs inside the consumer's transaction.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.MANDATORY)
public class ReadModelService {
    private final TicketService tickets;
    private final EntityManager em;
    private final Texts texts;
    private final TicketConfig config;

    public ReadModelService(TicketService tickets, EntityManager em, Texts texts, TicketConfig config) {
        this.tickets = tickets;
        this.em = em;
        this.texts = texts;
        this.config = config;
    }

    public void onOrderStatus(IncomingEvent event) {
        if (event.type() == EventType.ORDER_STATUS_CHANGED) {
            orderStatusChanged(event.data(OrderStatusChanged.class));
        } else if (event.type() == EventType.ORDER_DELAYED) {
            orderDelayed(event.data(OrderDelayed.class));
        }
    }

    void orderStatusChanged(OrderStatusChanged e) {
        OrderView order = order(e.orderId());
        order.customerId = e.customerId();
        order.status = e.newStatus().name();
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
        order.updatedAt = tickets.now();
        order.persist();
        if (e.newStatus() == OrderStatus.EXCEPTION) {
            openProactive(order, TicketOrigin.SHIPMENT_EXCEPTION, "note.shipment-exception",
                    Map.of("orderId", e.orderId(), "code", String.valueOf(e.exceptionReasonCode())));
        }
        tickets.refreshOrderTickets(e.orderId());
    }

    void orderDelayed(OrderDelayed e) {
        OrderView order = order(e.orderId());
        if (order.customerId == null) {
            order.customerId = e.customerId();
        }
        if (order.status == null) {
            order.status = e.currentStatus().name();
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
        order.updatedAt = tickets.now();
        order.persist();
        openProactive(order, e.cause() == DelayCause.SHIPMENT_EXCEPTION ? TicketOrigin.SHIPMENT_EXCEPTION
                : TicketOrigin.ORDER_DELAYED, "note.order-delayed", Map.of("orderId", e.orderId(), "cause", e.cause().name()));
        tickets.refreshOrderTickets(e.orderId());
    }

    /** Opens a ticket about a late order before the customer writes, unless one is already open. */
    private void openProactive(OrderView order, TicketOrigin origin, String noteKey, Map<String, String> values) {
        tickets.lockOrder(order.orderId);
        boolean open = Ticket.count("orderId = ?1 and mergedInto is null and status in " + TicketService.ACTIVE_LITERALS,
                order.orderId) > 0;
        if (open) {
            return;
        }
        Customer customer = order.customerId == null ? null : Customer.findById(order.customerId);
        String language = customer != null && customer.language != null ? customer.language
                : order.locale != null ? order.locale.substring(0, 2).toLowerCase(Locale.ROOT) : null;
        String note = texts.get(language, noteKey, values);
        Ticket t = tickets.open(new TicketService.NewTicket(ContactReason.WHERE_IS_MY_ORDER, ReasonSource.SYSTEM, null,
                origin, order.customerId, customer == null ? null : customer.email,
                customer == null ? null : customer.phone, order.orderId, note, language), null);
        tickets.addMessage(t, MessageKind.SYSTEM, "system", note, null, null, null, null, null);
    }

    /**
     * A detractor answer opens a recovery ticket (or adds a note to the open ticket of the same order), so an
     * agent calls the customer back.
     */
    public void onFeedback(IncomingEvent event) {
        if (event.type() != EventType.FEEDBACK_DETRACTOR) {
            return;
        }
        FeedbackDetractor d = event.data(FeedbackDetractor.class);
        FeedbackContext context = d.context();
        String orderId = context == null ? null : context.orderId();
        Customer customer = Customer.findById(d.customerId());
        String language = customer != null && customer.language != null ? customer.language
                : d.locale() != null ? d.locale().substring(0, 2).toLowerCase(Locale.ROOT) : null;
        Map<String, String> values = new HashMap<>();
        values.put("kind", String.valueOf(d.kind()));
        values.put("score", String.valueOf(d.score()));
        values.put("surveyId", d.surveyId());
        values.put("reason", d.lowScoreReason() == null ? null : String.valueOf(d.lowScoreReason()));
        String note = texts.get(language, d.lowScoreReason() == null ? "note.detractor" : "note.detractor-reason",
                values);
        if (orderId != null) {
            tickets.lockOrder(orderId);
            Ticket open = Ticket.find("orderId = ?1 and mergedInto is null and status in " + TicketService.ACTIVE_LITERALS
                    + " order by createdAt", orderId).firstResult();
            if (open != null) {
                tickets.addMessage(open, MessageKind.SYSTEM, "system", note, null, null, null, null, null);
                return;
            }
        }
        ContactReason reason = context == null ? ContactReason.OTHER
                : context.returnReason() != null || context.returnId() != null ? ContactReason.RETURN_REQUEST
                : Boolean.TRUE.equals(context.delayed()) ? ContactReason.WHERE_IS_MY_ORDER
                : context.ticketReason() != null ? context.ticketReason() : ContactReason.OTHER;
        Ticket t = tickets.open(new TicketService.NewTicket(reason, ReasonSource.SYSTEM, null,
                TicketOrigin.FEEDBACK_DETRACTOR, d.customerId(), customer == null ? null : customer.email,
                customer == null ? null : customer.phone, orderId, note, language), null);
        tickets.addMessage(t, MessageKind.SYSTEM, "system", note, null, null, null, null, null);
    }

    /** Delivery city and postcode from the platform's order events (order-status.v1 does not carry them). */
    public void onOrderLifecycle(IncomingEvent event) {
        OrderLifecycleEvent e = event.data(OrderLifecycleEvent.class);
        String city = null;
        if (e.placed() != null) {
            city = e.placed().shippingCity();
            OrderView order = order(e.orderId());
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
                learnCountry(e.placed().customerId(), e.placed().shippingCountry());
            }
        } else if (e.addressChange() != null) {
            city = e.addressChange().city();
        }
        if (city != null) {
            OrderView order = order(e.orderId());
            order.city = city;
            order.updatedAt = tickets.now();
            order.persist();
        }
    }

    public void onReturn(IncomingEvent event) {
        JsonNode data = event.data();
        String returnId = data.path("returnId").asText();
        ReturnView view = ReturnView.findById(returnId);
        if (view == null) {
            view = new ReturnView();
            view.returnId = returnId;
            view.state = "REQUESTED";
        }
        view.orderId = text(data, "orderId", view.orderId);
        view.customerId = text(data, "customerId", view.customerId);
        view.rmaCode = text(data, "rmaCode", view.rmaCode);
        view.currency = text(data, "currency", view.currency);
        if (data.hasNonNull("totalValue")) {
            view.totalValue = data.get("totalValue").decimalValue();
        }
        if (event.type() == EventType.RETURN_DECIDED) {
            ReturnDecided d = event.data(ReturnDecided.class);
            view.outcome = d.outcome().name();
            if ("REQUESTED".equals(view.state)) {
                view.state = "DECIDED";
            }
        } else {
            view.state = event.type().name().substring("RETURN_".length());
        }
        view.updatedAt = tickets.now();
        view.persist();
        if (view.orderId != null) {
            tickets.refreshOrderTickets(view.orderId);
        }
    }

    public void onCustomer(IncomingEvent event) {
        if (event.tombstone()) {
            erase(event.key());
            return;
        }
        CustomerUpserted c = event.data(CustomerUpserted.class);
        Customer customer = Customer.findById(c.customerId());
        if (customer == null) {
            customer = new Customer();
            customer.id = c.customerId();
        }
        customer.email = c.email();
        // kept in E.164, as the search looks it up, whatever form the platform sent
        customer.phone = Phones.normalize(c.phone(), region(customer));
        customer.firstName = c.firstName();
        customer.lastName = c.lastName();
        customer.language = c.language();
        customer.erased = false;
        customer.updatedAt = c.occurredAt() != null ? c.occurredAt() : tickets.now();
        customer.persist();
    }

    /** The region of the customer's phone numbers written without a country code: their country, else the default. */
    private String region(Customer customer) {
        return customer.country != null ? customer.country : config.phone().defaultRegion();
    }

    /** Where the customer's orders go; a phone number kept as typed may now read in E.164. */
    private void learnCountry(String customerId, String country) {
        Customer customer = Customer.findById(customerId);
        if (customer == null || customer.erased || country.equalsIgnoreCase(customer.country)) {
            return;
        }
        customer.country = country.toUpperCase(Locale.ROOT);
        if (customer.phone != null && !customer.phone.startsWith("+")) {
            customer.phone = Phones.normalize(customer.phone, customer.country);
        }
    }

    /** Right to erasure: contact data, names and what the customer wrote are removed; the ticket facts stay. */
    public void erase(String customerId) {
        if (customerId == null) {
            return;
        }
        Customer customer = Customer.findById(customerId);
        if (customer == null) {
            customer = new Customer();
            customer.id = customerId;
        }
        customer.email = null;
        customer.phone = null;
        customer.firstName = null;
        customer.lastName = null;
        customer.country = null;
        customer.erased = true;
        customer.updatedAt = tickets.now();
        customer.persist();
        Ticket.update("email = null, phone = null, subject = null where customerId = ?1", customerId);
        TicketMessage.update("body = '[erased]', subject = null where kind = 'CUSTOMER' and ticketId in "
                + "(select t.id from Ticket t where t.customerId = ?1)", customerId);
        OrderView.update("city = null where customerId = ?1", customerId);
        // what the customer sent with their e-mails goes with what they wrote
        em.createNativeQuery("delete from ticket_attachment a using ticket_message m, ticket t where a.message_id = m.id"
                + " and m.ticket_id = t.id and m.kind = 'CUSTOMER' and t.customer_id = ?1")
                .setParameter(1, customerId).executeUpdate();
    }

    /**
     * The order's lines for the customer search: the text agents see and product-name words match, the SKUs in
     * lower case for the exact lookup, and each distinct line once in product_line (the small table that words are
     * matched against before the SKUs select the orders).
     */
    private void lines(OrderView order, List<OrderLine> lines) {
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

    private OrderView order(String orderId) {
        OrderView order = OrderView.findById(orderId);
        if (order == null) {
            order = new OrderView();
            order.orderId = orderId;
            order.updatedAt = tickets.now();
        }
        return order;
    }

    private static String text(JsonNode data, String field, String fallback) {
        return data.hasNonNull(field) ? data.get(field).asText() : fallback;
    }
}
