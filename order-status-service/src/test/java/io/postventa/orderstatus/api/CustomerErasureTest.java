package io.postventa.orderstatus.api;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Collections;
import java.util.List;
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
import io.restassured.path.json.JsonPath;

/** A customer erased on customers.v1 (through the platforms' own webhook) leaves no delivery area here. */
@QuarkusTest
@QuarkusTestResource(value = PostventaTestResource.class, initArgs = @ResourceArg(name = "database", value = "order_status"))
class CustomerErasureTest {
    private static final Duration WAIT = Duration.ofSeconds(60);
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
    void anErasedCustomersOrdersKeepTheirFactsButNotWhereTheyGo() {
        String erased = "CUST-" + UUID.randomUUID();
        String other = "CUST-" + UUID.randomUUID();
        String order = "ORD-" + UUID.randomUUID();
        String othersOrder = "ORD-" + UUID.randomUUID();
        Instant placedAt = Instant.now().minus(1, ChronoUnit.DAYS).truncatedTo(ChronoUnit.SECONDS);
        send(EventType.ORDER_PLACED, Lifecycle.placed(order, erased, placedAt));
        send(EventType.ORDER_ADDRESS_CHANGED, Lifecycle.event(EventType.ORDER_ADDRESS_CHANGED, order, placedAt.plusSeconds(600)));
        send(EventType.ORDER_PLACED, Lifecycle.placed(othersOrder, other, placedAt));
        Awaitility.await().atMost(WAIT).until(() -> timelineSize(order) == 2 && timelineSize(othersOrder) == 1);
        JsonPath before = order(order);
        assertEquals("Alicante", before.getString("shippingCity"));
        assertTrue(addressDetails(before).get(0).contains("03001"));

        given().header("Authorization", Tokens.bearer(Tokens.platform("open-shop"))).contentType("application/json")
                .body("{\"customerId\":\"" + erased + "\",\"erase\":true}").post("/api/v1/customer-events")
                .then().statusCode(202).body("outcome", equalTo("erased"));

        Awaitility.await().atMost(WAIT).until(() -> order(order).getString("shippingCity") == null);
        JsonPath after = order(order);
        assertNull(after.getString("shippingPostcode"));
        assertEquals(Collections.singletonList(null), addressDetails(after),
                "the address change stays in the timeline without the area");
        assertEquals(before.getString("status"), after.getString("status"));
        assertEquals(2, after.getList("timeline").size());
        JsonPath untouched = order(othersOrder);
        assertEquals("Valencia", untouched.getString("shippingCity"));
        assertEquals("46001", untouched.getString("shippingPostcode"));
    }

    private static List<String> addressDetails(JsonPath order) {
        return order.getList("timeline.findAll { it.eventType == 'ORDER_ADDRESS_CHANGED' }.detail");
    }

    private static int timelineSize(String orderId) {
        var response = given().header("Authorization", Tokens.bearer(Tokens.agent("agent-1")))
                .get("/api/v1/orders/" + orderId);
        return response.statusCode() == 200 ? response.jsonPath().getList("timeline").size() : 0;
    }

    private static JsonPath order(String orderId) {
        return given().header("Authorization", Tokens.bearer(Tokens.agent("agent-1"))).get("/api/v1/orders/" + orderId)
                .then().statusCode(200).extract().jsonPath();
    }

    private static void send(EventType type, ObjectNode event) {
        kafka.send(Topics.ORDERS_LIFECYCLE, event.get("orderId").asText(), event.toString(), Lifecycle.binaryHeaders(type, event));
    }
}
