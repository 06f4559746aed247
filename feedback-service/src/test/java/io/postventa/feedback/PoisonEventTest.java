package io.postventa.feedback;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

import io.postventa.events.EventType;
import io.postventa.events.Topics;
import io.postventa.testing.KafkaTestClient;
import io.postventa.testing.PostventaTestResource;
import io.postventa.testing.TopicRecorder;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;

/** Records the service cannot trust go to the topic's dead-letter topic with the reason; the partition goes on. */
@QuarkusTest
@QuarkusTestResource(value = PostventaTestResource.class,
        initArgs = @ResourceArg(name = "database", value = "feedback"))
class PoisonEventTest extends FeedbackTestSupport {

    @Test
    void malformedEventsOnEveryConsumedTopicGoToItsDeadLetterTopic() {
        List<String> topics = List.of(Topics.ORDER_STATUS, Topics.RETURN_REQUESTS, Topics.RETURN_DECISIONS, Topics.CONTACTS,
                Topics.NOTIFICATIONS, Topics.CUSTOMERS);
        try (TopicRecorder dlq = kafka.record(topics.stream().map(Topics::dlq).toArray(String[]::new))) {
            for (String topic : topics) {
                String key = id("POISON");
                kafka.send(topic, key, "{not json", KafkaTestClient.cloudEventHeaders(EventType.onTopic(topic).get(0), key,
                        key, Instant.now()));
                ConsumerRecord<String, String> dead = dlq.await(r -> key.equals(r.key()), 1, Duration.ofSeconds(90)).get(0);
                assertEquals(Topics.dlq(topic), dead.topic());
                assertEquals("NOT_JSON", TopicRecorder.header(dead, "dead-letter-reason-code"));
            }
            String order = id("ORD");
            kafka.send(Topics.ORDER_STATUS, order, "{\"orderId\":\"" + order + "\",\"newStatus\":\"DELIVERED\"}",
                    KafkaTestClient.cloudEventHeaders(EventType.ORDER_STATUS_CHANGED, order, id("EVT"), Instant.now()));
            ConsumerRecord<String, String> dead = dlq.await(r -> order.equals(r.key()), 1, Duration.ofSeconds(90)).get(0);
            assertEquals("SCHEMA_VIOLATION", TopicRecorder.header(dead, "dead-letter-reason-code"));
            assertTrue(TopicRecorder.header(dead, "dead-letter-reason").contains("customerId"),
                    "the reason names the missing field: " + TopicRecorder.header(dead, "dead-letter-reason"));
        }
        // the partitions go on: a valid delivery after the poison still schedules its survey
        deliveredOrder(Instant.now().minus(Duration.ofDays(8)), "SEUR");
    }
}
