package io.postventa.ticket;

import static io.restassured.RestAssured.given;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

import io.postventa.events.EventJson;
import io.postventa.events.EventType;
import io.postventa.events.Topics;
import io.postventa.events.common.OrderLine;
import io.postventa.events.common.OrderStatus;
import io.postventa.events.common.SalesChannel;
import io.postventa.events.orderstatus.OrderStatusChanged;
import io.postventa.testing.KafkaTestClient;
import io.postventa.testing.Tokens;
import io.postventa.testing.TopicRecorder;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;

/** Shared helpers: send contract events over the real broker, post contacts, watch contacts.v1. */
public abstract class TicketTestSupport {
    protected static KafkaTestClient kafka;
    protected static TopicRecorder contacts;

    @BeforeAll
    static void connect() {
        kafka = KafkaTestClient.create();
        contacts = kafka.record(Topics.CONTACTS);
    }

    @AfterAll
    static void disconnect() {
        contacts.close();
        kafka.close();
    }

    protected static String id(String prefix) {
        return prefix + "-" + UUID.randomUUID();
    }

    /** Sends {@code payload} as a CloudEvent in binary mode, keyed by {@code key}. */
    protected static void send(EventType type, String key, Object payload) {
        kafka.sendEvent(type, key, UUID.randomUUID().toString(), EventJson.toJson(payload), Instant.now());
    }

    protected static OrderStatusChanged order(String orderId, String customerId, OrderStatus status, String total,
            int purchaseNumber, String product) {
        return new OrderStatusChanged(orderId, customerId, Instant.now(), null, status, UUID.randomUUID().toString(),
                purchaseNumber, "es-ES", SalesChannel.WEB, "EUR", new BigDecimal(total),
                List.of(new OrderLine("SKU-" + product.hashCode(), product, "home", new BigDecimal(total), 1)),
                Instant.now().minus(Duration.ofDays(2)), LocalDate.of(2026, 12, 10), "SEUR", "SEU123",
                "https://tracking.example/" + orderId,
                status == OrderStatus.DELIVERED ? Instant.now() : null,
                status == OrderStatus.EXCEPTION || status == OrderStatus.DELIVERY_FAILED ? "DAMAGED_IN_TRANSIT" : null);
    }

    /** Waits until the service knows the order (through the agent's customer search). */
    protected static void awaitOrderKnown(String orderId, String status) {
        org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(90)).untilAsserted(() -> given()
                .header("Authorization", Tokens.bearer(Tokens.agent("agent-probe")))
                .contentType("application/json").body(java.util.Map.of("q", orderId)).post("/api/v1/customers/search").then().statusCode(200)
                .body("customers[0].orders.find { it.orderId == '" + orderId + "' }.status",
                        org.hamcrest.Matchers.equalTo(status)));
    }

    protected static ValidatableResponse postContact(String token, Map<String, Object> body) {
        return given().header("Authorization", Tokens.bearer(token)).contentType(ContentType.JSON).body(body)
                .post("/api/v1/contacts").then();
    }

    /** Waits for the events of one ticket on contacts.v1 with the given CloudEvents type. */
    protected static List<ConsumerRecord<String, String>> awaitEvents(String ticketId, EventType type, int count) {
        return contacts.await(r -> ticketId.equals(r.key()) && type.ceType().equals(TopicRecorder.header(r, "ce_type")),
                count, Duration.ofSeconds(90));
    }

    protected static long countEvents(String ticketId, EventType type) {
        return contacts.records().stream()
                .filter(r -> ticketId.equals(r.key()) && type.ceType().equals(TopicRecorder.header(r, "ce_type")))
                .count();
    }

    protected static String agent() {
        return Tokens.agent(id("agent"));
    }
}
