package io.postventa.ticket.service;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import io.postventa.events.EventJson;
import io.postventa.events.EventType;
import io.postventa.events.common.OrderLine;
import io.postventa.events.common.OrderStatus;
import io.postventa.events.orderstatus.DelayCause;
import io.postventa.events.orderstatus.OrderDelayed;
import io.postventa.events.orderstatus.OrderStatusChanged;
import io.postventa.messaging.inbox.IncomingEvent;
import io.postventa.testing.PostventaTestResource;
import io.postventa.testing.Tokens;
import io.postventa.ticket.TicketTestSupport;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import jakarta.inject.Inject;

/**
 * A poll of order events applied as the consumer applies it: {@link KnownOrders#prepare} once for the poll, then
 * each event, in one transaction. What prepare reads once (the orders, which of them have active tickets, the
 * product lines already stored) must leave every event's effect as it was when each event asked for itself.
 */
@QuarkusTest
@QuarkusTestResource(value = PostventaTestResource.class, initArgs = @ResourceArg(name = "database", value = "tickets"))
class OrderBatchTest extends TicketTestSupport {
    @Inject
    KnownOrders orders;

    @Test
    void anOrderWithAnOpenTicketStillPausesItsSlaWhenItsEventComesInABatchWithOtherOrders() {
        Map<String, List<Integer>> always = new HashMap<>();
        for (String day : List.of("MONDAY", "TUESDAY", "WEDNESDAY", "THURSDAY", "FRIDAY", "SATURDAY", "SUNDAY")) {
            always.put(day, List.of(0, 1440));
        }
        // the same policy ProactiveAndSlaTest stores: the clock pauses while the parcel is with the carrier
        given().header("Authorization", Tokens.bearer(Tokens.admin("admin-1"))).contentType(ContentType.JSON)
                .body(Map.of("priority", "NORMAL", "channel", "SOCIAL", "firstResponseMinutes", 60,
                        "resolutionMinutes", 600, "timeZone", "Europe/Madrid", "hours", always, "holidays", List.of(),
                        "pauseWhileWithCarrier", true, "pauseWhileReturnInTransit", true))
                .put("/api/v1/sla-policies/social-carrier").then().statusCode(200);
        String customer = id("cust");
        String orderId = id("ORD");
        apply(statusEvent(order(orderId, customer, OrderStatus.PAID, "35", 1, "Batidora")));
        String ticket = postContact(Tokens.customer(customer), Map.of("channel", "SOCIAL", "orderId", orderId,
                "message", "¿Cómo se usa? No encuentro las instrucciones")).statusCode(201)
                .body("priority", equalTo("NORMAL")).extract().path("ticketId");
        ticket(ticket).body("ticket.slaPolicyId", equalTo("social-carrier")).body("ticket.slaPaused", equalTo(false));

        // its order goes to the carrier in the middle of a poll of other orders' events, known and new
        List<IncomingEvent> batch = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            batch.add(statusEvent(order(id("ORD"), id("cust"), OrderStatus.SHIPPED, "10", 1, "Taza")));
        }
        batch.add(statusEvent(order(orderId, customer, OrderStatus.IN_TRANSIT, "35", 1, "Batidora")));
        for (int i = 0; i < 5; i++) {
            batch.add(statusEvent(order(id("ORD"), id("cust"), OrderStatus.PAID, "10", 1, "Taza")));
        }
        apply(batch.toArray(IncomingEvent[]::new));

