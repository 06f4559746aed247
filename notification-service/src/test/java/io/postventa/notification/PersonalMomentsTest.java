package io.postventa.notification;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import io.postventa.notification.service.PersonalMoments;
import io.postventa.notification.support.TestEvents;
import io.postventa.testing.KafkaTestClient;
import io.postventa.testing.Mailbox;
import io.postventa.testing.Mailbox.Email;
import io.postventa.testing.MovableClock;
import io.postventa.testing.PostventaTestResource;
import io.postventa.testing.ProviderStubResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;

/** Birthdays and first-purchase anniversaries are sent on the customer's own day, once a year. */
@QuarkusTest
@QuarkusTestResource(value = PostventaTestResource.class,
        initArgs = @ResourceArg(name = "database", value = "notifications"))
@QuarkusTestResource(ProviderStubResource.class)
class PersonalMomentsTest {

    @Inject
    MovableClock clock;

    @Inject
    PersonalMoments moments;

    @Test
    void aCustomerGetsBirthdayAndAnniversaryWishesOnTheirDayOnlyOnce() {
        String zone = "Europe/Madrid";
        LocalDate today = clock.instant().atZone(ZoneId.of(zone)).toLocalDate();
        String customer = "CUST-" + UUID.randomUUID();
        String email = customer.toLowerCase() + "@example.com";
        try (KafkaTestClient kafka = KafkaTestClient.create()) {
            TestEvents.customerWithDates(kafka, customer, email, "es", zone, today.minusYears(30), today.minusYears(2));
        }
        await().atMost(Duration.ofSeconds(90)).until(() -> Mailbox.to(email).size() == 2);
        List<Email> mails = Mailbox.to(email);
        assertTrue(mails.stream().anyMatch(m -> m.subject().equals("¡Feliz cumpleaños, Lucía!")), "birthday: " + mails);
        assertTrue(mails.stream().anyMatch(m -> m.subject().equals("¡2 años contigo!")), "anniversary: " + mails);
        await().atMost(Duration.ofSeconds(90)).until(() -> OrderNotificationsTest.deliveries(customer).size() == 2);
        // another check the same day plans nothing new for this customer
        moments.planDue();
        assertEquals(2, OrderNotificationsTest.deliveries(customer).size(), "one delivery per moment per year");
    }
}
