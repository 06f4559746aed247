package io.postventa.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import javax.management.MalformedObjectNameException;
import javax.management.ObjectName;

import org.apache.kafka.clients.consumer.ConsumerRecord;

import io.postventa.events.EventType;
import io.postventa.events.Topics;

/**
 * Checks a service whose channels create their dead-letter producer on their first dead letter
 * ({@code dead-letter-queue.lazy-client}): none before, the poison on {@code <topic>.dlq} as sent and with its reason,
 * the producer after. Runs in the service's test JVM, where Kafka registers each client's app-info MBean.
 */
public final class LazyDeadLetters {
    private LazyDeadLetters() {
    }

    /** The Kafka producers of this JVM that dead-letter for {@code channel}. */
    public static List<String> producersOf(String channel) {
        try {
            return ManagementFactory.getPlatformMBeanServer()
                    .queryNames(new ObjectName("kafka.producer:type=app-info,id=*"), null).stream()
                    .map(name -> name.getKeyProperty("id"))
                    .filter(id -> id.startsWith("kafka-dead-letter-topic-producer-") && id.endsWith("-" + channel))
                    .toList();
        } catch (MalformedObjectNameException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * Sends a record that is not JSON, declared as {@code type}, under {@code key} to {@code topic}, which the service
     * reads on {@code channel}; asserts the channel had no dead-letter producer before, that the record lands on the
     * topic's dead-letter topic within {@code wait} as sent and with the reason code NOT_JSON, and that the producer
     * exists afterwards.
     */
    public static void assertMadeOnFirstDeadLetter(KafkaTestClient kafka, String channel, String topic, EventType type,
            String key, Duration wait) {
        assertTrue(producersOf(channel).isEmpty(),
                "the " + channel + " channel must not create its dead-letter producer before it dead-letters");
        try (TopicRecorder dlq = kafka.record(Topics.dlq(topic))) {
            kafka.send(topic, key, "{not json", Map.of("ce_id", UUID.randomUUID().toString(), "ce_type", type.ceType(),
                    "ce_specversion", "1.0", "ce_source", "/test"));
            ConsumerRecord<String, String> dead = dlq.await(r -> key.equals(r.key()), 1, wait).get(0);
            assertEquals("{not json", dead.value(), "the dead letter must keep the original value");
            assertEquals("NOT_JSON", TopicRecorder.header(dead, "dead-letter-reason-code"),
                    "the dead letter must say why it could not be read");
            assertEquals(topic, TopicRecorder.header(dead, "dead-letter-topic"));
        }
        assertFalse(producersOf(channel).isEmpty(), "the first dead letter must have created the channel's producer");
    }
}
