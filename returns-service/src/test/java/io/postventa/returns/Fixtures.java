package io.postventa.returns;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.awaitility.Awaitility;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.postventa.testing.KafkaTestClient;
import io.postventa.testing.Tokens;
import io.restassured.http.ContentType;
import io.restassured.response.Response;

/** Orders and returns set up the way users make them: order events on the topic, requests through the API. */
public final class Fixtures {
    public static final Duration WAIT = Duration.ofSeconds(90);

    private Fixtures() {
    }

    public static String id(String prefix) {
        return prefix + "-" + UUID.randomUUID();
    }

    /** An order line: sku, category, unit price, quantity. */
    public record Line(String sku, String category, String unitPrice, int quantity) {
    }

    /** Publishes a delivered order on order-status.v1 and waits until the service knows it. */
    public static String deliveredOrder(KafkaTestClient kafka, String customer, int purchaseNumber, Instant deliveredAt,
            Line... lines) {
        String order = id("ORD");
        ObjectNode data = OrderEvents.delivered(order, customer, purchaseNumber, deliveredAt);
        ArrayNode array = data.putArray("lines");
        java.math.BigDecimal total = java.math.BigDecimal.ZERO;
        for (Line l : lines) {
            ObjectNode line = array.addObject();
            line.put("sku", l.sku());
            line.put("name", l.sku() + " name");
            line.put("category", l.category());
            line.put("unitPrice", new java.math.BigDecimal(l.unitPrice()));
            line.put("quantity", l.quantity());
            total = total.add(new java.math.BigDecimal(l.unitPrice()).multiply(java.math.BigDecimal.valueOf(l.quantity())));
        }
        data.put("total", total);
        OrderEvents.send(kafka, data);
        awaitKnown(customer, order);
        return order;
    }

    public static void awaitKnown(String customer, String order) {
        Awaitility.await().atMost(WAIT).untilAsserted(() -> given()
                .header("Authorization", Tokens.bearer(Tokens.customer(customer)))
                .when().get("/api/v1/orders/{o}/return-eligibility", order)
                .then().statusCode(200));
    }

    public static Map<String, Object> returnBody(String order, String sku, int quantity, String reason) {
        return Map.of("orderId", order, "preferredResolution", "REFUND", "comment", "test",
                "lines", List.of(Map.of("sku", sku, "quantity", quantity, "reason", reason)));
    }

    /** Posts a return request as the customer; returns the response. */
    public static Response requestReturn(String customer, Object body, String idempotencyKey) {
        var spec = given().header("Authorization", Tokens.bearer(Tokens.customer(customer))).contentType(ContentType.JSON);
        if (idempotencyKey != null) {
            spec = spec.header("Idempotency-Key", idempotencyKey);
        }
        return spec.body(body).when().post("/api/v1/returns");
    }

    /** Requests a return that the policy allows and returns its id. */
    public static String returnOf(String customer, String order, String sku, int quantity, String reason) {
        return requestReturn(customer, returnBody(order, sku, quantity, reason), id("key"))
                .then().statusCode(201).extract().path("returnId");
    }

    /** Waits until the return has this status, as its owner sees it. */
    public static Response awaitStatus(String customer, String returnId, String status) {
        Awaitility.await().atMost(WAIT).untilAsserted(() -> given()
                .header("Authorization", Tokens.bearer(Tokens.customer(customer)))
                .when().get("/api/v1/returns/{id}", returnId)
                .then().statusCode(200).body("status", equalTo(status)));
        return given().header("Authorization", Tokens.bearer(Tokens.customer(customer)))
                .when().get("/api/v1/returns/{id}", returnId);
    }
}
