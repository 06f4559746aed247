package io.postventa.systemtests;

import static io.postventa.devstack.PlatformService.TICKET;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

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

import io.postventa.events.EventType;
import io.postventa.events.Topics;
import io.postventa.testing.Mailbox;
import io.postventa.testing.Mailbox.Email;
import io.postventa.testing.TopicRecorder;

/**
 * Issue 27, item 2: a ticket the platform opens itself (here for a shipment exception) does not say "we have
 * received your query": the customer gets one message naming the problem and what the store is doing, however
 * many events report it; a later contact joins the ticket and is treated as any contact.
 */
class ProactiveMessagesSystemTest extends SystemTest {
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
    void aShipmentExceptionIsToldOnceWithWhatTheStoreDoesAndOnlyTheCustomersLaterContactIsAcknowledged() {
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
        Email incident = await("the customer is told about the incident").atMost(WAIT).until(() ->
                Mailbox.to(customer.email()).stream().filter(m -> m.subject().equals("Incidencia con tu pedido " + order.id()))
                        .findFirst().orElse(null), m -> m != null);
        assertTrue(incident.body().contains("incidencia con el envío") && incident.body().contains(
                "hemos abierto una incidencia con el transportista") && incident.body().contains("antes del"),
                "the problem, what the store does and when it writes again: " + incident.body());

        // the customer writes about it: the contact joins the proactive ticket and, as any contact, is acknowledged
        Api.asCustomer(TICKET, customer.id())
                .body(Map.of("channel", "CHAT", "orderId", order.id(), "message", "Mi pedido no avanza, ¿qué pasa?"))
                .post("/api/v1/contacts")
                .then().statusCode(201).body("ticketId", equalTo(ticketId)).body("joinedExistingTicket", equalTo(true));
        await("the contact is acknowledged").atMost(WAIT).until(() -> Mailbox.to(customer.email()).stream()
                .anyMatch(m -> m.subject().equals("Hemos recibido tu consulta " + ticketId)));

        List<Email> mails = Mailbox.to(customer.email());
        assertEquals(1, mails.stream().filter(m -> m.subject().startsWith("Incidencia")).count(),
                "one incident message: " + mails);
        assertEquals(1, mails.stream().filter(m -> m.subject().startsWith("Hemos recibido")).count(),
                "one acknowledgement: " + mails);
        ConsumerRecord<String, String> contact = contacts.await(r -> ticketId.equals(r.key())
                && EventType.CONTACT_RECEIVED.ceType().equals(TopicRecorder.header(r, "ce_type")), 1, WAIT).get(0);
        List<Map<String, Object>> acknowledgements = AutomaticAnswerSystemTest.deliveries(customer, ticketId).stream()
                .filter(d -> "TICKET_ACKNOWLEDGED".equals(d.get("trigger"))).toList();
        assertEquals(1, acknowledgements.size(), "acknowledged once: " + acknowledgements);
        assertEquals(TopicRecorder.header(contact, "ce_id"), acknowledgements.get(0).get("sourceEventId"),
                "the acknowledgement answers the customer's contact, not the ticket the platform opened");
    }
}
