package io.postventa.systemtests;

import static io.postventa.devstack.PlatformService.NOTIFICATION;
import static io.postventa.devstack.PlatformService.TICKET;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import io.postventa.events.EventType;
import io.postventa.testing.Mailbox;
import io.postventa.testing.Mailbox.Email;

/**
 * Where messages go and where they point: every e-mail's Reply-To names its ticket or order (issue 27, item 6), a
 * phone number as the customer typed it is texted in E.164 (item 7), and the links in an e-mail open their pages
 * where the stack runs (item 11: Platform sets no public URL, so the port the service listens on must be used).
 */
class MessageAddressesSystemTest extends SystemTest {
    private static final Pattern UNSUBSCRIBE = Pattern.compile("(https?://\\S+/unsubscribe\\?token=\\S+)");

    @Test
    void everyEmailCarriesAReplyToNamingItsTicketOrElseItsOrder() {
        Shop.Customer customer = Shop.Customer.fresh("es");
        shop.upsert(customer);
        Shop.Order order = shop.order(customer.id()).placed(Instant.now().minus(1, ChronoUnit.DAYS))
                .then(EventType.ORDER_SHIPPED, Instant.now().minus(2, ChronoUnit.HOURS));
        Email shipped = await("the 'shipped' e-mail").atMost(WAIT).until(() -> Mailbox.to(customer.email()).stream()
                .filter(m -> m.subject().contains(order.id())).findFirst().orElse(null), m -> m != null);
        assertEquals("support+o." + order.id() + "@postventa.local", shipped.replyTo(), "about the order: " + shipped);

        String ticketId = Api.asCustomer(TICKET, customer.id())
                .body(Map.of("channel", "EMAIL", "orderId", order.id(), "message", "Necesito la factura de este pedido"))
                .post("/api/v1/contacts").then().statusCode(201).extract().path("ticketId");
        Email acknowledged = await("the acknowledgement").atMost(WAIT).until(() -> Mailbox.to(customer.email()).stream()
                .filter(m -> m.subject().contains(ticketId)).findFirst().orElse(null), m -> m != null);
        assertEquals("support+t." + ticketId + "@postventa.local", acknowledged.replyTo(),
                "about the ticket, though it also names the order: " + acknowledged);
    }

    @Test
    void aPhoneNumberAsTheCustomerTypedItReachesTheSmsProviderInE164() {
        Shop.Customer fresh = Shop.Customer.fresh("es");
        String national = fresh.phone().substring(3); // 9 digits of a Spanish mobile number
        String typed = national.substring(0, 3) + " " + national.substring(3, 5) + " " + national.substring(5, 7) + " "
                + national.substring(7);
        Shop.Customer customer = new Shop.Customer(fresh.id(), fresh.firstName(), fresh.lastName(), fresh.email(),
                typed, fresh.pushToken(), fresh.language());
        shop.upsert(customer);
        Instant placedAt = Instant.now().minus(2, ChronoUnit.DAYS).truncatedTo(ChronoUnit.SECONDS);
        Shop.Order order = shop.order(customer.id()).placed(placedAt)
                .then(EventType.ORDER_SHIPPED, placedAt.plus(2, ChronoUnit.HOURS))
                .then(EventType.SHIPMENT_DELIVERY_FAILED, placedAt.plus(1, ChronoUnit.DAYS));

        await("the 'delivery failed' SMS reaches the provider").atMost(WAIT).until(() ->
                !platform.providers().received("sms", order.id()).isEmpty());
        String body = platform.providers().received("sms", order.id()).get(0).body();
        assertTrue(body.contains("\"to\":\"+34" + national + "\""), "typed '" + typed + "', texted to +34" + national
                + ": " + body);
    }

    @Test
    void theUnsubscribeLinkInAnEmailOpensItsPageOnThePortThePortalRuns() {
        Shop.Customer customer = Shop.Customer.fresh("es");
        shop.upsert(customer);
        Shop.Order order = shop.order(customer.id()).placed(Instant.now().minus(1, ChronoUnit.DAYS))
                .then(EventType.ORDER_SHIPPED, Instant.now().minus(2, ChronoUnit.HOURS));
        Email shipped = await("the 'shipped' e-mail").atMost(WAIT).until(() -> Mailbox.to(customer.email()).stream()
                .filter(m -> m.subject().contains(order.id())).findFirst().orElse(null), m -> m != null);
        Matcher link = UNSUBSCRIBE.matcher(shipped.body());
        assertTrue(link.find(), "an unsubscribe link: " + shipped.body());
        assertTrue(link.group(1).startsWith(Platform.portalUrl() + "/unsubscribe?token="),
                "served by the customer portal at " + Platform.portalUrl() + ": " + link.group(1));
        io.restassured.RestAssured.given().urlEncodingEnabled(false).get(link.group(1)).then().statusCode(200)
                .body(containsString("¿Quieres dejar de recibir avisos sobre el estado de tus pedidos?"));
        assertTrue(shipped.header("List-Unsubscribe").contains(NOTIFICATION.url() + "/api/v1/unsubscribe?token="),
                "one-click unsubscribe stays on notification-service at " + NOTIFICATION.url());
    }
}
