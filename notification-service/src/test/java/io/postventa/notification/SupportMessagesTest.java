package io.postventa.notification;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import io.postventa.events.EventType;
import io.postventa.notification.support.TestEvents;
import io.postventa.testing.Mailbox;
import io.postventa.testing.Mailbox.Email;
import io.postventa.testing.PostventaTestResource;
import io.postventa.testing.ProviderStubResource;
import io.postventa.testing.TopicRecorder;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;

/**
 * Tickets over the real broker: an automatic answer replaces the acknowledgement and goes back on the channel the
 * customer wrote through; a ticket the platform opened about a delay tells the problem once, however it is told;
 * the first contact on a ticket nobody acknowledged is acknowledged.
 */
@QuarkusTest
@QuarkusTestResource(value = PostventaTestResource.class,
        initArgs = @ResourceArg(name = "database", value = "notifications"))
@QuarkusTestResource(ProviderStubResource.class)
class SupportMessagesTest extends NotificationTestSupport {
    @Test
    void anAutomaticAnswerToAnSmsContactIsTextedBackAndNoAcknowledgementOrResolvedMessageIsSent() {
        String phone = "+3460" + digits();
        String customer = newCustomer(phone, "es", "Europe/Madrid");
        String email = emailOf(customer);
        String ticket = "TCK-" + UUID.randomUUID();
        String order = "ORD-" + UUID.randomUUID();
        String answer = "Hola, tu pedido " + order + " está en camino. Puedes seguir el envío aquí: "
                + "https://tracking.example-carrier.com/t/" + order;
        // what ticket-service publishes, in this order, in one transaction for a WISMO contact it answers itself
        TestEvents.example(kafka, EventType.TICKET_CREATED, Map.of("ticketId", ticket, "customerId", customer,
                "orderId", order, "channel", "SMS"));
        TestEvents.example(kafka, EventType.CONTACT_RECEIVED, Map.of("ticketId", ticket, "customerId", customer,
                "orderId", order, "channel", "SMS"));
        String reply = TestEvents.example(kafka, EventType.TICKET_REPLIED, Map.of("ticketId", ticket,
                "customerId", customer, "orderId", order, "automatic", "true", "channel", "SMS", "body", answer));
        TestEvents.example(kafka, EventType.TICKET_SOLVED, Map.of("ticketId", ticket, "customerId", customer,
                "orderId", order, "automatic", "true"));

        await().atMost(WAIT).until(() -> ProviderStubResource.stub().received("sms", phone).size() == 1);
        assertTrue(ProviderStubResource.stub().received("sms", phone).get(0).body().contains(
                "https://tracking.example-carrier.com/t/" + order), "the answer with its tracking link, by SMS: "
                + ProviderStubResource.stub().received("sms", phone));
        notifications.await(r -> customer.equals(r.key()) && r.value().contains(reply)
                && "postventa.notification.sent.v1".equals(TopicRecorder.header(r, "ce_type")), 2, WAIT);

        // a second ticket's acknowledgement, held after the first one would have been: once it is out, the first
        // ticket's acknowledgement can no longer come
        String later = "TCK-" + UUID.randomUUID();
        TestEvents.example(kafka, EventType.TICKET_CREATED, Map.of("ticketId", later, "customerId", customer,
                "orderId", "ORD-" + UUID.randomUUID(), "channel", "EMAIL"));
        await().atMost(WAIT).until(() -> Mailbox.to(email).stream().anyMatch(m -> m.subject().contains(later)));
        List<String> sent = deliveries(customer).stream().map(d -> d.get("trigger") + "/" + d.get("channel")
                + (ticket.equals(d.get("ticketId")) ? "/first" : "/later")).sorted().toList();
        assertEquals(List.of("TICKET_ACKNOWLEDGED/EMAIL/later", "TICKET_REPLIED/PUSH/first", "TICKET_REPLIED/SMS/first"),
                sent, "the answered contact gets the answer only (and a push), the unanswered one its acknowledgement");
        assertEquals(1, Mailbox.to(email).size(), "no acknowledgement or 'resolved' e-mail for the answered contact: "
                + Mailbox.to(email));
    }

    @Test
    void anAutomaticAnswerToAChatContactIsEmailedWithAReplyToNamingTheTicket() {
        String customer = newCustomer("+3460" + digits(), "en", "Europe/London");
        String email = emailOf(customer);
        String ticket = "TCK-" + UUID.randomUUID();
        TestEvents.example(kafka, EventType.TICKET_CREATED, Map.of("ticketId", ticket, "customerId", customer,
                "channel", "CHAT"));
        TestEvents.example(kafka, EventType.TICKET_REPLIED, Map.of("ticketId", ticket, "customerId", customer,
                "automatic", "true", "channel", "CHAT", "language", "en",
                "body", "Hello, your order is in transit. Track it here: https://tracking.example-carrier.com/t/X1"));
        await().atMost(WAIT).until(() -> !Mailbox.to(email).isEmpty());
        Email mail = Mailbox.to(email).get(0);
        assertEquals("Reply to your request " + ticket, mail.subject(), "in the customer's language: " + mail);
        assertTrue(mail.body().contains("https://tracking.example-carrier.com/t/X1"), mail.body());
        assertEquals("support+t." + ticket + "@postventa.local", mail.replyTo());
    }

