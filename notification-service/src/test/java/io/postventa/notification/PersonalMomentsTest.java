package io.postventa.notification;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.UUID;

import javax.sql.DataSource;

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

    @Inject
    DataSource dataSource;

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
        await().atMost(Duration.ofSeconds(90)).until(() -> NotificationTestSupport.deliveries(customer).size() == 2);
        // another check the same day plans nothing new for this customer
        moments.planDue();
        assertEquals(2, NotificationTestSupport.deliveries(customer).size(), "one delivery per moment per year");
    }

    /**
     * Two replicas' checks at once: while one holds the check (here the test's own session, as another replica's
     * would), this one plans nothing; once it is done, the moments are planned once.
     */
    @Test
    void whileAnotherReplicaPlansTheMomentsThisOnePlansNone() throws Exception {
        String zone = "Europe/Madrid";
        LocalDate today = clock.instant().atZone(ZoneId.of(zone)).toLocalDate();
        String customer = "CUST-" + UUID.randomUUID();
        String email = customer.toLowerCase() + "@example.com";
        try (Connection other = dataSource.getConnection(); Statement s = other.createStatement()) {
            s.execute("select pg_advisory_lock(" + PersonalMoments.LOCK + ")");
            try {
                try (KafkaTestClient kafka = KafkaTestClient.create()) {
                    TestEvents.customerWithDates(kafka, customer, email, "es", zone, today.minusYears(30), today.minusYears(2));
                }
                await().atMost(Duration.ofSeconds(90)).until(() -> known(customer));
                assertEquals(0, moments.planDue(), "the other replica holds the check");
                assertEquals(0, NotificationTestSupport.deliveries(customer).size(), "nothing planned meanwhile");
            } finally {
                s.execute("select pg_advisory_unlock(" + PersonalMoments.LOCK + ")");
            }
        }
        // the scheduled check (every second in tests) plans them now, once
        await().atMost(Duration.ofSeconds(90)).until(() -> NotificationTestSupport.deliveries(customer).size() == 2);
        moments.planDue();
        assertEquals(2, NotificationTestSupport.deliveries(customer).size(), "one delivery per moment");
    }

    private boolean known(String customerId) throws Exception {
        try (Connection c = dataSource.getConnection();
             PreparedStatement q = c.prepareStatement("select count(*) from customer_contact where customer_id = ?")) {
            q.setString(1, customerId);
            try (ResultSet rs = q.executeQuery()) {
                return rs.next() && rs.getInt(1) == 1;
            }
        }
    }
}
