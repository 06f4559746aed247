package io.postventa.systemtests;

import static io.postventa.devstack.PlatformService.TICKET;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

import io.postventa.events.EventJson;
import io.postventa.events.EventType;
import io.postventa.events.Topics;
import io.postventa.testing.TopicRecorder;

/** Scenario 3: contacts answered with what the platform knows, proactive tickets, and the SLA clock. */
class ContactsSystemTest extends SystemTest {
    private static TopicRecorder contacts;

    @BeforeAll
    static void recordContacts() {
        contacts = kafka.record(Topics.CONTACTS);
    }

    @AfterAll
    static void stopRecording() {
        contacts.close();
    }

    @Test
    void whereIsMyOrderIsAnsweredAutomaticallyWithTheRealStatus() {
        Shop.Customer customer = Shop.Customer.fresh("es");
        shop.upsert(customer);
        Instant placedAt = Instant.now().minus(1, ChronoUnit.DAYS).truncatedTo(ChronoUnit.SECONDS);
        Shop.Order order = shop.order(customer.id())
                .placed(placedAt, LocalDate.now(ZoneOffset.UTC).plusDays(3), "LAMP-7", "home", "49.90")
                .then(EventType.ORDER_SHIPPED, placedAt.plus(2, ChronoUnit.HOURS))
                .then(EventType.SHIPMENT_IN_TRANSIT, placedAt.plus(10, ChronoUnit.HOURS));
        awaitTicketServiceKnows(order, "IN_TRANSIT");

        Api.asCustomer(TICKET, customer.id())
                .body(Map.of("channel", "EMAIL", "orderId", order.id(),
                        "message", "Hola, ¿dónde está mi pedido? Todavía no ha llegado"))
                .post("/api/v1/contacts")
                .then().statusCode(201)
                .body("reason", equalTo("WHERE_IS_MY_ORDER"))
                .body("status", equalTo("SOLVED"))
                .body("autoReply", containsString("está en camino"))
                .body("autoReply", containsString("https://tracking.example-carrier.com/t/" + order.trackingNumber()));
    }

    @Test
    void aShipmentExceptionOpensAProactiveTicketThatTheCustomersLaterContactJoins() {
        Shop.Customer customer = Shop.Customer.fresh("es");
        shop.upsert(customer);
        Instant placedAt = Instant.now().minus(2, ChronoUnit.DAYS).truncatedTo(ChronoUnit.SECONDS);
        Shop.Order order = shop.order(customer.id())
                .placed(placedAt, LocalDate.now(ZoneOffset.UTC).plusDays(2), "CHAIR-3", "furniture", "80.00")
                .then(EventType.ORDER_SHIPPED, placedAt.plus(3, ChronoUnit.HOURS))
                .then(EventType.SHIPMENT_EXCEPTION, placedAt.plus(1, ChronoUnit.DAYS));

        String ticketId = await("a proactive ticket is opened for order " + order.id()).atMost(WAIT).until(() ->
                Api.asAgent(TICKET).queryParam("orderId", order.id()).get("/api/v1/tickets")
                        .then().statusCode(200).extract().<String>path("items.find { it.origin == 'SHIPMENT_EXCEPTION' }.id"),
                id -> id != null);

        Api.asCustomer(TICKET, customer.id())
                .body(Map.of("channel", "CHAT", "orderId", order.id(), "message", "Mi pedido no avanza, ¿qué pasa?"))
                .post("/api/v1/contacts")
                .then().statusCode(201)
                .body("ticketId", equalTo(ticketId))
                .body("joinedExistingTicket", equalTo(true));
        Api.asAgent(TICKET).queryParam("orderId", order.id()).get("/api/v1/tickets")
                .then().statusCode(200).body("total", equalTo(1));
    }

    @Test
    void aTicketNobodyAnswersInTimeIsPublishedAsAnSlaBreach() {
        Shop.Customer customer = Shop.Customer.fresh("es");
        shop.upsert(customer);
        String ticketId = Api.asCustomer(TICKET, customer.id())
                .body(Map.of("channel", "EMAIL", "message", "Necesito una copia de la factura, por favor"))
                .post("/api/v1/contacts")
                .then().statusCode(201).extract().path("ticketId");

        List<ConsumerRecord<String, String>> breaches = contacts.await(r -> ticketId.equals(r.key())
                && EventType.TICKET_SLA_BREACHED.ceType().equals(TopicRecorder.header(r, "ce_type")), 1, WAIT);
        JsonNode breach = EventJson.readTree(breaches.get(0).value());
        assertEquals("FIRST_RESPONSE", breach.get("target").asText(), "the first response was due first: " + breach);
        await("agents see the ticket as breached").atMost(WAIT).untilAsserted(() ->
                Api.asAgent(TICKET).get("/api/v1/tickets/" + ticketId).then().statusCode(200)
                        .body("ticket.firstResponseBreached", equalTo(true)));
    }

    /** Waits until ticket-service has learned the order from order-status.v1 (agents find it by id). */
    static void awaitTicketServiceKnows(Shop.Order order, String status) {
        await("ticket-service knows order " + order.id() + " as " + status).atMost(WAIT).untilAsserted(() ->
                Api.asAgent(TICKET).contentType("application/json").body(java.util.Map.of("q", order.id())).post("/api/v1/customers/search").then().statusCode(200)
                        .body("customers[0].orders.find { it.orderId == '" + order.id() + "' }.status", equalTo(status)));
    }
}