        ticket(ticket).body("ticket.slaPaused", equalTo(true)).body("order.status", equalTo("IN_TRANSIT"));
    }

    @Test
    void aNewOrderThatTwoEventsOfOneBatchTouchKeepsBothAndItsDelayOpensAProactiveTicket() {
        String customer = id("cust");
        String orderId = id("ORD");
        apply(statusEvent(order(id("ORD"), id("cust"), OrderStatus.PAID, "10", 1, "Taza")),
                statusEvent(order(orderId, customer, OrderStatus.IN_TRANSIT, "48", 2, "Tetera")),
                event(EventType.ORDER_DELAYED, new OrderDelayed(orderId, customer, Instant.now(),
                        DelayCause.PROMISED_DATE_PASSED, OrderStatus.IN_TRANSIT, LocalDate.of(2026, 12, 20), null, null,
                        2, "es-ES", "SEUR", "https://tracking.example/" + orderId)));

        String ticket = given().header("Authorization", Tokens.bearer(agent())).queryParam("orderId", orderId)
                .get("/api/v1/tickets").then().statusCode(200).body("total", equalTo(1))
                .body("items[0].origin", equalTo("ORDER_DELAYED")).extract().path("items[0].id");
        ticket(ticket).body("order.status", equalTo("IN_TRANSIT")).body("order.delayed", equalTo(true))
                .body("order.promisedDate", equalTo("2026-12-20")).body("order.total", notNullValue());
    }

    @Test
    void aLineWhoseInsertWasRolledBackIsStillStoredByTheNextOrderThatHasIt() {
        String word = "Quinqué" + UUID.randomUUID().toString().substring(0, 8);
        OrderLine line = new OrderLine("QNQ-" + word, word + " de latón", "home", new BigDecimal("30.00"), 1);
        String lost = id("ORD");
        assertThrows(IllegalStateException.class, () -> QuarkusTransaction.requiringNew().run(() -> {
            List<IncomingEvent> events = List.of(statusEvent(withLines(order(lost, id("cust"), OrderStatus.PAID, "30",
                    1, "x"), List.of(line))));
            orders.prepare(events);
            events.forEach(orders::onOrderStatus);
            throw new IllegalStateException("the batch fails after the line was inserted");
        }));

        String buyer = id("cust");
        String orderId = id("ORD");
        apply(statusEvent(withLines(order(orderId, buyer, OrderStatus.PAID, "30", 1, "x"), List.of(line))));
        search(word).body("customers.customerId", hasItem(buyer))
                .body("customers.find { it.customerId == '" + buyer + "' }.matchedBy", hasItem("product"));

        // a third order with the line: the service knows it is stored now, and its buyer is found by it too
        String second = id("cust");
        String secondOrder = id("ORD");
        apply(statusEvent(withLines(order(secondOrder, second, OrderStatus.PAID, "30", 1, "x"), List.of(line))));
        search(word).body("customers.customerId", hasItem(buyer)).body("customers.customerId", hasItem(second));
    }

    /** Applies the events as the order-status consumer applies a poll: prepare, then each event, in one transaction. */
    private void apply(IncomingEvent... events) {
        QuarkusTransaction.requiringNew().run(() -> {
            orders.prepare(List.of(events));
            for (IncomingEvent event : events) {
                orders.onOrderStatus(event);
            }
        });
    }

    private static IncomingEvent statusEvent(OrderStatusChanged e) {
        return event(EventType.ORDER_STATUS_CHANGED, e);
    }

    private static IncomingEvent event(EventType type, Object payload) {
        return new IncomingEvent(UUID.randomUUID().toString(), type, "test", null, Instant.now(), null, type.topic(), 0,
                0, EventJson.readTree(EventJson.toJson(payload)));
    }

    private static OrderStatusChanged withLines(OrderStatusChanged o, List<OrderLine> lines) {
        return new OrderStatusChanged(o.orderId(), o.customerId(), o.occurredAt(), o.previousStatus(), o.newStatus(),
                o.sourceEventId(), o.purchaseNumber(), o.locale(), o.salesChannel(), o.currency(), o.total(), lines,
                o.placedAt(), o.promisedDeliveryDate(), o.carrier(), o.trackingNumber(), o.trackingUrl(),
                o.deliveredAt(), o.exceptionReasonCode());
    }

    private static ValidatableResponse ticket(String id) {
        return given().header("Authorization", Tokens.bearer(agent())).get("/api/v1/tickets/" + id).then()
                .statusCode(200);
    }

    private static ValidatableResponse search(String q) {
        return given().header("Authorization", Tokens.bearer(agent())).contentType(ContentType.JSON)
                .body(Map.of("q", q)).post("/api/v1/customers/search").then().statusCode(200);
    }
}
