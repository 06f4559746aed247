package io.postventa.notification;

import static io.restassured.RestAssured.given;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

import com.fasterxml.jackson.databind.node.ObjectNode;

import io.postventa.events.EventJson;
import io.postventa.events.EventType;
import io.postventa.events.Topics;
import io.postventa.notification.support.TestEvents;
import io.postventa.testing.KafkaTestClient;
import io.postventa.testing.Tokens;
import io.postventa.testing.TopicRecorder;

/**
 * Shared helpers: the real broker (a client for the class, recording notifications.v1 from its start), new customers
 * and placed orders sent as their producers would, and the agents' view of a customer's deliveries.
 */
public abstract class NotificationTestSupport {
    /** Under load the whole stack is slow: generous, never a timed assertion. */
    protected static final Duration WAIT = Duration.ofSeconds(90);
    protected static KafkaTestClient kafka;
    protected static TopicRecorder notifications;

    @BeforeAll
    static void connect() {
        kafka = KafkaTestClient.create();
        notifications = kafka.record(Topics.NOTIFICATIONS);
    }

    @AfterAll
    static void disconnect() {
        kafka.close();
    }

    /** The e-mail address {@link #newCustomer} gives a customer. */
    protected static String emailOf(String customerId) {
        return customerId.toLowerCase() + "@example.com";
    }

    /**
     * A new customer on customers.v1 with the e-mail address {@link #emailOf} and the phone, if any (every marketing
     * consent given); returns their id.
     */
    protected static String newCustomer(String phone, String language, String timeZone) {
        return newCustomer(phone, language, timeZone, true);
    }

    /** As above, choosing the marketing consent for SMS. */
    protected static String newCustomer(String phone, String language, String timeZone, boolean smsConsent) {
        String customer = "CUST-" + UUID.randomUUID();
        TestEvents.customer(kafka, customer, emailOf(customer), phone, language, timeZone, smsConsent);
        return customer;
    }

    /** A new order of the customer's, placed a minute ago to this postcode (the contract's example); returns its id. */
    protected static String placedOrder(String customer, String postcode) {
        return placedOrder(customer, postcode, UUID.randomUUID().toString());
    }

    /** As {@link #placedOrder(String, String)}, with the event id given. */
    protected static String placedOrder(String customer, String postcode, String eventId) {
        String order = "ORD-" + UUID.randomUUID();
        try (var in = NotificationTestSupport.class.getResourceAsStream("/examples/orders.lifecycle.v1/ORDER_PLACED.json")) {
            ObjectNode data = (ObjectNode) EventJson.readTree(new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8));
            data.put("eventId", eventId).put("orderId", order).put("occurredAt", Instant.now().minusSeconds(60).toString());
            ((ObjectNode) data.get("placed")).put("customerId", customer).put("shippingPostcode", postcode);
            TestEvents.send(kafka, EventType.ORDER_PLACED, eventId, order, data.toString());
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
        return order;
    }

    /** The customer's deliveries as an agent sees them (up to 200). */
    static List<Map<String, Object>> deliveries(String customerId) {
        return given().header("Authorization", Tokens.bearer(Tokens.agent("agent-1")))
                .queryParam("size", 200).get("/api/v1/customers/" + customerId + "/notifications")
                .then().statusCode(200).extract().jsonPath().getList("items");
    }

    /** Seven random digits, to make a phone number no other test uses. */
    protected static String digits() {
        return String.valueOf(1_000_000 + (long) (Math.random() * 8_999_999));
    }
}
