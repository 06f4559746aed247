package io.postventa.systemtests;

import static io.postventa.devstack.PlatformService.ORDER_STATUS;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import io.postventa.events.EventType;
import io.postventa.testing.Mailbox;
import io.postventa.testing.Mailbox.Email;

/**
 * What messages say: a third language (Portuguese) end to end with no code beyond a list (issue 27, item 8), and
 * every order event a customer cares about, a cancellation included, with a thank-you of its own for the first,
 * second and third purchase (item 9).
 */
class MessageWordingSystemTest extends SystemTest {
    private static final Pattern UNSUBSCRIBE = Pattern.compile("(https?://\\S+/unsubscribe\\?token=\\S+)");

    @Test
    void aPortugueseCustomerIsWrittenToInPortugueseFromTheShippingMessageToTheUnsubscribePage() {
        Shop.Customer customer = Shop.Customer.fresh("pt");
        shop.upsert(customer);
        Shop.Order order = shop.order(customer.id()).placed(Instant.now().minus(1, ChronoUnit.DAYS))
                .then(EventType.ORDER_SHIPPED, Instant.now().minus(2, ChronoUnit.HOURS));
        Email shipped = await("the 'shipped' e-mail").atMost(WAIT).until(() -> Mailbox.to(customer.email()).stream()
                .filter(m -> m.subject().contains(order.id())).findFirst().orElse(null), m -> m != null);
        assertTrue(shipped.subject().equals("A sua encomenda " + order.id() + " está a caminho")
                || shipped.subject().equals("Já vai a caminho! Encomenda " + order.id()), "in Portuguese: " + shipped);
        assertTrue(shipped.body().contains("Olá " + customer.firstName())
                && shipped.body().contains("Obrigado pela sua primeira compra"), "greeting and thanks: " + shipped.body());

        Matcher link = UNSUBSCRIBE.matcher(shipped.body());
        assertTrue(link.find(), "an unsubscribe link: " + shipped.body());
        io.restassured.RestAssured.given().urlEncodingEnabled(false).get(link.group(1)).then().statusCode(200)
                .body(containsString("Quer deixar de receber avisos sobre as suas encomendas?"),
                        containsString("lang=\"pt\""));
    }

    @Test
    void theFirstSecondAndThirdPurchasesAreEachThankedInTheirOwnWordsAndACancelledOrderIsTold() {
        Shop.Customer customer = Shop.Customer.fresh("es");
        shop.upsert(customer);
        Instant placedAt = Instant.now().minus(3, ChronoUnit.DAYS).truncatedTo(ChronoUnit.SECONDS);
        List<String> thanks = List.of("¡Gracias por tu primera compra con nosotros!",
                "¡Gracias por volver a confiar en nosotros con tu segundo pedido!", "¡Ya es tu tercer pedido!");
        for (int purchase = 1; purchase <= 3; purchase++) {
            Shop.Order order = placedAs(customer, placedAt.plus(purchase, ChronoUnit.HOURS), purchase);
            order.then(EventType.ORDER_SHIPPED, placedAt.plus(purchase + 10, ChronoUnit.HOURS));
            Email shipped = await("the 'shipped' e-mail of purchase " + purchase).atMost(WAIT).until(() ->
                    Mailbox.to(customer.email()).stream().filter(m -> m.subject().contains(order.id()))
                            .findFirst().orElse(null), m -> m != null);
            for (int other = 0; other < thanks.size(); other++) {
                assertEquals(other == purchase - 1, shipped.body().contains(thanks.get(other)),
                        "purchase " + purchase + " is thanked in its own words: " + shipped.body());
            }
        }

        Shop.Order cancelled = placedAs(customer, placedAt.plus(20, ChronoUnit.HOURS), 4)
                .then(EventType.ORDER_CANCELLED, placedAt.plus(21, ChronoUnit.HOURS));
        Email told = await("the cancellation is told").atMost(WAIT).until(() -> Mailbox.to(customer.email()).stream()
                .filter(m -> m.subject().contains(cancelled.id())).findFirst().orElse(null), m -> m != null);
        assertEquals("Tu pedido " + cancelled.id() + " ha sido cancelado", told.subject());
        assertTrue(told.body().contains("no se enviará") && told.body().contains("19.90 EUR"),
                "what it means for the customer: " + told.body());
    }

    /** Places an order and waits until order-status-service has counted it as the customer's n-th purchase. */
    private static Shop.Order placedAs(Shop.Customer customer, Instant at, int purchaseNumber) {
        Shop.Order order = shop.order(customer.id()).placed(at);
        await("order " + order.id() + " is purchase " + purchaseNumber).atMost(WAIT).untilAsserted(() ->
                Api.asCustomer(ORDER_STATUS, customer.id()).get("/api/v1/orders/" + order.id())
                        .then().statusCode(200).body("purchaseNumber", equalTo(purchaseNumber)));
        return order;
    }
}
