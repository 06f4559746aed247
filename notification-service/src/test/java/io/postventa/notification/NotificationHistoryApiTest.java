package io.postventa.notification;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;

import java.time.Duration;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import io.postventa.events.Topics;
import io.postventa.notification.support.TestEvents;
import io.postventa.testing.KafkaTestClient;
import io.postventa.testing.PostventaTestResource;
import io.postventa.testing.ProviderStubResource;
import io.postventa.testing.Tokens;
import io.postventa.testing.TopicRecorder;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
@QuarkusTestResource(value = PostventaTestResource.class,
        initArgs = @ResourceArg(name = "database", value = "notifications"))
@QuarkusTestResource(ProviderStubResource.class)
class NotificationHistoryApiTest {

    @Test
    void agentsSeeACustomersAndAnOrdersMessagesAndPartnerAgentsSeeContactDataMasked() {
        String customer = "CUST-" + UUID.randomUUID();
        String email = "lucia." + UUID.randomUUID() + "@example.com";
        String order = "ORD-" + UUID.randomUUID();
        try (KafkaTestClient kafka = KafkaTestClient.create()) {
            TestEvents.customer(kafka, customer, email, "+34600111222", "es", "Europe/Madrid");
            TestEvents.statusChanged(kafka, UUID.randomUUID().toString(), order, customer, "OUT_FOR_DELIVERY", 1, "es-ES");
        }
        await().atMost(Duration.ofSeconds(90)).until(() -> given()
                .header("Authorization", Tokens.bearer(Tokens.agent("agent-1")))
                .get("/api/v1/orders/" + order + "/notifications").then().extract().<Integer>path("total") == 1);
        given().header("Authorization", Tokens.bearer(Tokens.agent("agent-1")))
                .get("/api/v1/customers/" + customer + "/notifications").then().statusCode(200)
                .body("items[0].recipient", equalTo(email)).body("items[0].orderId", equalTo(order))
                .body("items[0].locale", equalTo("es"));
        given().header("Authorization", Tokens.bearer(Tokens.partnerAgent("partner-1", "team-out")))
                .get("/api/v1/customers/" + customer + "/notifications").then().statusCode(200)
                .body("items[0].recipient", startsWith("l***@")).body("items[0].body", nullValue());
    }

    @Test
    void customersCannotReadTheAgentViewAndBadPagingIsA400() {
        given().header("Authorization", Tokens.bearer(Tokens.customer("CUST-1")))
                .get("/api/v1/customers/CUST-1/notifications").then().statusCode(403);
        given().header("Authorization", Tokens.bearer(Tokens.customer("CUST-1")))
                .get("/api/v1/orders/ORD-1/notifications").then().statusCode(403);
        given().header("Authorization", Tokens.bearer(Tokens.agent("agent-1"))).queryParam("size", 0)
                .get("/api/v1/customers/CUST-1/notifications").then().statusCode(400)
                .body("errors[0].field", equalTo("size"));
    }

    @Test
    void aMalformedEventGoesToTheDeadLetterTopicWithTheReason() {
        try (KafkaTestClient kafka = KafkaTestClient.create(); TopicRecorder dlq = kafka.record(Topics.ORDER_STATUS + ".dlq")) {
            String key = "ORD-" + UUID.randomUUID();
            kafka.send(Topics.ORDER_STATUS, key, "{not json", java.util.Map.of("ce_id", UUID.randomUUID().toString(),
                    "ce_type", "postventa.order-status.changed.v1", "ce_specversion", "1.0", "ce_source", "/test"));
            var got = dlq.await(r -> key.equals(r.key()), 1, Duration.ofSeconds(90)).get(0);
            org.junit.jupiter.api.Assertions.assertEquals("NOT_JSON", TopicRecorder.header(got, "dead-letter-reason-code"));
        }
    }
}
