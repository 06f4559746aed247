package io.postventa.systemtests;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import io.postventa.events.EventType;
import io.postventa.testing.Mailbox;
import io.postventa.testing.Mailbox.Email;

/**
 * Issue 27, item 5: a message held back by the daily cap is sent when the cap allows, as a digest when several
 * wait, even when no later message comes to carry it. Platform counts the cap (5 order updates) over a rolling
 * 90 s instead of the customer's day, and notification-service looks at held-back updates every second.
 */
class HeldBackUpdatesSystemTest extends SystemTest {
    private static final Duration CAP_WINDOW = Duration.ofSeconds(90);

    @Test
    void updatesHeldBackByTheCapAreSentAsOneDigestWhenTheCapAllowsWithoutALaterMessage() {
        Shop.Customer customer = Shop.Customer.fresh("es");
        shop.upsert(customer);
        Instant placedAt = Instant.now().minus(1, ChronoUnit.DAYS).truncatedTo(ChronoUnit.SECONDS);
        List<Shop.Order> orders = new ArrayList<>();
        for (int i = 0; i < 7; i++) {
            orders.add(shop.order(customer.id()).placed(placedAt.plusSeconds(i))
                    .then(EventType.ORDER_SHIPPED, placedAt.plus(2, ChronoUnit.HOURS).plusSeconds(i)));
        }

        await("five 'shipped' e-mails, the most the cap allows at once").atMost(WAIT)
                .until(() -> shippedMails(customer).size() >= 5);
        assertEquals(5, shippedMails(customer).size(), "the cap holds two back: " + Mailbox.to(customer.email()));

        Email digest = await("the two held-back updates arrive together once the cap allows, with no later message")
                .atMost(WAIT.plus(CAP_WINDOW)).until(() -> Mailbox.to(customer.email()).stream()
                        .filter(m -> m.subject().equals("Novedades de tus pedidos")).findFirst().orElse(null),
                        m -> m != null);
        List<Email> mails = Mailbox.to(customer.email());
        assertEquals(6, mails.size(), "five updates and one digest: " + mails);
        for (Shop.Order order : orders) {
            long naming = mails.stream().filter(m -> m.subject().contains(order.id()) || m.body().contains(order.id()))
                    .count();
            assertEquals(1, naming, "order " + order.id() + " is told exactly once: " + mails);
        }
        assertTrue(orders.stream().filter(o -> digest.body().contains(o.id())).count() == 2,
                "the digest lists the two held-back updates: " + digest.body());
    }

    private static List<Email> shippedMails(Shop.Customer customer) {
        return Mailbox.to(customer.email()).stream().filter(m -> m.subject().contains("ORD-")).toList();
    }
}
