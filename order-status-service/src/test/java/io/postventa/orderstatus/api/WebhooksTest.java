package io.postventa.orderstatus.api;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.node.ObjectNode;

import io.postventa.events.EventJson;
import io.postventa.events.EventType;
import io.postventa.events.Topics;
import io.postventa.events.common.OrderStatus;
import io.postventa.orderstatus.Lifecycle;
import io.postventa.orderstatus.service.WebhookSignature;
import io.postventa.testing.KafkaTestClient;
import io.postventa.testing.PostventaTestResource;
import io.postventa.testing.Tokens;
import io.postventa.testing.TopicRecorder;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.specification.RequestSpecification;

/** The HTTP ingestion edge: validated, signed, written to the same topics platforms write to. */
@QuarkusTest
@QuarkusTestResource(value = PostventaTestResource.class, initArgs = @ResourceArg(name = "database", value = "order_status"))
class WebhooksTest {
    private static final Duration WAIT = Duration.ofSeconds(60);
    private static final String SECRET = "test-shared-secret";
    private static KafkaTestClient kafka;
    private static TopicRecorder statuses;
    private static TopicRecorder customers;

    @BeforeAll
    static void record() {
        kafka = KafkaTestClient.create();
        statuses = kafka.record(Topics.ORDER_STATUS);
        customers = kafka.record(Topics.CUSTOMERS);
    }

    @AfterAll
    static void close() {
        kafka.close();
    }

    private static RequestSpecification as(String platformId) {
        return given().header("Authorization", Tokens.bearer(Tokens.platform(platformId))).contentType("application/json");
    }

    private static Instant earlier() {
        return Instant.now().minus(2, ChronoUnit.DAYS).truncatedTo(ChronoUnit.SECONDS);
    }

    @Test
    void anOrderEventPostedByAPlatformIsTrackedAndARetryIsAcceptedOnce() {
        String orderId = "ORD-" + UUID.randomUUID();
        String body = Lifecycle.placed(orderId, "CUST-" + UUID.randomUUID(), earlier()).toString();
        as("open-shop").body(body).post("/api/v1/order-events")
                .then().statusCode(202).body("outcome", equalTo("accepted")).body("key", equalTo(orderId));
        as("open-shop").body(body).post("/api/v1/order-events")
                .then().statusCode(200).body("outcome", equalTo("duplicate"));

        statuses.await(r -> Lifecycle.isChange(r, orderId), 1, WAIT);
        String paid = Lifecycle.event(EventType.ORDER_PAID, orderId, earlier().plusSeconds(60)).toString();
        as("open-shop").body(paid).post("/api/v1/order-events").then().statusCode(202);
        statuses.await(r -> Lifecycle.isChange(r, orderId), 2, WAIT);
        List<OrderStatus> sequence = Lifecycle.changes(statuses, orderId).stream().map(c -> c.newStatus()).toList();
        assertEquals(List.of(OrderStatus.PLACED, OrderStatus.PAID), sequence, "the retried placement is applied once");
    }

    @Test
    void aPlatformWithASecretMustSignEveryBodyWithTheTimeItIsSent() {
        String orderId = "ORD-" + UUID.randomUUID();
        byte[] body = Lifecycle.placed(orderId, "CUST-1", earlier()).toString().getBytes(StandardCharsets.UTF_8);
        long now = Instant.now().getEpochSecond();
        signed(now, WebhookSignature.sign("not-the-secret", now, body)).body(body).post("/api/v1/order-events")
                .then().statusCode(401).contentType("application/problem+json")
                .body("errors.field", hasItem(WebhookSignature.HEADER));
        as("signed-shop").body(body).post("/api/v1/order-events")
                .then().statusCode(401).body("errors[0].field", equalTo(WebhookSignature.TIMESTAMP_HEADER))
                .body("errors[0].message", equalTo("is required"));
        as("signed-shop").header(WebhookSignature.TIMESTAMP_HEADER, String.valueOf(now)).body(body)
                .post("/api/v1/order-events")
                .then().statusCode(401).body("errors[0].field", equalTo(WebhookSignature.HEADER))
                .body("errors[0].message", equalTo("is required"));
        // a call captured an hour ago and replayed now, with its valid signature, is refused
        long anHourAgo = now - 3600;
        signed(anHourAgo, WebhookSignature.sign(SECRET, anHourAgo, body)).body(body).post("/api/v1/order-events")
                .then().statusCode(401).body("errors[0].field", equalTo(WebhookSignature.TIMESTAMP_HEADER));
        // the signature covers the timestamp: moving it forward breaks the signature
        signed(now, WebhookSignature.sign(SECRET, anHourAgo, body)).body(body).post("/api/v1/order-events")
                .then().statusCode(401).body("errors[0].field", equalTo(WebhookSignature.HEADER));
        signed(now, WebhookSignature.sign(SECRET, now, body)).body(body).post("/api/v1/order-events")
                .then().statusCode(202);
        statuses.await(r -> Lifecycle.isChange(r, orderId), 1, WAIT);
    }

