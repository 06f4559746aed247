package io.postventa.notification;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.management.ManagementFactory;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import javax.management.MalformedObjectNameException;
import javax.management.ObjectName;

import org.junit.jupiter.api.Test;

import io.postventa.events.EventType;
import io.postventa.events.Topics;
import io.postventa.testing.PostventaTestResource;
import io.postventa.testing.TopicRecorder;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;

/**
 * The channels' dead-letter producers are created when a channel first dead-letters
 * ({@code dead-letter-queue.lazy-client}), not at start: the service starts with none, and a poison record still
 * lands on {@code <topic>.dlq} with its reason. The contacts channel is used because no other test of this module
 * dead-letters on it.
 */
@QuarkusTest
@QuarkusTestResource(value = PostventaTestResource.class, initArgs = @ResourceArg(name = "database", value = "notifications"))
class DeadLetterOnFirstUseTest extends NotificationTestSupport {

    /** The Kafka producers of this JVM that dead-letter for {@code channel} (Kafka registers each client's app-info). */
    private static List<String> deadLetterProducersOf(String channel) throws MalformedObjectNameException {
        return ManagementFactory.getPlatformMBeanServer()
                .queryNames(new ObjectName("kafka.producer:type=app-info,id=*"), null).stream()
                .map(name -> name.getKeyProperty("id"))
                .filter(id -> id.startsWith("kafka-dead-letter-topic-producer-") && id.endsWith("-" + channel))
                .toList();
    }

    @Test
    void aChannelCreatesItsDeadLetterProducerOnItsFirstDeadLetterAndThePoisonLandsOnTheDlq() throws Exception {
        assertTrue(deadLetterProducersOf("contacts").isEmpty(),
                "the contacts channel must not create its dead-letter producer before it dead-letters");
        String key = "TCK-" + UUID.randomUUID();
        try (TopicRecorder dlq = kafka.record(Topics.dlq(Topics.CONTACTS))) {
            kafka.send(Topics.CONTACTS, key, "{not json", Map.of("ce_id", UUID.randomUUID().toString(),
                    "ce_type", EventType.TICKET_CREATED.ceType(), "ce_specversion", "1.0", "ce_source", "/test"));
            var dead = dlq.await(r -> key.equals(r.key()), 1, WAIT).get(0);
            assertEquals("{not json", dead.value(), "the dead letter must keep the original value");
            assertEquals("NOT_JSON", TopicRecorder.header(dead, "dead-letter-reason-code"),
                    "the dead letter must say why it could not be read");
            assertEquals(Topics.CONTACTS, TopicRecorder.header(dead, "dead-letter-topic"));
        }
        assertFalse(deadLetterProducersOf("contacts").isEmpty(),
                "the first dead letter must have created the channel's producer");
    }
}
