package io.postventa.ticket.api;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

import io.postventa.devstack.DevTokens;
import io.postventa.events.EventJson;
import io.postventa.events.EventType;
import io.postventa.events.common.OrderStatus;
import io.postventa.testing.PostventaTestResource;
import io.postventa.testing.Tokens;
import io.postventa.ticket.TicketTestSupport;
import io.postventa.web.VerifiedTokenCache;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.smallrye.jwt.auth.principal.JWTParser;
import jakarta.inject.Inject;

@QuarkusTest
@QuarkusTestResource(value = PostventaTestResource.class, initArgs = @ResourceArg(name = "database", value = "tickets"))
class ContactResourceTest extends TicketTestSupport {
    @Inject
    JWTParser parser;

    private static Map<String, Object> contact(String channel, String customerId, String orderId, String message) {
        Map<String, Object> body = new HashMap<>();
        body.put("channel", channel);
        body.put("customerId", customerId);
        body.put("orderId", orderId);
        body.put("message", message);
        return body;
    }

    @Test
    void whereIsMyOrderIsAnsweredAutomaticallyWithTheRealStatusAndSolvedUntilTheCustomerAnswers() {
        String customer = id("cust");
        String orderId = id("ORD");
        send(EventType.ORDER_STATUS_CHANGED, orderId, order(orderId, customer, OrderStatus.IN_TRANSIT, "49.90", 1, "Lámpara"));
        awaitOrderKnown(orderId, "IN_TRANSIT");

        String ticketId = postContact(Tokens.customer(customer),
                contact("EMAIL", null, orderId, "Hola, ¿dónde está mi pedido? Todavía no ha llegado"))
                .statusCode(201)
                .body("reason", equalTo("WHERE_IS_MY_ORDER"))
                .body("reasonSource", equalTo("CLASSIFIER"))
                .body("status", equalTo("SOLVED"))
                .body("autoReply", containsString("está en camino"))
                .body("autoReply", containsString("10 de diciembre de 2026"))
                .body("autoReply", containsString("https://tracking.example/" + orderId))
                .extract().path("ticketId");

        JsonNode received = EventJson.readTree(awaitEvents(ticketId, EventType.CONTACT_RECEIVED, 1).get(0).value());
        assertEquals("WHERE_IS_MY_ORDER", received.get("reason").asText());
        assertEquals("EMAIL", received.get("channel").asText());
        assertEquals("es", received.get("language").asText());
        awaitEvents(ticketId, EventType.TICKET_CREATED, 1);
        JsonNode first = EventJson.readTree(awaitEvents(ticketId, EventType.TICKET_FIRST_RESPONSE, 1).get(0).value());
        assertEquals(true, first.get("automatic").asBoolean(), "the self-service reply is the first response");
        JsonNode solved = EventJson.readTree(awaitEvents(ticketId, EventType.TICKET_SOLVED, 1).get(0).value());
        assertEquals(true, solved.get("automatic").asBoolean());

        // the customer answers: the ticket opens again
        given().header("Authorization", Tokens.bearer(Tokens.customer(customer))).contentType(ContentType.JSON)
                .body(Map.of("body", "Pero el seguimiento no se mueve desde hace 3 días"))
                .post("/api/v1/tickets/" + ticketId + "/messages").then().statusCode(201);
        given().header("Authorization", Tokens.bearer(Tokens.customer(customer)))
                .get("/api/v1/tickets/" + ticketId).then().statusCode(200)
                .body("ticket.status", equalTo("OPEN"))
                .body("ticket.reopenCount", equalTo(1))
                .body("order.status", equalTo("IN_TRANSIT"))
                .body("messages.kind", hasItems("CUSTOMER", "AUTO_REPLY"));
        JsonNode reopened = EventJson.readTree(awaitEvents(ticketId, EventType.TICKET_REOPENED, 1).get(0).value());
        assertEquals("CUSTOMER_REPLY", reopened.get("trigger").asText());
    }

