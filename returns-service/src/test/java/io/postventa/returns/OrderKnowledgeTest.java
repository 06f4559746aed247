package io.postventa.returns;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.node.ObjectNode;

import io.postventa.testing.KafkaTestClient;
import io.postventa.testing.PostventaTestResource;
import io.postventa.testing.Tokens;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
@QuarkusTestResource(value = PostventaTestResource.class,
        initArgs = @ResourceArg(name = "database", value = "returns"))
class OrderKnowledgeTest {
    private static KafkaTestClient kafka;

    @BeforeAll
    static void connect() {
        kafka = KafkaTestClient.create();
    }

    @AfterAll
    static void close() {
        kafka.close();
    }

    private static String id(String prefix) {
        return prefix + "-" + UUID.randomUUID();
    }

    @Test
    void deliveredOrdersFromOrderStatusBuildTheCustomersHistory() {
        String customer = id("CUST");
        Instant delivered = Instant.now().minus(2, ChronoUnit.DAYS).truncatedTo(ChronoUnit.SECONDS);
        String first = id("ORD");
        String second = id("ORD");
        OrderEvents.send(kafka, OrderEvents.delivered(first, customer, 1, delivered.minus(40, ChronoUnit.DAYS)));
        OrderEvents.send(kafka, OrderEvents.delivered(second, customer, 2, delivered));

        Awaitility.await().atMost(Duration.ofSeconds(90)).untilAsserted(() -> given()
                .header("Authorization", Tokens.bearer(Tokens.customer(customer)))
                .when().get("/api/v1/customers/{c}/return-history", customer)
                .then().statusCode(200)
                .body("purchaseCount", equalTo(2))
                .body("orders", hasSize(2))
                .body("orders[1].orderId", equalTo(second))
                .body("orders[1].status", equalTo("DELIVERED"))
                .body("orders[1].deliveredAt", equalTo(delivered.toString()))
                .body("returnsLast12Months", equalTo(0)));
    }

    @Test
    void aLateEventDoesNotMoveTheStatusBack() {
        String customer = id("CUST");
        String order = id("ORD");
        Instant delivered = Instant.now().minus(1, ChronoUnit.DAYS).truncatedTo(ChronoUnit.SECONDS);
        OrderEvents.send(kafka, OrderEvents.delivered(order, customer, 1, delivered));
        ObjectNode late = OrderEvents.delivered(order, customer, 1, delivered);
        late.put("occurredAt", delivered.minus(1, ChronoUnit.DAYS).toString());
        late.put("newStatus", "IN_TRANSIT");
        late.put("previousStatus", "SHIPPED");
        late.remove("deliveredAt");
        OrderEvents.send(kafka, late);
        String marker = id("ORD");
        OrderEvents.send(kafka, OrderEvents.delivered(marker, customer, 2, delivered));

        Awaitility.await().atMost(Duration.ofSeconds(90)).untilAsserted(() -> given()
                .header("Authorization", Tokens.bearer(Tokens.agent("agent-1")))
                .when().get("/api/v1/customers/{c}/return-history", customer)
                .then().statusCode(200)
                .body("orders", hasSize(2))
                .body("orders.find { it.orderId == '" + order + "' }.status", equalTo("DELIVERED")));
    }

    @Test
    void aMalformedOrderStatusEventGoesToTheDeadLetterTopic() {
        try (io.postventa.testing.TopicRecorder dlq = kafka.record(io.postventa.events.Topics.dlq(
                io.postventa.events.Topics.ORDER_STATUS))) {
            String order = id("ORD");
            kafka.send(io.postventa.events.Topics.ORDER_STATUS, order, "{not json", java.util.Map.of("ce_id", order,
                    "ce_type", io.postventa.events.EventType.ORDER_STATUS_CHANGED.ceType(), "ce_specversion", "1.0", "ce_source", "/test"));
            var dead = dlq.await(r -> order.equals(r.key()), 1, Duration.ofSeconds(90)).get(0);
            org.junit.jupiter.api.Assertions.assertEquals("NOT_JSON",
                    io.postventa.testing.TopicRecorder.header(dead, "dead-letter-reason-code"));
        }
    }

    @Test
    void anotherCustomersHistoryIsNotFound() {
        given().header("Authorization", Tokens.bearer(Tokens.customer(id("CUST"))))
                .when().get("/api/v1/customers/{c}/return-history", id("CUST"))
                .then().statusCode(404).contentType("application/problem+json");
    }

    @Test
    void aPlatformTokenMayNotReadHistories() {
        given().header("Authorization", Tokens.bearer(Tokens.platform("shop")))
                .when().get("/api/v1/customers/{c}/return-history", id("CUST"))
                .then().statusCode(403);
    }
}