    @Test
    void aDelayIsToldOnceWhetherTheOrderEventOrTheProactiveTicketComesFirstAndItsTicketIsNotAcknowledged() {
        String customer = newCustomer(null, "es", "Europe/Madrid");
        String email = emailOf(customer);

        // the order event first, then the ticket ticket-service opens for it
        String first = "ORD-" + UUID.randomUUID();
        String firstTicket = "TCK-" + UUID.randomUUID();
        TestEvents.example(kafka, EventType.ORDER_DELAYED, Map.of("orderId", first, "customerId", customer));
        TestEvents.example(kafka, EventType.TICKET_CREATED, Map.of("ticketId", firstTicket, "customerId", customer,
                "orderId", first, "origin", "ORDER_DELAYED"));
        await().atMost(WAIT).until(() -> Mailbox.to(email).stream().anyMatch(m -> m.subject().contains(first)));

        // the ticket first (the order event was late), then the order event
        String second = "ORD-" + UUID.randomUUID();
        String secondTicket = "TCK-" + UUID.randomUUID();
        TestEvents.example(kafka, EventType.TICKET_CREATED, Map.of("ticketId", secondTicket, "customerId", customer,
                "orderId", second, "origin", "ORDER_DELAYED"));
        await().atMost(WAIT).until(() -> Mailbox.to(email).stream().anyMatch(m -> m.subject().contains(second)));
        TestEvents.example(kafka, EventType.ORDER_DELAYED, Map.of("orderId", second, "customerId", customer));

        // the customer writes about the first order: the contact joins its ticket and is acknowledged; by the time
        // that acknowledgement is out, anything else held for these tickets has been released
        TestEvents.example(kafka, EventType.CONTACT_RECEIVED, Map.of("ticketId", firstTicket, "customerId", customer,
                "orderId", first, "joinedExistingTicket", "true", "channel", "EMAIL"));
        String secondContact = TestEvents.example(kafka, EventType.CONTACT_RECEIVED, Map.of("ticketId", secondTicket,
                "customerId", customer, "orderId", second, "joinedExistingTicket", "true", "channel", "EMAIL"));
        await().atMost(WAIT).until(() -> Mailbox.to(email).stream().filter(m -> m.subject().startsWith("Hemos recibido"))
                .count() == 2);
        notifications.await(r -> customer.equals(r.key()) && r.value().contains(secondContact), 1, WAIT);

        List<Email> mails = Mailbox.to(email);
        assertEquals(4, mails.size(), "one delay message per order and one acknowledgement per contact: " + mails);
        for (String order : List.of(first, second)) {
            List<Email> delay = mails.stream().filter(m -> m.subject().equals("Tu pedido " + order + " se está retrasando"))
                    .toList();
            assertEquals(1, delay.size(), "the delay of " + order + " is told once: " + mails);
            assertTrue(delay.get(0).body().contains("te volveremos a escribir antes del"),
                    "what the store does and when it writes again: " + delay.get(0).body());
        }
        assertEquals(1, mails.stream().filter(m -> m.subject().equals("Hemos recibido tu consulta " + firstTicket)).count(),
                "the customer's contact on the proactive ticket is acknowledged: " + mails);
    }

    @Test
    void aCustomerWritingTwiceOnOneTicketIsAcknowledgedOnce() {
        String customer = newCustomer(null, "en", "Europe/London");
        String email = emailOf(customer);
        String ticket = "TCK-" + UUID.randomUUID();
        TestEvents.example(kafka, EventType.TICKET_CREATED, Map.of("ticketId", ticket, "customerId", customer,
                "channel", "EMAIL"));
        String again = TestEvents.example(kafka, EventType.CONTACT_RECEIVED, Map.of("ticketId", ticket,
                "customerId", customer, "joinedExistingTicket", "true", "channel", "EMAIL"));
        await().atMost(WAIT).until(() -> !Mailbox.to(email).isEmpty());
        String marker = "TCK-" + UUID.randomUUID();
        TestEvents.example(kafka, EventType.TICKET_CREATED, Map.of("ticketId", marker, "customerId", customer,
                "channel", "EMAIL"));
        await().atMost(WAIT).until(() -> Mailbox.to(email).stream().anyMatch(m -> m.subject().contains(marker)));
        assertEquals(1, Mailbox.to(email).stream().filter(m -> m.subject().contains(ticket)).count(),
                "one acknowledgement for the ticket: " + Mailbox.to(email));
        assertTrue(Mailbox.to(email).get(0).body().contains("We will answer by"),
                "the promise comes from the ticket's first-response due time: " + Mailbox.to(email).get(0).body());
        assertTrue(deliveries(customer).stream().noneMatch(d -> again.equals(d.get("sourceEventId"))));
    }
}
