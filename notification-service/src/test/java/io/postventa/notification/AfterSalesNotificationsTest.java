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
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;

/** Returns, tickets and surveys become messages too, with their own kinds and consents. */
@QuarkusTest
@QuarkusTestResource(value = PostventaTestResource.class,
        initArgs = @ResourceArg(name = "database", value = "notifications"))
@QuarkusTestResource(ProviderStubResource.class)
class AfterSalesNotificationsTest extends NotificationTestSupport {
    @Test
    void anApprovedReturnSendsTheRmaAndARejectedOneTheReason() {
        String customer = newCustomer("+3465" + System.nanoTime() % 10_000_000, "es", "Europe/Madrid");
        String email = emailOf(customer);
        String approved = "RET-" + UUID.randomUUID();
        TestEvents.example(kafka, EventType.RETURN_DECIDED, Map.of("returnId", approved, "customerId", customer));
        String rejected = "RET-" + UUID.randomUUID();
        TestEvents.example(kafka, EventType.RETURN_DECIDED, Map.of("returnId", rejected, "customerId", customer,
                "outcome", "REJECTED", "note", "Fuera del plazo de 30 días"));

        await().atMost(WAIT).until(() -> Mailbox.to(email).size() == 2);
        List<Email> mails = Mailbox.to(email);
        Email ok = mails.stream().filter(m -> m.subject().contains(approved)).findFirst().orElseThrow();
        assertEquals("Devolución " + approved + " aprobada", ok.subject());
        assertTrue(ok.body().contains("RMA-7Q4K-2M9P"), "the RMA code and instructions: " + ok.body());
        Email no = mails.stream().filter(m -> m.subject().contains(rejected)).findFirst().orElseThrow();
        assertTrue(no.body().contains("Motivo: Fuera del plazo de 30 días"), "the reason: " + no.body());
        await().atMost(WAIT).until(() -> ProviderStubResource.stub().received("sms", approved).size() == 1);
    }

    @Test
    void aNewTicketIsAcknowledgedInTheCustomersLanguage() {
        String customer = newCustomer(null, "en", "Europe/London");
        String email = emailOf(customer);
        String ticket = "TCK-" + UUID.randomUUID();
        TestEvents.example(kafka, EventType.TICKET_CREATED, Map.of("ticketId", ticket, "customerId", customer));
        await().atMost(WAIT).until(() -> !Mailbox.to(email).isEmpty());
        assertEquals("We received your request " + ticket, Mailbox.to(email).get(0).subject());
    }

    @Test
    void anAgentsReplyReachesTheCustomerWithItsText() {
        String customer = newCustomer(null, "en", "Europe/London");
        String email = emailOf(customer);
        String ticket = "TCK-" + UUID.randomUUID();
        TestEvents.example(kafka, EventType.TICKET_REPLIED, Map.of("ticketId", ticket, "customerId", customer,
                "body", "Your parcel left our warehouse today and arrives on Thursday."));
        await().atMost(WAIT).until(() -> !Mailbox.to(email).isEmpty());
        Email reply = Mailbox.to(email).get(0);
        assertEquals("Reply to your request " + ticket, reply.subject());
        assertTrue(reply.body().contains("Your parcel left our warehouse today and arrives on Thursday."),
                "the agent's reply in the e-mail: " + reply.body());
    }

    @Test
    void aSurveyInvitationNeedsMarketingConsentPerChannel() {
        String customer = newCustomer("+3466" + System.nanoTime() % 10_000_000, "es", "Europe/Madrid", false);
        String email = emailOf(customer);
        String survey = "SRV-" + UUID.randomUUID();
        String eventId = TestEvents.example(kafka, EventType.SURVEY_INVITED, Map.of("surveyId", survey, "customerId", customer));
        notifications.await(r -> customer.equals(r.key()) && r.value().contains(eventId) && r.value().contains("NO_CONSENT")
                && r.value().contains("\"SMS\""), 1, WAIT);
        await().atMost(WAIT).until(() -> !Mailbox.to(email).isEmpty());
        assertTrue(Mailbox.to(email).get(0).body().contains("https://postventa.example.com/surveys/"),
                "the survey link: " + Mailbox.to(email).get(0).body());
    }
}