    @Test
    void aSignedCallSentAgainIsRefusedAsAReplayAndItsSignatureIsKeptInTheDatabaseUntilItExpires() throws Exception {
        String orderId = "ORD-" + UUID.randomUUID();
        byte[] body = Lifecycle.placed(orderId, "CUST-1", earlier()).toString().getBytes(StandardCharsets.UTF_8);
        long now = Instant.now().getEpochSecond();
        String signature = WebhookSignature.sign(SECRET, now, body);
        signed(now, signature).body(body).post("/api/v1/order-events").then().statusCode(202);
        // the same captured call a second later, well inside the 5 min tolerance: refused, not "duplicate"
        signed(now, signature).body(body).post("/api/v1/order-events")
                .then().statusCode(409).contentType("application/problem+json")
                .body("errors[0].field", equalTo(WebhookSignature.HEADER))
                .body("errors[0].message", equalTo("was already used"));
        // the platform's own retry signs again with the time it is sent: accepted as a retry of the same event
        signed(now + 1, WebhookSignature.sign(SECRET, now + 1, body)).body(body).post("/api/v1/order-events")
                .then().statusCode(200).body("outcome", equalTo("duplicate"));
        // remembered in PostgreSQL, not in memory: a restart within the tolerance still refuses the replay
        try (var c = dataSource.getConnection();
             var q = c.prepareStatement("select extract(epoch from expires_at)::bigint from webhook_signature where signature = ?")) {
            q.setString(1, signature);
            try (var rows = q.executeQuery()) {
                org.junit.jupiter.api.Assertions.assertTrue(rows.next(), "the accepted signature is stored");
                assertEquals(now + 300, rows.getLong(1), "kept until its timestamp leaves the 5 min tolerance");
            }
        }
        statuses.await(r -> Lifecycle.isChange(r, orderId), 1, WAIT);
    }

    @jakarta.inject.Inject
    javax.sql.DataSource dataSource;

    private static RequestSpecification signed(long timestamp, String signature) {
        return as("signed-shop").header(WebhookSignature.TIMESTAMP_HEADER, String.valueOf(timestamp))
                .header(WebhookSignature.HEADER, signature);
    }

    @Test
    void badOrderEventsAreRefusedNamingEachField() {
        String orderId = "ORD-" + UUID.randomUUID();
        ObjectNode broken = Lifecycle.placed(orderId, "CUST-1", earlier());
        ((ObjectNode) broken.get("placed").get("lines").get(0)).put("quantity", -2);
        ((ObjectNode) broken.get("placed")).remove("currency");
        as("open-shop").body(broken.toString()).post("/api/v1/order-events")
                .then().statusCode(400).contentType("application/problem+json")
                .body("errors.field", hasItems("placed.lines[0].quantity", "placed.currency"));

        ObjectNode unknown = Lifecycle.event(EventType.ORDER_PAID, orderId, earlier());
        unknown.put("eventType", "ORDER_TELEPORTED");
        as("open-shop").body(unknown.toString()).post("/api/v1/order-events")
                .then().statusCode(400).body("errors[0].field", equalTo("eventType"));
        as("open-shop").body("{not json").post("/api/v1/order-events")
                .then().statusCode(400).body("errors[0].field", equalTo("body"));

        ObjectNode promiseBeforePlacement = Lifecycle.placed(orderId, "CUST-1", earlier(),
                java.time.LocalDate.now().minusDays(10));
        as("open-shop").body(promiseBeforePlacement.toString()).post("/api/v1/order-events")
                .then().statusCode(400).body("errors[0].field", equalTo("placed.promisedDeliveryDate"));
    }

