package io.postventa.notification;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.util.Map;
import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

import io.postventa.events.EventJson;
import io.postventa.events.Topics;
import io.postventa.notification.support.ProviderServer;
import io.postventa.notification.support.TestEvents;
import io.postventa.testing.KafkaTestClient;
import io.postventa.testing.PostventaTestResource;
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
@QuarkusTestResource(ProviderServer.class)
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
                    "postventa.notification.triggers.order-shipped", "SMS");
        }
    }

    @Test
    void aProviderThatKeepsFailingOpensTheCircuitAndLaterMessagesFailFast() {
        String customer = "CUST-" + UUID.randomUUID();
        String phone = ProviderServer.BROKEN_PREFIX + (1_000_000 + System.nanoTime() % 8_999_999);
        try (KafkaTestClient kafka = KafkaTestClient.create(); TopicRecorder notifications = kafka.record(Topics.NOTIFICATIONS)) {
            TestEvents.customer(kafka, customer, null, phone, "es", "Europe/Madrid");
            String first = TestEvents.statusChanged(kafka, UUID.randomUUID().toString(), "ORD-" + UUID.randomUUID(),
                    customer, "SHIPPED", 1, "es-ES");
            JsonNode failed = failure(notifications, customer, first);
            assertEquals("HTTP_503", failed.get("errorCode").asText());
            assertEquals(4, failed.get("attempts").asInt());

            String second = TestEvents.statusChanged(kafka, UUID.randomUUID().toString(), "ORD-" + UUID.randomUUID(),
                    customer, "SHIPPED", 1, "es-ES");
            JsonNode fast = failure(notifications, customer, second);
            assertEquals("CIRCUIT_OPEN", fast.get("errorCode").asText(), "the open circuit fails the message at once");
            assertEquals(4, ProviderServer.received("/sms", phone).size(), "the provider saw no call while the circuit was open");
        }
    }

    private static JsonNode failure(TopicRecorder notifications, String customer, String eventId) {
        ConsumerRecord<String, String> r = notifications.await(rec -> customer.equals(rec.key())
                && rec.value().contains(eventId)
                && "postventa.notification.failed.v1".equals(TopicRecorder.header(rec, "ce_type")), 1,
                Duration.ofSeconds(90)).get(0);
        return EventJson.readTree(r.value());
    }
}