    @Test
    void everyPublicAgentReplyIsPublishedWithItsTextButAnInternalNoteIsNot() {
        String customer = id("cust");
        String orderId = id("ORD");
        send(EventType.ORDER_STATUS_CHANGED, orderId, order(orderId, customer, OrderStatus.DELIVERED, "30", 1, "Taza"));
        awaitOrderKnown(orderId, "DELIVERED");
        String ticketId = postContact(Tokens.customer(customer), contact("EMAIL", null, orderId,
                "La taza ha llegado rota")).statusCode(201).extract().path("ticketId");
        for (Map<String, Object> reply : java.util.List.<Map<String, Object>>of(
                Map.of("body", "Sentimos lo de la taza, ¿nos mandas una foto?"),
                Map.of("body", "Cliente habitual, ofrecer reenvío", "internal", true),
                Map.of("body", "Gracias por la foto: te enviamos otra hoy mismo."))) {
            given().header("Authorization", Tokens.bearer(agent())).contentType(ContentType.JSON).body(reply)
                    .post("/api/v1/tickets/" + ticketId + "/messages").then().statusCode(201);
        }
        var replies = awaitEvents(ticketId, EventType.TICKET_REPLIED, 2);
        JsonNode first = EventJson.readTree(replies.get(0).value());
        JsonNode second = EventJson.readTree(replies.get(1).value());
        assertEquals("Sentimos lo de la taza, ¿nos mandas una foto?", first.get("body").asText());
        assertEquals(true, first.get("firstReply").asBoolean());
        assertEquals(false, first.get("automatic").asBoolean());
        assertEquals(customer, first.get("customerId").asText());
        assertEquals("es", first.get("language").asText());
        assertEquals("Gracias por la foto: te enviamos otra hoy mismo.", second.get("body").asText(),
                "the internal note between the two replies must not reach the customer");
        assertEquals(false, second.get("firstReply").asBoolean());
        assertEquals(2, countEvents(ticketId, EventType.TICKET_REPLIED), "two public replies, two events");
        assertEquals(1, countEvents(ticketId, EventType.TICKET_FIRST_RESPONSE));
    }

    @Test
    void aSecondContactAboutTheSameOrderJoinsTheOpenTicket() {
        String customer = id("cust");
        String orderId = id("ORD");
        send(EventType.ORDER_STATUS_CHANGED, orderId, order(orderId, customer, OrderStatus.DELIVERED, "30", 1, "Taza"));
        awaitOrderKnown(orderId, "DELIVERED");
        String first = postContact(Tokens.customer(customer), contact("EMAIL", null, orderId,
                "La taza ha llegado rota")).statusCode(201).body("reason", equalTo("DAMAGED_ITEM"))
                .body("joinedExistingTicket", equalTo(false)).extract().path("ticketId");
        postContact(Tokens.customer(customer), contact("CHAT", null, orderId, "¿Habéis visto mi correo? Está rota"))
                .statusCode(201).body("ticketId", equalTo(first)).body("joinedExistingTicket", equalTo(true));
        JsonNode second = EventJson.readTree(awaitEvents(first, EventType.CONTACT_RECEIVED, 2).get(1).value());
        assertEquals(true, second.get("joinedExistingTicket").asBoolean());
        assertEquals(1, countEvents(first, EventType.TICKET_CREATED), "one order, one ticket");
    }

