package io.postventa.notification;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.util.Map;
import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;

import io.postventa.events.EventJson;
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
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;

/** After repeated provider failures the channel's circuit opens: later messages fail fast, the provider is spared. */
@QuarkusTest
@TestProfile(ProviderCircuitBreakerTest.SmallCircuit.class)
@QuarkusTestResource(value = PostventaTestResource.class,
        initArgs = @ResourceArg(name = "database", value = "notifications"))
@QuarkusTestResource(ProviderStubResource.class)
class ProviderCircuitBreakerTest {
    private static final String SMS = "io.postventa.notification.channel.ChannelGateway/sms";

    /** The SMS circuit opens once four calls in a row failed, and stays open for the test. */
    public static class SmallCircuit implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of(
                    SMS + "/CircuitBreaker/requestVolumeThreshold", "4",
                    SMS + "/CircuitBreaker/failureRatio", "1.0",
                    SMS + "/CircuitBreaker/delay", "600000",
                    "quarkus.fault-tolerance.\"" + SMS + "\".circuit-breaker.request-volume-threshold", "4",
                    "quarkus.fault-tolerance.\"" + SMS + "\".circuit-breaker.failure-ratio", "1.0",
                    "quarkus.fault-tolerance.\"" + SMS + "\".circuit-breaker.delay", "600000",
                    "postventa.notification.triggers.order-shipped", "SMS",
                    "postventa.notification.circuit-open-retry-after", "PT1S",
                    "postventa.notification.circuit-open-retry-for", "PT20S");
        }
    }

    @Test
    void aProviderThatKeepsFailingOpensTheCircuitAndLaterMessagesWaitForItThenFail() {
        String customer = "CUST-" + UUID.randomUUID();
        String phone = ProviderStubResource.UNAVAILABLE_PREFIX + (1_000_000 + System.nanoTime() % 8_999_999);
        try (KafkaTestClient kafka = KafkaTestClient.create(); TopicRecorder notifications = kafka.record(Topics.NOTIFICATIONS)) {
            TestEvents.customer(kafka, customer, null, phone, "es", "Europe/Madrid");
            String first = TestEvents.statusChanged(kafka, UUID.randomUUID().toString(), "ORD-" + UUID.randomUUID(),
                    customer, "SHIPPED", 1, "es-ES");
            JsonNode failed = failure(notifications, customer, first);
            assertEquals("HTTP_503", failed.get("errorCode").asText());
            assertEquals(4, failed.get("attempts").asInt());

            String secondOrder = "ORD-" + UUID.randomUUID();
            String second = TestEvents.statusChanged(kafka, UUID.randomUUID().toString(), secondOrder, customer, "SHIPPED",
                    1, "es-ES");
            // while the circuit is open the message waits for it instead of failing at once
            await().atMost(Duration.ofSeconds(90)).until(() -> "DEFERRED".equals(historyOf(secondOrder, "status"))
                    && "CIRCUIT_OPEN".equals(historyOf(secondOrder, "errorCode")));
            // it stays open for the whole test, so after circuit-open-retry-for (20 s here) the message fails
            JsonNode fast = failure(notifications, customer, second);
            assertEquals("CIRCUIT_OPEN", fast.get("errorCode").asText(), "given up only after waiting for the circuit");
            assertEquals(4, ProviderStubResource.stub().received("sms", phone).size(), "the provider saw no call while the circuit was open");
        }
    }

    private static String historyOf(String orderId, String field) {
        return given().header("Authorization", Tokens.bearer(Tokens.agent("AGT-" + UUID.randomUUID())))
                .get("/api/v1/orders/" + orderId + "/notifications").then().statusCode(200)
                .extract().path("items[0]." + field);
    }

    private static JsonNode failure(TopicRecorder notifications, String customer, String eventId) {
        ConsumerRecord<String, String> r = notifications.await(rec -> customer.equals(rec.key())
                && rec.value().contains(eventId)
                && "postventa.notification.failed.v1".equals(TopicRecorder.header(rec, "ce_type")), 1,
                Duration.ofSeconds(90)).get(0);
        return EventJson.readTree(r.value());
    }
}
