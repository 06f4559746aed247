package io.postventa.systemtests;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.node.ObjectNode;

import io.postventa.cli.DeadLetterTool;
import io.postventa.devstack.DeadLetters;
import io.postventa.devstack.PlatformService;
import io.postventa.events.CloudEventHeaders;
import io.postventa.events.DeadLetterHeaders;
import io.postventa.events.EventType;
import io.postventa.events.Topics;
import io.postventa.testing.KafkaTestClient;
import io.postventa.testing.TopicRecorder;

/**
 * Issue 32, dead letters re-driven: {@code ./postventa dlq} lists and shows what a consumer gave up on and replays it
 * to its topic with its event id. An order's "paid" event that order-status-service gave up on (its letter as the
 * consumer writes it) is applied once replayed; its "placed" event, applied before and dead-lettered as well (a
 * consumer that failed after another had applied it), is not applied again; replaying both a second time applies
 * nothing twice.
 */
class DeadLetterReplaySystemTest extends SystemTest {

    @Test
    void aReplayedDeadLetterIsAppliedOnceAndAReplayOfAnAppliedEventChangesNothing() throws Exception {
        Shop.Customer customer = Shop.Customer.fresh("es");
        shop.upsert(customer);
        Instant placedAt = Instant.now().minus(1, ChronoUnit.HOURS).truncatedTo(ChronoUnit.SECONDS);
        ConsumerRecord<String, String> placedRecord;
        try (TopicRecorder lifecycle = kafka.record(Topics.ORDERS_LIFECYCLE)) {
            Shop.Order placedOrder = shop.order(customer.id()).placed(placedAt);
            placedRecord = lifecycle.await(r -> placedOrder.id().equals(r.key()), 1, WAIT).get(0);
        }
        String orderId = placedRecord.key();
        await("the order is placed").atMost(WAIT).until(() -> timeline(orderId).size() == 1);
        String placedId = TopicRecorder.header(placedRecord, CloudEventHeaders.ID);

        // what the consumer wrote to the dead-letter topic: the record as it was, with the reason headers
        String consumer = "order-status-service.replay-test-" + UUID.randomUUID();
        String paidId = UUID.randomUUID().toString();
        String paid = paidEvent(orderId, paidId, placedAt.plusSeconds(60));
        deadLetter(orderId, paid, KafkaTestClient.cloudEventHeaders(EventType.ORDER_PAID, orderId, paidId,
                placedAt.plusSeconds(60)), consumer);
        Map<String, String> placedHeaders = new HashMap<>();
        placedRecord.headers().forEach(h -> placedHeaders.put(h.key(), new String(h.value(), StandardCharsets.UTF_8)));
        deadLetter(orderId, placedRecord.value(), placedHeaders, consumer);

        String bootstrap = platform.stack().kafkaBootstrapServers();
        try (DeadLetters dlq = new DeadLetters(bootstrap, Map.of())) {
            DeadLetters.Summary summary = dlq.summaries().stream()
                    .filter(s -> s.dlqTopic().equals(Topics.dlq(Topics.ORDERS_LIFECYCLE))).findFirst().orElseThrow();
            assertEquals(2L, summary.byConsumer().get(consumer), "list counts the consumer's two letters: " + summary);
            List<DeadLetters.Letter> letters = dlq.read(Topics.ORDERS_LIFECYCLE, l -> consumer.equals(l.consumerGroup()));
            assertEquals(List.of(paidId, placedId), letters.stream().map(DeadLetters.Letter::eventId).toList(),
                    "show gives the letters with their event ids");
            assertEquals("PROCESSING_FAILED: the test's consumer gave up", letters.get(0).reason());
        }
        String shown = tool("show", "--topic", Topics.ORDERS_LIFECYCLE, "--consumer", consumer,
                "--bootstrap-servers", bootstrap);
        assertTrue(shown.contains(paidId) && shown.contains("PROCESSING_FAILED"), "show prints id and reason: " + shown);

        String replayed = tool("replay", "--topic", Topics.ORDERS_LIFECYCLE, "--consumer", consumer,
                "--bootstrap-servers", bootstrap);
        assertTrue(replayed.contains("2 letters replayed"), replayed);
        await("the paid event is applied once replayed").atMost(WAIT)
                .until(() -> timeline(orderId).containsKey(paidId));

        // the same replay again, then a fresh event of the same order behind it (same key, same partition): once that
        // is applied, the second replay has been read
        tool("replay", "--topic", Topics.ORDERS_LIFECYCLE, "--consumer", consumer, "--bootstrap-servers", bootstrap);
        String shippedId = UUID.randomUUID().toString();
        kafka.sendEvent(EventType.ORDER_SHIPPED, orderId, shippedId,
                event(EventType.ORDER_SHIPPED, orderId, shippedId, placedAt.plusSeconds(120)), placedAt.plusSeconds(120));
        await("the later event is applied").atMost(WAIT).until(() -> timeline(orderId).containsKey(shippedId));
        Map<String, Integer> entries = timeline(orderId);
        assertEquals(1, entries.get(placedId), "the placed event, applied before, is not applied again: " + entries);
        assertEquals(1, entries.get(paidId), "the paid event, replayed twice, is applied once: " + entries);
        assertEquals(3, entries.size(), "placed, paid and shipped, nothing else: " + entries);
    }