    @Test
    void simultaneousContactsAboutOneOrderEndUpOnOneTicket() throws Exception {
        String customer = id("cust");
        String orderId = id("ORD");
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(4);
        try {
            java.util.List<java.util.concurrent.Future<String>> posts = new java.util.ArrayList<>();
            for (int i = 0; i < 4; i++) {
                posts.add(pool.submit(() -> postContact(Tokens.customer(customer),
                        contact("CHAT", null, orderId, "Necesito la factura de este pedido")).statusCode(201)
                        .extract().<String>path("ticketId")));
            }
            java.util.Set<String> tickets = new java.util.HashSet<>();
            for (var post : posts) {
                tickets.add(post.get());
            }
            assertEquals(1, tickets.size(), "four contacts about one order must share one ticket, got " + tickets);
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void classifiesEnglishContactsAndPhoneContactsByTheirIvrOption() {
        postContact(Tokens.platform("shop"), contact("WEB_FORM", id("cust"), null,
                "Hello, I would like to return the jacket and get a refund")).statusCode(201)
                .body("reason", equalTo("RETURN_REQUEST"));
        Map<String, Object> call = contact("PHONE", null, null, "Llamada: el cliente pregunta por la factura");
        call.put("phone", "+34600111222");
        call.put("ivrOption", "1");
        postContact(agent(), call).statusCode(201).body("reason", equalTo("WHERE_IS_MY_ORDER"))
                .body("reasonSource", equalTo("IVR"));
    }

    @Test
    void aRepeatedIdempotencyKeyReturnsTheFirstContact() {
        String customer = id("cust");
        Map<String, Object> body = contact("EMAIL", null, null, "Necesito la factura de mi compra");
        String key = id("idem");
        String first = given().header("Authorization", Tokens.bearer(Tokens.customer(customer)))
                .header("Idempotency-Key", key).contentType(ContentType.JSON).body(body).post("/api/v1/contacts")
                .then().statusCode(201).extract().path("ticketId");
        given().header("Authorization", Tokens.bearer(Tokens.customer(customer))).header("Idempotency-Key", key)
                .contentType(ContentType.JSON).body(body).post("/api/v1/contacts").then().statusCode(201)
                .body("ticketId", equalTo(first));
    }

    @Test
    void aContactWithNoWayToReachTheCustomerIsRefusedNamingTheFields() {
        postContact(agent(), contact("EMAIL", null, null, "Hola")).statusCode(400)
                .contentType("application/problem+json")
                .body("errors.field", hasItems("customerId", "email", "phone"));
    }

    @Test
    void emptyOversizedAndUnknownValuesAreRefusedPerField() {
        postContact(agent(), contact("EMAIL", "c-1", null, "  ")).statusCode(400)
                .contentType("application/problem+json").body("errors.field", hasItem("message"));
        postContact(agent(), contact("EMAIL", "c-1", null, "x".repeat(10_001))).statusCode(400)
                .body("errors.field", hasItem("message"));
        postContact(agent(), contact("FAX", "c-1", null, "Hola")).statusCode(400)
                .contentType("application/problem+json").body("errors.field", hasItem("channel"));
        Map<String, Object> badEmail = contact("EMAIL", null, null, "Hola");
        badEmail.put("email", "not-an-address");
        postContact(agent(), badEmail).statusCode(400).body("errors.field", hasItem("email"));
    }

    @Test
    void onlyCustomersAgentsAndPlatformsMayPostContacts() {
        postContact(Tokens.manager("m-1"), contact("EMAIL", "c-1", null, "Hola")).statusCode(403);
        given().contentType(ContentType.JSON).body(contact("EMAIL", "c-1", null, "Hola")).post("/api/v1/contacts")
                .then().statusCode(401);
    }

    @Test
    void theServiceVerifiesTokensThroughTheCacheAndStillRefusesForgedOrExpiredOnes() {
        assertInstanceOf(VerifiedTokenCache.class, parser, "the service verifies tokens through the cache");
        String genuine = Tokens.customer(id("cust"));
        postContact(genuine, contact("EMAIL", null, null, "Hola")).statusCode(201);
        postContact(genuine, contact("EMAIL", null, null, "Hola otra vez")).statusCode(201);

        String[] parts = genuine.split("\\.");
        String admin = Tokens.admin("a-1").split("\\.")[1];
        postContact(parts[0] + "." + admin + "." + parts[2], contact("EMAIL", null, null, "Hola")).statusCode(401);
        int at = genuine.length() - 10;
        String forged = genuine.substring(0, at) + (genuine.charAt(at) == 'A' ? 'B' : 'A') + genuine.substring(at + 1);
        postContact(forged, contact("EMAIL", null, null, "Hola")).statusCode(401);
        String expired = DevTokens.token("customer", id("cust"), null, Duration.ofMinutes(-10));
        postContact(expired, contact("EMAIL", null, null, "Hola")).statusCode(401);
        postContact(expired, contact("EMAIL", null, null, "Hola")).statusCode(401);
    }

    @Test
    void aCustomerCannotWriteAboutAnotherCustomersOrderOrReadTheirTicket() {
        String owner = id("cust");
        String orderId = id("ORD");
        send(EventType.ORDER_STATUS_CHANGED, orderId, order(orderId, owner, OrderStatus.PAID, "20", 1, "Libro"));
        awaitOrderKnown(orderId, "PAID");
        postContact(Tokens.customer(id("intruder")), contact("EMAIL", null, orderId, "¿Dónde está?"))
                .statusCode(404).contentType("application/problem+json");
        String ticketId = postContact(Tokens.customer(owner), contact("EMAIL", null, null, "Necesito una factura"))
                .statusCode(201).extract().path("ticketId");
        given().header("Authorization", Tokens.bearer(Tokens.customer(id("intruder"))))
                .get("/api/v1/tickets/" + ticketId).then().statusCode(404)
                .body("detail", startsWith("ticket"));
    }
}
