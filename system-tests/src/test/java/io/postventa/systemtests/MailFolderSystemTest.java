package io.postventa.systemtests;

import static io.postventa.devstack.PlatformService.NOTIFICATION;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;

import io.postventa.events.EventType;
import io.postventa.testing.Mailbox;
import io.postventa.testing.Mailbox.Email;

/**
 * Issue 27, item 10: the local mail folder is faithful. A new user who counts the e-mails notification-service
 * records as sent finds exactly that many files in the folder, one per e-mail, none a copy of another, even when
 * many are sent at the same moment.
 */
class MailFolderSystemTest extends SystemTest {
    private static final int CUSTOMERS = 25;

    @Test
    void everyEmailRecordedAsSentDuringABurstIsExactlyOneFileInTheMailFolder() {
        List<Shop.Customer> customers = new ArrayList<>();
        Instant placedAt = Instant.now().minus(1, ChronoUnit.DAYS).truncatedTo(ChronoUnit.SECONDS);
        for (int i = 0; i < CUSTOMERS; i++) {
            Shop.Customer customer = Shop.Customer.fresh(i % 2 == 0 ? "es" : "en");
            shop.upsert(customer);
            customers.add(customer);
        }
        // Every customer's order ships at the same moment: a burst of e-mails that reach the mail server together.
        for (Shop.Customer customer : customers) {
            shop.order(customer.id()).placed(placedAt).then(EventType.ORDER_SHIPPED, placedAt.plus(3, ChronoUnit.HOURS));
        }

        for (Shop.Customer customer : customers) {
            await("notification-service records the e-mails to " + customer.email() + " as sent, and the folder holds "
                    + "one file for each").atMost(WAIT).untilAsserted(() -> {
                        long sent = sentEmails(customer);
                        List<Email> files = Mailbox.to(customer.email());
                        assertEquals(true, sent > 0, "at least the 'shipped' e-mail is sent");
                        assertEquals(sent, files.size(), "files in the mail folder for " + customer.email()
                                + " against e-mails recorded as sent: " + files);
                    });
        }

        Set<String> messageIds = new HashSet<>();
        List<String> copies = new ArrayList<>();
        for (Shop.Customer customer : customers) {
            for (Email email : Mailbox.to(customer.email())) {
                String id = email.header("Message-ID");
                if (!messageIds.add(id)) {
                    copies.add(id + " (" + email + ")");
                }
            }
        }
        assertEquals(List.of(), copies, "no file is a copy of another e-mail's file (same Message-ID)");
    }

    /** How many e-mails notification-service recorded as sent to the customer, as an agent sees them. */
    private static long sentEmails(Shop.Customer customer) {
        List<Map<String, Object>> deliveries = Api.asAgent(NOTIFICATION).queryParam("size", 200)
                .get("/api/v1/customers/" + customer.id() + "/notifications")
                .then().statusCode(200).extract().jsonPath().getList("items");
        return deliveries.stream().filter(d -> "EMAIL".equals(d.get("channel")) && "SENT".equals(d.get("status"))).count();
    }
}
