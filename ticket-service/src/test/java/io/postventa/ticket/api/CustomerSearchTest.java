package io.postventa.ticket.api;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.InputStream;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.node.ObjectNode;

import io.postventa.events.EventJson;
import io.postventa.events.EventType;
import io.postventa.events.Topics;
import io.postventa.events.common.OrderLine;
import io.postventa.events.common.OrderStatus;
import io.postventa.events.customers.CustomerUpserted;
import io.postventa.events.orderstatus.OrderStatusChanged;
import io.postventa.testing.PostventaTestResource;
import io.postventa.testing.Tokens;
import io.postventa.testing.TopicRecorder;
import io.postventa.ticket.TicketTestSupport;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;

@QuarkusTest
@QuarkusTestResource(value = PostventaTestResource.class, initArgs = @ResourceArg(name = "database", value = "tickets"))
class CustomerSearchTest extends TicketTestSupport {

    private static ValidatableResponse search(String q) {
        return given().header("Authorization", Tokens.bearer(agent())).contentType("application/json").body(java.util.Map.of("q", q))
                .post("/api/v1/customers/search").then();
    }

    private static void orderPlaced(String orderId, String customerId, String city, String product) throws Exception {
        ObjectNode event;
        try (InputStream in = EventJson.class.getClassLoader().getResourceAsStream(EventType.ORDER_PLACED.examplePath())) {
            event = (ObjectNode) EventJson.readTree(new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8));
        }
        event.put("eventId", UUID.randomUUID().toString());
        event.put("orderId", orderId);
        ObjectNode placed = (ObjectNode) event.get("placed");
        placed.put("customerId", customerId);
        placed.put("shippingCity", city);
        ((ObjectNode) placed.get("lines").get(0)).put("name", product);
        kafka.send(Topics.ORDERS_LIFECYCLE, orderId, event.toString());
    }

    @Test
    void findsTheCustomerByEachFieldWithOrdersReturnsAndTickets() throws Exception {
        String suffix = UUID.randomUUID().toString().substring(0, 8);
        String customer = id("cust");
        String email = "remedios." + suffix + "@example.com";
        String phone = "+3460" + ThreadLocalRandom.current().nextInt(1_000_000, 9_999_999);
        String lastName = "Zubizarreta" + suffix;
        String city = "Villarreal" + suffix;
        String product = "Lámpara nórdica " + suffix;
        String orderId = id("ORD");
        String amount = ThreadLocalRandom.current().nextInt(5000, 9000) + ".37";
        send(EventType.CUSTOMER_UPSERTED, customer, new CustomerUpserted(UUID.randomUUID().toString(), customer,
                Instant.now(), "shop", email, phone, null, "Remedios", lastName, "es", "Europe/Madrid", null, null, null));
        orderPlaced(orderId, customer, city, product);
        send(EventType.ORDER_STATUS_CHANGED, orderId, order(orderId, customer, OrderStatus.SHIPPED, amount, 3, product));
        // The customer's contact data and the order arrive on different topics: wait for both.
        Awaitility.await().atMost(Duration.ofSeconds(90)).untilAsserted(() -> search(city).statusCode(200)
                .body("customers.find { it.customerId == '" + customer + "' }.orders[0].status", equalTo("SHIPPED"))
                .body("customers.find { it.customerId == '" + customer + "' }.customer.email", equalTo(email)));
        String ticket = given().header("Authorization", Tokens.bearer(Tokens.customer(customer)))
                .contentType(ContentType.JSON).body(Map.of("channel", "EMAIL", "orderId", orderId,
                        "message", "Quiero cambiar la dirección de entrega"))
                .post("/api/v1/contacts").then().statusCode(201).extract().path("ticketId");

        Map<String, String> queries = Map.of("email", email.toUpperCase(), "phone", phone, "name", lastName.toLowerCase(),
                "city", city, "orderId", orderId, "amount", amount, "product", "nórdica " + suffix);
        queries.forEach((field, q) -> search(q).statusCode(200)
                .body("customers.find { it.customerId == '" + customer + "' }.matchedBy", hasItem(field))
                .body("customers.find { it.customerId == '" + customer + "' }.customer.email", equalTo(email))
                .body("customers.find { it.customerId == '" + customer + "' }.orders[0].orderId", equalTo(orderId))
                .body("customers.find { it.customerId == '" + customer + "' }.tickets.id", hasItem(ticket)));
    }

    @Test
    void findsTheBuyerOfAProductByItsExactSkuInAnyCaseAndByWordsOfItsName() {
        String suffix = UUID.randomUUID().toString().substring(0, 8);
        String buyer = id("cust");
        String other = id("cust");
        String orderId = id("ORD");
        String otherOrder = id("ORD");
        String sku = "LAMP-" + suffix + "-XL";
        List<OrderLine> lines = List.of(
                new OrderLine(sku, "Lámpara de pie Ñandú " + suffix, "home", new BigDecimal("89.00"), 1),
                new OrderLine("MUG-" + suffix, "Taza de cerámica", "home", new BigDecimal("9.50"), 2));
        send(EventType.ORDER_STATUS_CHANGED, orderId, withLines(order(orderId, buyer, OrderStatus.PAID, "108.00", 1,
                "x"), lines));
        // another customer bought a longer SKU that contains this one: an exact lookup must not find them
        send(EventType.ORDER_STATUS_CHANGED, otherOrder, withLines(order(otherOrder, other, OrderStatus.PAID, "20.00", 1,
                "x"), List.of(new OrderLine(sku + "2", "Bombilla", "home", new BigDecimal("20.00"), 1))));
        awaitOrderKnown(orderId, "PAID");
        awaitOrderKnown(otherOrder, "PAID");

        for (String q : List.of(sku, sku.toLowerCase(), "mug-" + suffix)) {
            search(q).statusCode(200)
                    .body("customers.customerId", hasItem(buyer))
                    .body("customers.find { it.customerId == '" + buyer + "' }.matchedBy", hasItem("product"))
                    .body("customers.find { it.customerId == '" + buyer + "' }.orders[0].orderId", equalTo(orderId))
                    .body("customers.customerId", not(hasItem(other)));
        }
        // words of the name, case aside; accents count as today (ilike): "nandu" is another word
        search("pie ñandú " + suffix.toUpperCase()).statusCode(200)
                .body("customers.find { it.customerId == '" + buyer + "' }.matchedBy", hasItem("product"));
        search("PIE Ñandú " + suffix).statusCode(200).body("customers.customerId", hasItem(buyer));
        search("pie nandu " + suffix).statusCode(200).body("customers.customerId", not(hasItem(buyer)));
        // a word with a hyphen that is no SKU is still matched as text of the line
        search(suffix + "-x").statusCode(200).body("customers.customerId", hasItem(buyer))
                .body("customers.customerId", hasItem(other));
    }

    private static OrderStatusChanged withLines(OrderStatusChanged o, List<OrderLine> lines) {
        return new OrderStatusChanged(o.orderId(), o.customerId(), o.occurredAt(), o.previousStatus(), o.newStatus(),
                o.sourceEventId(), o.purchaseNumber(), o.locale(), o.salesChannel(), o.currency(), o.total(), lines, o.placedAt(), o.promisedDeliveryDate(), o.carrier(), o.trackingNumber(),
                o.trackingUrl(), o.deliveredAt(), o.exceptionReasonCode());
    }

    @Test
    void searchIsForAgentsAndNeedsAQuery() {
        search("").statusCode(400).contentType("application/problem+json").body("errors.field", hasItem("q"));
        given().header("Authorization", Tokens.bearer(Tokens.customer("c-1"))).contentType("application/json").body(java.util.Map.of("q", "ana"))
                .post("/api/v1/customers/search").then().statusCode(403);
    }

    @Test
    void aTombstoneErasesTheCustomersPersonalData() {
        String customer = id("cust");
        String email = "borrar." + UUID.randomUUID().toString().substring(0, 8) + "@example.com";
        send(EventType.CUSTOMER_UPSERTED, customer, new CustomerUpserted(UUID.randomUUID().toString(), customer,
                Instant.now(), "shop", email, "+34611222333", null, "Olvido", "Borrado", "es", null, null, null, null));
        Awaitility.await().atMost(Duration.ofSeconds(90)).untilAsserted(() -> search(email).statusCode(200)
                .body("customers[0].customerId", equalTo(customer)));
        String ticket = given().header("Authorization", Tokens.bearer(Tokens.platform("shop")))
                .contentType(ContentType.JSON).body(Map.of("channel", "EMAIL", "email", email,
                        "message", "Mi teléfono es +34611222333, necesito la factura"))
                .post("/api/v1/contacts").then().statusCode(201).extract().path("ticketId");
        given().header("Authorization", Tokens.bearer(agent())).get("/api/v1/tickets/" + ticket).then()
                .body("ticket.customerId", equalTo(customer)).body("ticket.email", equalTo(email));

        kafka.send(Topics.CUSTOMERS, customer, null);
        Awaitility.await().atMost(Duration.ofSeconds(90)).untilAsserted(() -> given()
                .header("Authorization", Tokens.bearer(agent())).get("/api/v1/tickets/" + ticket).then()
                .body("ticket.email", nullValue())
                .body("ticket.phone", nullValue())
                .body("messages.find { it.kind == 'CUSTOMER' }.body", equalTo("[erased]")));
        search(email).statusCode(200).body("customers.customerId", not(hasItem(customer)));
    }

    @Test
    void aMalformedEventGoesToTheDeadLetterTopic() {
        String key = id("ORD");
        try (TopicRecorder dlq = kafka.record(Topics.dlq(Topics.ORDER_STATUS))) {
            kafka.send(Topics.ORDER_STATUS, key, "{not json", Map.of("ce_id", UUID.randomUUID().toString(),
                    "ce_type", EventType.ORDER_STATUS_CHANGED.ceType(), "ce_specversion", "1.0", "ce_source", "/test"));
            var dead = dlq.await(r -> key.equals(r.key()), 1, Duration.ofSeconds(90)).get(0);
            assertEquals("NOT_JSON", TopicRecorder.header(dead, "dead-letter-reason-code"),
                    "the dead letter must say why it could not be read");
        }
    }
}
