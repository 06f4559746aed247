package io.postventa.messaging.outbox;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

import io.postventa.events.EventJson;
import io.postventa.testing.KafkaTestClient;
import io.postventa.testing.TopicRecorder;

class OutboxRelayTest {

    @Test
    void aCommittedEventReachesItsTopicWithKeyAndCloudEventsHeadersAndARolledBackOneNever() throws Exception {
        OutboxDatabase db = OutboxDatabase.create();
        String topic = "outbox.test." + db.name;
        String orderId = "o-" + UUID.randomUUID();
        OutboxMessage first = message(topic, orderId, "{\"orderId\":\"" + orderId + "\",\"n\":1}");
        OutboxMessage rolledBack = message(topic, orderId, "{\"orderId\":\"" + orderId + "\",\"n\":2}");
        OutboxMessage third = message(topic, orderId, "{\"orderId\":\"" + orderId + "\",\"n\":3}");

        try (KafkaTestClient kafka = KafkaTestClient.create();
             TopicRecorder recorder = kafka.record(topic);
             OutboxRelay relay = new OutboxRelay(db.relaySettings("order-status-service")).start()) {
            db.write(List.of(first), true);
            db.write(List.of(rolledBack), false);
            db.write(List.of(third), true);

            recorder.await(r -> third.id().toString().equals(TopicRecorder.header(r, "ce_id")), 1, Duration.ofSeconds(60));
            List<ConsumerRecord<String, String>> got = recorder.withKey(orderId);
            assertEquals(List.of(first.id().toString(), third.id().toString()),
                    got.stream().map(r -> TopicRecorder.header(r, "ce_id")).collect(Collectors.toList()),
                    "only committed events, in commit order, on the aggregate's partition");

            ConsumerRecord<String, String> record = got.get(0);
            assertEquals(orderId, record.key());
            assertEquals(EventJson.readTree(first.payloadJson()), EventJson.readTree(record.value()));
            assertEquals("postventa.test.happened.v1", TopicRecorder.header(record, "ce_type"));
            assertEquals("/postventa/order-status-service", TopicRecorder.header(record, "ce_source"));
            assertEquals("1.0", TopicRecorder.header(record, "ce_specversion"));
            assertEquals(orderId, TopicRecorder.header(record, "ce_subject"));
            assertEquals("application/json", TopicRecorder.header(record, "content-type"));
            assertEquals(first.occurredAt(), Instant.parse(TopicRecorder.header(record, "ce_time")));
            assertTrue(relay.relayedCount() >= 2);
        }
        try (Connection c = db.connect(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("select count(*) from outbox_event")) {
            rs.next();
            assertEquals(0, rs.getLong(1), "relayed rows must not pile up in the outbox table");
        }
    }

    @Test
    void ofTwoRelaysOnOneDatabaseOnlyOnePublishesAndTheOtherTakesOverWithoutLoss() throws Exception {
        OutboxDatabase db = OutboxDatabase.create();
        String topic = "outbox.test." + db.name;
        try (KafkaTestClient kafka = KafkaTestClient.create();
             TopicRecorder recorder = kafka.record(topic);
             OutboxRelay a = new OutboxRelay(db.relaySettings("returns-service")).start();
             OutboxRelay b = new OutboxRelay(db.relaySettings("returns-service")).start()) {
            Awaitility.await().atMost(Duration.ofSeconds(30)).until(() ->
                    (a.role() == OutboxRelay.Role.LEADER && b.role() == OutboxRelay.Role.STANDBY)
                            || (b.role() == OutboxRelay.Role.LEADER && a.role() == OutboxRelay.Role.STANDBY));
            OutboxRelay leader = a.role() == OutboxRelay.Role.LEADER ? a : b;
            OutboxRelay standby = leader == a ? b : a;

            List<OutboxMessage> before = messages(topic, 300);
            db.write(before, true);
            recorder.await(r -> true, 300, Duration.ofSeconds(60));
            assertEquals(0, standby.relayedCount(), "the standby must not publish while the leader runs");

            leader.close();
            List<OutboxMessage> after = messages(topic, 300);
            db.write(after, true);
            Awaitility.await().atMost(Duration.ofSeconds(60)).until(() -> distinctIds(recorder).size() >= 600);
            assertEquals(OutboxRelay.Role.LEADER, standby.role());
            assertTrue(standby.relayedCount() >= 300, "the standby took over and relayed what came after");
            assertEquals(ids(before, after), distinctIds(recorder));
        }
    }

    @Test
    void aTombstoneAndAnEventRelayedOnBehalfOfAPlatformKeepTheirMeaning() throws Exception {
        OutboxDatabase db = OutboxDatabase.create();
        String topic = "outbox.test." + db.name;
        String customerId = "CUST-" + UUID.randomUUID();
        OutboxMessage upsert = new OutboxMessage("platform-evt-42", topic, "customer", customerId,
                "postventa.customer.upserted.v1", "{\"customerId\":\"" + customerId + "\"}",
                Instant.parse("2026-11-23T10:00:00Z"), "/platforms/shop-1");
        OutboxMessage erase = new OutboxMessage("platform-evt-43", topic, "customer", customerId,
                "postventa.customer.erased.v1", null, Instant.parse("2026-11-23T10:05:00Z"), "/platforms/shop-1");
        try (KafkaTestClient kafka = KafkaTestClient.create();
             TopicRecorder recorder = kafka.record(topic);
             OutboxRelay relay = new OutboxRelay(db.relaySettings("order-status-service")).start()) {
            db.write(List.of(upsert, erase), true);
            List<ConsumerRecord<String, String>> got = recorder.await(r -> customerId.equals(r.key()), 2, Duration.ofSeconds(60));
            assertEquals("platform-evt-42", TopicRecorder.header(got.get(0), "ce_id"), "the platform's event id is kept");
            assertEquals("/platforms/shop-1", TopicRecorder.header(got.get(0), "ce_source"));
            assertEquals(null, got.get(1).value(), "a null payload is a tombstone");
            assertEquals("platform-evt-43", TopicRecorder.header(got.get(1), "ce_id"));
        }
    }

    @Test
    void aRowsTraceContextBecomesTheRecordsTraceparentHeaderAndARowWithoutOneGetsNone() throws Exception {
        OutboxDatabase db = OutboxDatabase.create();
        String topic = "outbox.test." + db.name;
        String orderId = "o-" + UUID.randomUUID();
        String traceparent = "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01";
        OutboxMessage traced = new OutboxMessage(UUID.randomUUID().toString(), topic, "test", orderId,
                "postventa.test.happened.v1", "{\"n\":1}", Instant.parse("2026-12-07T10:00:00Z"), null, traceparent);
        OutboxMessage untraced = message(topic, orderId, "{\"n\":2}");
        try (KafkaTestClient kafka = KafkaTestClient.create();
             TopicRecorder recorder = kafka.record(topic);
             OutboxRelay relay = new OutboxRelay(db.relaySettings("order-status-service")).start()) {
            db.write(List.of(traced, untraced), true);
            List<ConsumerRecord<String, String>> got = recorder.await(r -> orderId.equals(r.key()), 2, Duration.ofSeconds(60));
            assertEquals(traceparent, TopicRecorder.header(got.get(0), "traceparent"),
                    "without a tracer of its own the relay passes the writer's context on unchanged");
            assertEquals(null, TopicRecorder.header(got.get(1), "traceparent"), "no trace context, no header");
        }
    }

    static OutboxMessage message(String topic, String aggregateId, String json) {
        return new OutboxMessage(UUID.randomUUID(), topic, "test", aggregateId, "postventa.test.happened.v1", json,
                Instant.parse("2026-11-23T10:15:30.123456Z"));
    }

    static List<OutboxMessage> messages(String topic, int count) {
        return java.util.stream.IntStream.range(0, count)
                .mapToObj(i -> message(topic, "agg-" + (i % 17), "{\"i\":" + i + ",\"pad\":\"" + "x".repeat(200) + "\"}"))
                .collect(Collectors.toList());
    }

    static java.util.Set<String> distinctIds(TopicRecorder recorder) {
        return recorder.records().stream().map(r -> TopicRecorder.header(r, "ce_id")).collect(Collectors.toSet());
    }

    @SafeVarargs
    static java.util.Set<String> ids(List<OutboxMessage>... lists) {
        return java.util.Arrays.stream(lists).flatMap(List::stream).map(m -> m.id().toString())
                .collect(Collectors.toSet());
    }


}
