package io.postventa.systemtests;

import static io.postventa.devstack.PlatformService.NOTIFICATION;
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

import org.junit.jupiter.api.Test;

import io.postventa.events.EventType;
import io.postventa.testing.Mailbox;
import io.postventa.testing.Mailbox.Email;

/**
 * Issue 27, item 1: a "where is my order?" answered automatically reaches the customer on the channel they wrote
 * through, in their language, with the live status and tracking link, and they are not told "we will answer
 * within 24 hours" first.
 */
class AutomaticAnswerSystemTest extends SystemTest {

    @Test
    void aWhereIsMyOrderEmailIsAnsweredByEmailInTheCustomersLanguageWithoutAnAcknowledgementFirst() {
        Shop.Customer customer = Shop.Customer.fresh("en");
        shop.upsert(customer);
        Shop.Order order = inTransit(customer);

        String ticketId = Api.asCustomer(TICKET, customer.id())
                .body(Map.of("channel", "EMAIL", "orderId", order.id(), "message", "Hi, where is my order? It has not arrived"))
                .post("/api/v1/contacts")
                .then().statusCode(201).body("status", equalTo("SOLVED")).extract().path("ticketId");

        Email answer = await("the automatic answer reaches " + customer.email() + " by e-mail").atMost(WAIT)
                .until(() -> about(customer, ticketId).stream()
                        .filter(m -> m.subject().equals("Reply to your request " + ticketId))
                        .findFirst().orElse(null),
                        m -> m != null);
        assertTrue(answer.body().contains(order.id())
                && answer.body().contains("https://tracking.example-carrier.com/t/" + order.trackingNumber()),
                "the live status of the order and its tracking link: " + answer.body());

        // The customer writes again: now a person will answer, and the customer is told so. Acknowledgements are
        // released in the order they were held, so once this one is out the first contact's could have come too.
        Api.asCustomer(TICKET, customer.id())
                .body(Map.of("channel", "EMAIL", "orderId", order.id(), "message", "Thanks, but the tracking page is empty"))
                .post("/api/v1/contacts")
                .then().statusCode(201).body("ticketId", equalTo(ticketId)).body("joinedExistingTicket", equalTo(true));
        await("the second contact is acknowledged").atMost(WAIT).until(() -> about(customer, ticketId).stream()
                .anyMatch(m -> m.subject().equals("We received your request " + ticketId)));

        List<Email> mails = about(customer, ticketId);
        assertEquals(2, mails.size(), "the answer and the second contact's acknowledgement, nothing else (no "
                + "acknowledgement of the answered contact, no 'resolved'): " + mails);
        List<Map<String, Object>> deliveries = deliveries(customer, ticketId);
        Map<String, Object> reply = deliveries.stream().filter(d -> "TICKET_REPLIED".equals(d.get("trigger"))
                && "EMAIL".equals(d.get("channel"))).findFirst().orElseThrow();
        Map<String, Object> acknowledgement = deliveries.stream()
                .filter(d -> "TICKET_ACKNOWLEDGED".equals(d.get("trigger"))).findFirst().orElseThrow();
        assertTrue(Instant.parse((String) acknowledgement.get("createdAt")).isAfter(Instant.parse((String) reply.get("createdAt"))),
                "the only acknowledgement came after the answer, for the second contact: " + deliveries);
    }

    @Test
    void aWhereIsMyOrderTextIsAnsweredBySmsAndAWhatsAppMessageByWhatsApp() {
        for (String channel : List.of("SMS", "WHATSAPP")) {
            Shop.Customer customer = Shop.Customer.fresh("es");
            shop.upsert(customer);
            Shop.Order order = inTransit(customer);
            Api.asCustomer(TICKET, customer.id())
                    .body(Map.of("channel", channel, "orderId", order.id(), "message", "¿Dónde está mi pedido? No ha llegado"))
                    .post("/api/v1/contacts")
                    .then().statusCode(201).body("status", equalTo("SOLVED"));

            String provider = channel.toLowerCase();
            await("the automatic answer reaches " + customer.phone() + " by " + channel).atMost(WAIT).until(() ->
                    platform.providers().received(provider, customer.phone()).stream().anyMatch(r -> r.body()
                            .contains("https://tracking.example-carrier.com/t/" + order.trackingNumber())));
            assertTrue(platform.providers().received(provider, customer.phone()).stream()
                    .anyMatch(r -> r.body().contains(order.id())), "the answer names the order: "
                    + platform.providers().received(provider, customer.phone()));
        }
    }

    /** An order of the customer that is on its way, known to ticket-service (so it can answer). */
    private static Shop.Order inTransit(Shop.Customer customer) {
        Instant placedAt = Instant.now().minus(1, ChronoUnit.DAYS).truncatedTo(ChronoUnit.SECONDS);
        Shop.Order order = shop.order(customer.id())
                .placed(placedAt, LocalDate.now(ZoneOffset.UTC).plusDays(3), "LAMP-7", "home", "49.90")
                .then(EventType.ORDER_SHIPPED, placedAt.plus(2, ChronoUnit.HOURS))
                .then(EventType.SHIPMENT_IN_TRANSIT, placedAt.plus(10, ChronoUnit.HOURS));
        ContactsSystemTest.awaitTicketServiceKnows(order, "IN_TRANSIT");
        return order;
    }

    /** The e-mails about one ticket (their subjects name it). */
    static List<Email> about(Shop.Customer customer, String ticketId) {
        return Mailbox.to(customer.email()).stream().filter(m -> m.subject().contains(ticketId)).toList();
    }

    /** What notification-service recorded for the customer about one ticket, as an agent sees it. */
    static List<Map<String, Object>> deliveries(Shop.Customer customer, String ticketId) {
        List<Map<String, Object>> all = Api.asAgent(NOTIFICATION).queryParam("size", 200)
                .get("/api/v1/customers/" + customer.id() + "/notifications")
                .then().statusCode(200).extract().jsonPath().getList("items");
        return all.stream().filter(d -> ticketId.equals(d.get("ticketId"))).toList();
    }
}