    /** The order's timeline: event id to how many entries it has. */
    private static Map<String, Integer> timeline(String orderId) throws Exception {
        Map<String, Integer> out = new HashMap<>();
        try (Connection c = platform.connect(PlatformService.ORDER_STATUS);
             PreparedStatement s = c.prepareStatement("select event_id, count(*) from order_timeline_entry"
                     + " where order_id = ? group by event_id")) {
            s.setString(1, orderId);
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    out.put(rs.getString(1), rs.getInt(2));
                }
            }
        }
        return out;
    }

    /** The shop's example of {@code type} for this order, with this id and time. */
    private static String event(EventType type, String orderId, String eventId, Instant at) {
        ObjectNode node = Shop.example(type);
        node.put("eventId", eventId);
        node.put("orderId", orderId);
        node.put("occurredAt", at.toString());
        node.put("source", Shop.PLATFORM_ID);
        if (node.get("shipment") instanceof ObjectNode shipment) {
            shipment.remove("estimatedDeliveryDate");
        }
        return node.toString();
    }

    private static String paidEvent(String orderId, String eventId, Instant at) {
        return event(EventType.ORDER_PAID, orderId, eventId, at);
    }

    private static void deadLetter(String key, String value, Map<String, String> event, String consumer) {
        Map<String, String> headers = new HashMap<>(event);
        headers.put(DeadLetterHeaders.REASON, "PROCESSING_FAILED: the test's consumer gave up");
        headers.put(DeadLetterHeaders.REASON_CODE, "PROCESSING_FAILED");
        headers.put(DeadLetterHeaders.ORIGINAL_TOPIC, Topics.ORDERS_LIFECYCLE);
        headers.put(DeadLetterHeaders.CONSUMER_GROUP, consumer);
        headers.put(DeadLetterHeaders.FAILED_AT, Instant.now().toString());
        kafka.send(Topics.dlq(Topics.ORDERS_LIFECYCLE), key, value, headers);
    }

    /** Runs {@code ./postventa dlq ...} (its main class, in this JVM) and returns what it printed. */
    private static String tool(String... args) {
        PrintStream out = System.out;
        ByteArrayOutputStream printed = new ByteArrayOutputStream();
        try (PrintStream capture = new PrintStream(printed, true, StandardCharsets.UTF_8)) {
            System.setOut(capture);
            assertEquals(0, DeadLetterTool.run(args), "the tool succeeds");
        } finally {
            System.setOut(out);
        }
        String text = printed.toString(StandardCharsets.UTF_8);
        out.print(text);
        return text;
    }
}
