package io.postventa.systemtests;

import static io.postventa.devstack.PlatformService.ORDER_STATUS;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;

import org.junit.jupiter.api.Test;

import io.postventa.events.EventJson;
import io.postventa.events.EventType;
import io.postventa.events.Topics;
import io.postventa.testing.Mailbox;
import io.postventa.testing.Mailbox.Email;
import io.postventa.testing.TopicRecorder;

/**
 * Scenario 1: a platform publishes an order from PLACED to DELIVERED. Each of the seven changes is published; the
 * customer is told about three of them (shipped, out for delivery, delivered), by e-mail and push, once each.
 */
class OrderJourneySystemTest extends SystemTest {

    @Test
    void ofSevenStatusChangesTheThreeACustomerIsToldAboutAreEmailedAndPushedOnceInTheirLanguageAndALateScanChangesNothing() {
        Shop.Customer customer = Shop.Customer.fresh("en");
        shop.upsert(customer);
        TopicRecorder statusChanges = kafka.record(Topics.ORDER_STATUS);
        Instant deliveredAt = Instant.now().minus(1, ChronoUnit.HOURS).truncatedTo(ChronoUnit.SECONDS);
        Instant placedAt = deliveredAt.minus(2, ChronoUnit.DAYS);
        Shop.Order order = shop.order(customer.id());

        // The order is placed through the webhook; the platform then publishes on orders.lifecycle.v1.
        order.placedThroughWebhook(placedAt);
        await("the order appears in the customer's tracking view").atMost(WAIT).until(() ->
                Api.asCustomer(ORDER_STATUS, customer.id()).get("/api/v1/orders/" + order.id()).statusCode() == 200);
        order.then(EventType.ORDER_PAID, placedAt.plusSeconds(60))
                .then(EventType.ORDER_PACKED, placedAt.plus(2, ChronoUnit.HOURS))
                .then(EventType.ORDER_SHIPPED, placedAt.plus(4, ChronoUnit.HOURS))
                .then(EventType.SHIPMENT_IN_TRANSIT, placedAt.plus(1, ChronoUnit.DAYS))
                .then(EventType.SHIPMENT_OUT_FOR_DELIVERY, deliveredAt.minus(3, ChronoUnit.HOURS))
                .then(EventType.SHIPMENT_DELIVERED, deliveredAt);

        List<String> expectedTimeline = List.of("ORDER_PLACED", "ORDER_PAID", "ORDER_PACKED", "ORDER_SHIPPED",
                "SHIPMENT_IN_TRANSIT", "SHIPMENT_OUT_FOR_DELIVERY", "SHIPMENT_DELIVERED");
        await("the tracking view shows the order delivered with its whole timeline").atMost(WAIT).untilAsserted(() ->
                Api.asCustomer(ORDER_STATUS, customer.id()).header("Accept-Language", "en")
                        .get("/api/v1/orders/" + order.id())
                        .then().statusCode(200)
                        .body("status", equalTo("DELIVERED"))
                        .body("timeline.eventType", contains(expectedTimeline.toArray()))
                        .body("carrier", equalTo(order.carrier()))
                        .body("trackingNumber", equalTo(order.trackingNumber())));

        // One e-mail per status change the customer is told about, in English (their language), not
        // Spanish (the order's locale).
        await("three e-mails about order " + order.id() + " reach " + customer.email()).atMost(WAIT)
                .until(() -> aboutOrder(customer, order).size() >= 3);
        List<Email> mails = aboutOrder(customer, order);
        assertEquals(3, mails.size(), "one e-mail each for shipped, out for delivery and delivered, got " + mails);
        assertTrue(mails.stream().anyMatch(m -> m.subject().equals("Your order " + order.id() + " is on its way")
                || m.subject().equals("It's coming! Order " + order.id() + " has shipped")),
                "a 'shipped' e-mail in English, got " + mails);
        assertTrue(mails.stream().anyMatch(m -> m.subject().equals("Your order " + order.id() + " arrives today")),
                "an 'out for delivery' e-mail in English, got " + mails);
        assertTrue(mails.stream().anyMatch(m -> m.subject().equals("Your order " + order.id() + " has been delivered")),
                "a 'delivered' e-mail in English, got " + mails);
        assertTrue(mails.stream().allMatch(m -> m.body().contains(customer.firstName())),
                "every e-mail greets the customer by name: " + mails);
        await("the push provider is asked for the same three updates").atMost(WAIT)
                .until(() -> platform.providers().received("push", customer.pushToken()).size() >= 3);
        assertEquals(3, platform.providers().received("push", customer.pushToken()).size(),
                "one push per update the customer is told about");
        assertEquals(7, changesOf(statusChanges, order.id()), "one order-status.changed per status change");

        // A stray carrier scan after the delivery: recorded, but the order stays delivered and nobody is told.
        order.then(EventType.SHIPMENT_IN_TRANSIT, deliveredAt.plus(10, ChronoUnit.MINUTES));
        await("agents see the late scan as stale").atMost(WAIT).untilAsserted(() ->
                Api.asAgent(ORDER_STATUS).get("/api/v1/orders/" + order.id()).then().statusCode(200)
                        .body("timeline.findAll { it.eventType == 'SHIPMENT_IN_TRANSIT' }.outcome", contains("APPLIED", "STALE")));
        Api.asCustomer(ORDER_STATUS, customer.id()).get("/api/v1/orders/" + order.id()).then().statusCode(200)
                .body("status", equalTo("DELIVERED"))
                .body("timeline.eventType", contains(expectedTimeline.toArray()));
        await("nothing more is published or sent for the late scan").during(Duration.ofSeconds(5))
                .atMost(Duration.ofSeconds(10)).until(() -> changesOf(statusChanges, order.id()) == 7
                        && aboutOrder(customer, order).size() == 3
                        && platform.providers().received("push", customer.pushToken()).size() == 3);
        statusChanges.close();
    }

    /** The e-mails naming the order (the NPS invitation that follows the delivery does not). */
    private static List<Email> aboutOrder(Shop.Customer customer, Shop.Order order) {
        return Mailbox.to(customer.email()).stream().filter(m -> m.subject().contains(order.id())).toList();
    }

    private static long changesOf(TopicRecorder recorder, String orderId) {
        return recorder.withKey(orderId).stream()
                .filter(r -> EventType.ORDER_STATUS_CHANGED.ceType().equals(TopicRecorder.header(r, "ce_type")))
                .map(r -> EventJson.readTree(r.value()).get("orderId").asText()).count();
    }
}
