package io.postventa.systemtests;

import static io.postventa.devstack.PlatformService.TICKET;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

import io.postventa.events.EventJson;
import io.postventa.events.EventType;
import io.postventa.events.Topics;
import io.postventa.testing.TopicRecorder;

/** Issue 27, item 1 (ticket side): the automatic "where is my order?" answer is published for the channel asked from. */
class AutomaticAnswerEventSystemTest extends SystemTest {
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
    void aWhereIsMyOrderAskedByWhatsAppIsAnsweredForWhatsAppInTheCustomersLanguageWithTheLiveStatusPromisedDateAndTrackingLink() {
        Shop.Customer customer = Shop.Customer.fresh("es");
        shop.upsert(customer);
        Instant placedAt = Instant.now().minus(1, ChronoUnit.DAYS).truncatedTo(ChronoUnit.SECONDS);
        LocalDate promised = LocalDate.now(ZoneOffset.UTC).plusDays(3);
        Shop.Order order = shop.order(customer.id())
                .placed(placedAt, promised, "LAMP-9", "home", "39.90")
                .then(EventType.ORDER_SHIPPED, placedAt.plus(2, ChronoUnit.HOURS))
                .then(EventType.SHIPMENT_IN_TRANSIT, placedAt.plus(10, ChronoUnit.HOURS));
        ContactsSystemTest.awaitTicketServiceKnows(order, "IN_TRANSIT");

        String ticketId = Api.asCustomer(TICKET, customer.id())
                .body(Map.of("channel", "WHATSAPP", "orderId", order.id(), "message", "Hola, ¿dónde está mi pedido?"))
                .post("/api/v1/contacts")
                .then().statusCode(201).body("reason", equalTo("WHERE_IS_MY_ORDER"))
                .extract().path("ticketId");

        JsonNode replied = EventJson.readTree(contacts.await(r -> ticketId.equals(r.key())
                && EventType.TICKET_REPLIED.ceType().equals(TopicRecorder.header(r, "ce_type")), 1, WAIT).get(0).value());
        assertEquals("WHATSAPP", replied.get("channel").asText(), "the answer goes out on WhatsApp: " + replied);
        assertEquals("es", replied.get("language").asText());
        assertEquals(true, replied.get("automatic").asBoolean());
        String body = replied.get("body").asText();
        assertTrue(body.contains("está en camino"), "the live status: " + body);
        assertTrue(body.contains(promised.getDayOfMonth() + " de "), "the promised date: " + body);
        assertTrue(body.contains("https://tracking.example-carrier.com/t/" + order.trackingNumber()), "the tracking link: " + body);
        Api.asAgent(TICKET).get("/api/v1/tickets/" + ticketId).then().statusCode(200)
                .body("messages.find { it.kind == 'AUTO_REPLY' }.channel", equalTo("WHATSAPP"))
                .body("messages.find { it.kind == 'AUTO_REPLY' }.body", containsString(order.trackingNumber()));
    }
}