    @Test
    void aDeliveryBeforeTheOrderWasPlacedIsRefused() {
        String orderId = "ORD-" + UUID.randomUUID();
        Instant placedAt = earlier();
        as("open-shop").body(Lifecycle.placed(orderId, "CUST-1", placedAt).toString()).post("/api/v1/order-events")
                .then().statusCode(202);
        statuses.await(r -> Lifecycle.isChange(r, orderId), 1, WAIT);
        as("open-shop").body(Lifecycle.event(EventType.SHIPMENT_DELIVERED, orderId, placedAt.minus(1, ChronoUnit.DAYS)).toString())
                .post("/api/v1/order-events")
                .then().statusCode(400).body("errors[0].field", equalTo("occurredAt"));
    }

    @Test
    void onlyPlatformsMayPostEvents() {
        String body = Lifecycle.placed("ORD-" + UUID.randomUUID(), "CUST-1", earlier()).toString();
        given().header("Authorization", Tokens.bearer(Tokens.customer("CUST-1"))).contentType("application/json").body(body)
                .post("/api/v1/order-events").then().statusCode(403);
        given().contentType("application/json").body(body).post("/api/v1/order-events").then().statusCode(401);
        given().header("Authorization", Tokens.bearer(Tokens.agent("A-1"))).contentType("application/json").body("{}")
                .post("/api/v1/customer-events").then().statusCode(403);
    }

    @Test
    void aCustomerRecordIsWrittenToCustomersAndAnErasureBecomesATombstone() {
        String customerId = "CUST-" + UUID.randomUUID();
        ObjectNode customer = (ObjectNode) EventJson.readTree(readExample());
        customer.put("customerId", customerId);
        customer.put("eventId", UUID.randomUUID().toString());
        as("open-shop").body(customer.toString()).post("/api/v1/customer-events")
                .then().statusCode(202).body("outcome", equalTo("accepted"));
        ConsumerRecord<String, String> upsert = customers.await(r -> customerId.equals(r.key()), 1, WAIT).get(0);
        assertEquals(EventType.CUSTOMER_UPSERTED.ceType(), TopicRecorder.header(upsert, "ce_type"));
        assertEquals("es", EventJson.readTree(upsert.value()).get("language").asText());

        as("open-shop").body("{\"customerId\":\"" + customerId + "\",\"erase\":true}").post("/api/v1/customer-events")
                .then().statusCode(202).body("outcome", equalTo("erased"));
        ConsumerRecord<String, String> tombstone = customers.await(r -> customerId.equals(r.key()), 2, WAIT).get(1);
        assertNull(tombstone.value(), "an erasure is a tombstone: the customer id as key and no value");
        assertEquals("postventa.customer.erased.v1", TopicRecorder.header(tombstone, "ce_type"));
    }

    @Test
    void badCustomerRecordsAreRefusedNamingEachField() {
        ObjectNode customer = (ObjectNode) EventJson.readTree(readExample());
        customer.remove("customerId");
        customer.put("phone", "not a phone");
        as("open-shop").body(customer.toString()).post("/api/v1/customer-events")
                .then().statusCode(400).contentType("application/problem+json")
                .body("errors.field", hasItems("customerId", "phone"));
        as("open-shop").body("{\"erase\":true}").post("/api/v1/customer-events")
                .then().statusCode(400).body("errors[0].field", equalTo("customerId"));
    }

    private static String readExample() {
        try (var in = WebhooksTest.class.getClassLoader().getResourceAsStream(EventType.CUSTOMER_UPSERTED.examplePath())) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
