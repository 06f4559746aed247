package io.postventa.orderstatus.api;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.node.ObjectNode;

import io.postventa.events.EventType;
import io.postventa.events.Topics;
import io.postventa.orderstatus.Lifecycle;
import io.postventa.testing.KafkaTestClient;
import io.postventa.testing.PostventaTestResource;
import io.postventa.testing.Tokens;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;

/** Where an order waits for collection and until when, as its customer's tracking page shows it. */
@QuarkusTest
@QuarkusTestResource(value = PostventaTestResource.class, initArgs = @ResourceArg(name = "database", value = "order_status"))
class PickupPointResourceTest {
    private static KafkaTestClient kafka;

    @BeforeAll
    static void connect() {
        kafka = KafkaTestClient.create();
    }

    @AfterAll
    static void close() {
        kafka.close();
    }

    @Test
    void theCustomerSeesThePickupPointAndItsDeadlineAndALateReportDoesNotReplaceIt() {
        String customer = "CUST-" + UUID.randomUUID();
        String order = "ORD-" + UUID.randomUUID();
        Instant placed = Instant.now().minus(3, ChronoUnit.DAYS).truncatedTo(ChronoUnit.SECONDS);
        Instant until = placed.plus(9, ChronoUnit.DAYS);
        send(EventType.ORDER_PLACED, Lifecycle.placed(order, customer, placed));
        send(EventType.ORDER_SHIPPED, Lifecycle.event(EventType.ORDER_SHIPPED, order, placed.plus(1, ChronoUnit.HOURS)));
        send(EventType.SHIPMENT_AVAILABLE_FOR_PICKUP, pickup(order, placed.plus(2, ChronoUnit.DAYS), "Kiosko Plaza Redonda", until));
        // a report that happened before it, arriving late, changes nothing
        send(EventType.SHIPMENT_AVAILABLE_FOR_PICKUP, pickup(order, placed.plus(1, ChronoUnit.DAYS), "Old point", until.minusSeconds(3600)));
        send(EventType.SHIPMENT_IN_TRANSIT, Lifecycle.event(EventType.SHIPMENT_IN_TRANSIT, order, placed.plus(3, ChronoUnit.DAYS)));
        Awaitility.await().atMost(Duration.ofSeconds(90)).untilAsserted(() -> given()
                .header("Authorization", Tokens.bearer(Tokens.agent("AGENT-1"))).get("/api/v1/orders/" + order)
                .then().statusCode(200).body("timeline.size()", equalTo(5)));

        given().header("Authorization", Tokens.bearer(Tokens.customer(customer)))
                .get("/api/v1/orders/{o}/pickup-point", order).then().statusCode(200)
                .body("pickupPointName", equalTo("Kiosko Plaza Redonda"))
                .body("availableUntil", equalTo(until.toString()));
        given().header("Authorization", Tokens.bearer(Tokens.customer("CUST-" + UUID.randomUUID())))
                .get("/api/v1/orders/{o}/pickup-point", order).then().statusCode(404);
        given().header("Authorization", Tokens.bearer(Tokens.platform("shop")))
                .get("/api/v1/orders/{o}/pickup-point", order).then().statusCode(403);
    }

    @Test
    void anOrderWithoutAPickupPointAnswers404() {
        String customer = "CUST-" + UUID.randomUUID();
        String order = "ORD-" + UUID.randomUUID();
        send(EventType.ORDER_PLACED, Lifecycle.placed(order, customer, Instant.now().minus(1, ChronoUnit.DAYS)));
        Awaitility.await().atMost(Duration.ofSeconds(90)).until(() -> given()
                .header("Authorization", Tokens.bearer(Tokens.customer(customer))).get("/api/v1/orders/" + order)
                .statusCode() == 200);
        given().header("Authorization", Tokens.bearer(Tokens.customer(customer)))
                .get("/api/v1/orders/{o}/pickup-point", order).then().statusCode(404);
    }

    private static ObjectNode pickup(String order, Instant at, String name, Instant until) {
        ObjectNode event = Lifecycle.event(EventType.SHIPMENT_AVAILABLE_FOR_PICKUP, order, at);
        ((ObjectNode) event.get("pickup")).put("pickupPointName", name).put("availableUntil", until.toString());
        return event;
    }

    private static void send(EventType type, ObjectNode event) {
        kafka.send(Topics.ORDERS_LIFECYCLE, event.get("orderId").asText(), event.toString(), Lifecycle.binaryHeaders(type, event));
    }
}
