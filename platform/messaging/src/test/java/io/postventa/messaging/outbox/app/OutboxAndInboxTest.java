package io.postventa.messaging.outbox.app;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import javax.sql.DataSource;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.node.ObjectNode;

import io.micrometer.core.instrument.MeterRegistry;
import io.postventa.events.EventJson;
import io.postventa.events.EventType;
import io.postventa.events.Topics;
import io.postventa.messaging.outbox.Outbox;
import io.postventa.testing.DatabaseOutage;
import io.postventa.testing.KafkaTestClient;
import io.postventa.testing.PostventaTestResource;
import io.postventa.testing.TopicRecorder;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;

/** The backbone end to end inside one service: outbox → Debezium relay → Kafka → idempotent consumer → DLQ. */
@QuarkusTest
@QuarkusTestResource(value = PostventaTestResource.class, initArgs = @ResourceArg(name = "database", value = "platform_test"))
class OutboxAndInboxTest {
    private static final String CONSUMER = "outbox-test-service.order-status";
    private static KafkaTestClient kafka;
    private static TopicRecorder statusTopic;
    private static TopicRecorder deadLetters;

    private final Outbox outbox;
    private final DataSource dataSource;
    private final MeterRegistry registry;

    OutboxAndInboxTest(Outbox outbox, DataSource dataSource, MeterRegistry registry) {
        this.outbox = outbox;
        this.dataSource = dataSource;
        this.registry = registry;
    }

    @BeforeAll
    static void recordTopics() {
        kafka = KafkaTestClient.create();
        statusTopic = kafka.record(Topics.ORDER_STATUS);
        deadLetters = kafka.record(Topics.dlq(Topics.ORDER_STATUS));
    }

    @AfterAll
    static void close() {
        kafka.close();
    }

    @Test
    void anEventPublishedInATransactionIsRelayedConsumedAndAppliedOnceEvenWhenRedelivered() throws Exception {
        String orderId = "ORD-" + UUID.randomUUID();
        QuarkusTransaction.requiringNew().run(() -> outbox.publish(EventType.ORDER_STATUS_CHANGED, orderId, statusChanged(orderId)));

        Awaitility.await().atMost(Duration.ofSeconds(60)).until(() -> effects(orderId) == 1);
        ConsumerRecord<String, String> relayed = statusTopic.await(r -> orderId.equals(r.key()), 1, Duration.ofSeconds(10)).get(0);
        assertEquals(EventType.ORDER_STATUS_CHANGED.ceType(), TopicRecorder.header(relayed, "ce_type"));

        double duplicatesBefore = outcome("duplicate");
        kafka.send(Topics.ORDER_STATUS, relayed.key(), relayed.value(), headersOf(relayed));
        Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> outcome("duplicate") > duplicatesBefore);
        assertEquals(1, effects(orderId), "a redelivered event must not be applied twice");
    }

    @Test
    void aPoisonRecordGoesToTheDeadLetterTopicWithItsReasonAndTheRecordBehindItIsProcessed() throws Exception {
        String orderId = "ORD-" + UUID.randomUUID();
        Map<String, String> headers = ceHeaders(orderId);
        kafka.send(Topics.ORDER_STATUS, orderId, "this is not JSON", headers);
        String good = EventJson.toJson(statusChanged(orderId));
        kafka.send(Topics.ORDER_STATUS, orderId, good, ceHeaders(orderId));

        ConsumerRecord<String, String> dead = deadLetters.await(r -> orderId.equals(r.key()) && fromConsumer(r, CONSUMER), 1,
                Duration.ofSeconds(60)).get(0);
        assertEquals("this is not JSON", dead.value(), "the DLQ keeps the record as received");
        assertTrue(TopicRecorder.header(dead, "dead-letter-reason").startsWith("NOT_JSON: "),
                TopicRecorder.header(dead, "dead-letter-reason"));
        assertEquals("NOT_JSON", TopicRecorder.header(dead, "dead-letter-reason-code"));
        assertEquals(Topics.ORDER_STATUS, TopicRecorder.header(dead, "dead-letter-topic"));
        assertTrue(TopicRecorder.header(dead, "dead-letter-offset").matches("\\d+"));
        assertTrue(TopicRecorder.header(dead, "dead-letter-partition").matches("\\d+"));
        assertEquals(CONSUMER, TopicRecorder.header(dead, "dead-letter-consumer-group"));
        assertEquals(headers.get("ce_id"), TopicRecorder.header(dead, "ce_id"), "original headers are kept");

        Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> effects(orderId) == 1);
    }

    @Test
    void aSchemaViolationAndAWrongKeyAreDeadLetteredNamingTheField() {
        String orderId = "ORD-" + UUID.randomUUID();
        ObjectNode negative = statusChanged(orderId);
        negative.put("purchaseNumber", 0);
        kafka.send(Topics.ORDER_STATUS, orderId, negative.toString(), ceHeaders(orderId));
        kafka.send(Topics.ORDER_STATUS, "another-key", EventJson.toJson(statusChanged(orderId)), ceHeaders(orderId));

        List<ConsumerRecord<String, String>> dead = deadLetters.await(
                r -> (orderId.equals(r.key()) || "another-key".equals(r.key())) && fromConsumer(r, CONSUMER), 2,
                Duration.ofSeconds(60));
        String schema = TopicRecorder.header(dead.stream().filter(r -> orderId.equals(r.key())).findFirst().orElseThrow(),
                "dead-letter-reason");
        assertTrue(schema.startsWith("SCHEMA_VIOLATION: ") && schema.contains("purchaseNumber"), schema);
        String key = TopicRecorder.header(dead.stream().filter(r -> "another-key".equals(r.key())).findFirst().orElseThrow(),
                "dead-letter-reason");
        assertTrue(key.contains("record key another-key is not the orderId"), key);
    }

    @Test
    void aHandlerThatKeepsFailingIsRetriedThenDeadLetteredAndThePartitionGoesOn() throws Exception {
        ObjectNode failing = statusChanged("fail-always");
        kafka.send(Topics.ORDER_STATUS, "fail-always", failing.toString(), ceHeaders("fail-always"));
        String orderId = "ORD-" + UUID.randomUUID();
        kafka.send(Topics.ORDER_STATUS, orderId, EventJson.toJson(statusChanged(orderId)), ceHeaders(orderId));

        ConsumerRecord<String, String> dead = deadLetters.await(r -> "fail-always".equals(r.key()) && fromConsumer(r, CONSUMER), 1,
                Duration.ofSeconds(60)).get(0);
        assertEquals("PROCESSING_FAILED", TopicRecorder.header(dead, "dead-letter-reason-code"));
        Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> effects(orderId) == 1);
        given().get("/q/health/ready").then().statusCode(200).body("status", equalTo("UP"));
    }

    @Test
    void anEventThatBreaksItsContractIsRefusedAndNothingIsPublished() {
        String orderId = "ORD-" + UUID.randomUUID();
        ObjectNode broken = statusChanged(orderId);
        broken.remove("newStatus");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> QuarkusTransaction.requiringNew()
                .run(() -> outbox.publish(EventType.ORDER_STATUS_CHANGED, orderId, broken)));
        assertTrue(e.getMessage().contains("newStatus"), e.getMessage());
    }

    @Test
    void readinessReportsTheRelayAsTheActiveOne() {
        given().get("/q/health/ready").then().statusCode(200)
                .body("checks.name", hasItem("Outbox relay"))
                .body("checks.find { it.name == 'Outbox relay' }.data.role", equalTo("leader"));
    }

    @Test
    void aBatchIsAppliedOnceDeadLettersItsPoisonAndSurvivesAFailingEvent() throws Exception {
        String first = "ORD-" + UUID.randomUUID();
        String second = "ORD-" + UUID.randomUUID();
        String firstJson = EventJson.toJson(statusChanged(first));
        Map<String, String> firstHeaders = ceHeaders(first);
        kafka.send(Topics.ORDER_STATUS, first, firstJson, firstHeaders);
        kafka.send(Topics.ORDER_STATUS, second, "{not json", ceHeaders(second));
        kafka.send(Topics.ORDER_STATUS, "fail-always", statusChanged("fail-always").toString(), ceHeaders("fail-always"));
        kafka.send(Topics.ORDER_STATUS, second, EventJson.toJson(statusChanged(second)), ceHeaders(second));
        kafka.send(Topics.ORDER_STATUS, first, firstJson, firstHeaders);

        Awaitility.await().atMost(Duration.ofSeconds(60))
                .until(() -> effects(first, "probe_batch_effect") == 1 && effects(second, "probe_batch_effect") == 1);
        ConsumerRecord<String, String> poison = deadLetters.await(
                r -> second.equals(r.key()) && fromConsumer(r, ProbeConsumer.BATCH_CONSUMER), 1, Duration.ofSeconds(60)).get(0);
        assertEquals("{not json", poison.value(), "only the poison record of the batch is dead-lettered");
        assertEquals("NOT_JSON", TopicRecorder.header(poison, "dead-letter-reason-code"));
        ConsumerRecord<String, String> failed = deadLetters.await(
                r -> "fail-always".equals(r.key()) && fromConsumer(r, ProbeConsumer.BATCH_CONSUMER), 1, Duration.ofSeconds(60))
                .get(0);
        assertEquals("PROCESSING_FAILED", TopicRecorder.header(failed, "dead-letter-reason-code"));
        assertEquals(1, effects(first, "probe_batch_effect"), "the redelivered event in the batch must be applied once");
        assertEquals(0, deadLetters.records().stream()
                .filter(r -> first.equals(r.key()) && fromConsumer(r, ProbeConsumer.BATCH_CONSUMER)).count(),
                "a good event must never be dead-lettered with its batch");
    }

    @Test
    void anEventThatComesTwiceInOnePollIsAppliedOnce() throws Exception {
        String orderId = "ORD-" + UUID.randomUUID();
        String json = EventJson.toJson(statusChanged(orderId));
        Map<String, String> headers = ceHeaders(orderId);
        String after = "ORD-" + UUID.randomUUID();
        kafka.send(Topics.ORDER_STATUS, orderId, json, headers);
        kafka.send(Topics.ORDER_STATUS, orderId, json, headers);
        kafka.send(Topics.ORDER_STATUS, after, EventJson.toJson(statusChanged(after)), ceHeaders(after));

        Awaitility.await().atMost(Duration.ofSeconds(60)).until(() -> effects(after, "probe_batch_effect") == 1);
        assertEquals(1, effects(orderId, "probe_batch_effect"), "the same event twice in a poll must be applied once");
    }

    @Test
    void aBatchConsumerSkipsTheTypesItDoesNotHandleWithoutDeadLetteringOrRecordingThem() throws Exception {
        // one key, so one partition: the skipped record is read before the one that is applied
        String orderId = "ORD-" + UUID.randomUUID();
        Map<String, String> delayedHeaders = ceHeaders(orderId);
        delayedHeaders.put("ce_type", EventType.ORDER_DELAYED.ceType());
        Map<String, String> changedHeaders = ceHeaders(orderId);
        double ignoredBefore = outcome(ProbeConsumer.BATCH_CONSUMER, "ignored");
        // unreadable, but of a type the batch consumer does not handle: not its dead letter
        kafka.send(Topics.ORDER_STATUS, orderId, "{not json", delayedHeaders);
        kafka.send(Topics.ORDER_STATUS, orderId, EventJson.toJson(statusChanged(orderId)), changedHeaders);

        Awaitility.await().atMost(Duration.ofSeconds(60)).until(() -> effects(orderId, "probe_batch_effect") == 1);
        assertEquals(1, processed(ProbeConsumer.BATCH_CONSUMER, changedHeaders.get("ce_id")));
        assertEquals(0, processed(ProbeConsumer.BATCH_CONSUMER, delayedHeaders.get("ce_id")),
                "a skipped record is not recorded as processed");
        assertTrue(outcome(ProbeConsumer.BATCH_CONSUMER, "ignored") >= ignoredBefore + 1, "the skip is counted");
        // the per-record consumer of the same topic handles every type: it does dead-letter the record
        deadLetters.await(r -> orderId.equals(r.key()) && fromConsumer(r, CONSUMER), 1, Duration.ofSeconds(60));
        assertEquals(0, deadLetters.records().stream()
                .filter(r -> orderId.equals(r.key()) && fromConsumer(r, ProbeConsumer.BATCH_CONSUMER)).count(),
                "the batch consumer must not dead-letter a type it does not handle");
    }

    @Test
    void anEventThatArrivesWhileTheDatabaseIsDownIsAppliedOnceItIsBackAndNeverDeadLettered() throws Exception {
        String orderId = "ORD-" + UUID.randomUUID();
        double waitsBefore = waits(CONSUMER);
        double batchWaitsBefore = waits(ProbeConsumer.BATCH_CONSUMER);
        try (DatabaseOutage outage = DatabaseOutage.begin("platform_test")) {
            kafka.send(Topics.ORDER_STATUS, orderId, EventJson.toJson(statusChanged(orderId)), ceHeaders(orderId));
            // more failed tries than postventa.consumer.max-attempts (3 here): before, the event went to the DLQ
            Awaitility.await().atMost(Duration.ofSeconds(60))
                    .until(() -> waits(CONSUMER) >= waitsBefore + 4 && waits(ProbeConsumer.BATCH_CONSUMER) >= batchWaitsBefore + 4);
        }
        Awaitility.await().atMost(Duration.ofSeconds(90))
                .until(() -> effects(orderId) == 1 && effects(orderId, "probe_batch_effect") == 1);
        assertEquals(0, deadLetters.records().stream().filter(r -> orderId.equals(r.key())).count(),
                "a good event must not be dead-lettered because the database was down");
    }

    private double waits(String consumer) {
        var counter = registry.find("postventa.consumer.waits").tag("consumer", consumer).counter();
        return counter == null ? 0 : counter.count();
    }

    private static boolean fromConsumer(ConsumerRecord<String, String> record, String consumer) {
        return consumer.equals(TopicRecorder.header(record, "dead-letter-consumer-group"));
    }

    private double outcome(String outcome) {
        return outcome(CONSUMER, outcome);
    }

    private double outcome(String consumer, String outcome) {
        var counter = registry.find("postventa.consumer.records").tag("consumer", consumer).tag("outcome", outcome).counter();
        return counter == null ? 0 : counter.count();
    }

    private int effects(String orderId) throws Exception {
        return effects(orderId, "probe_effect");
    }

    private int processed(String consumer, String eventId) throws Exception {
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(
                "select count(*) from processed_event where consumer = ? and event_id = ?")) {
            s.setString(1, consumer);
            s.setString(2, eventId);
            try (ResultSet rs = s.executeQuery()) {
                rs.next();
                return rs.getInt(1);
            }
        }
    }

    private int effects(String orderId, String table) throws Exception {
        try (Connection c = dataSource.getConnection();
             PreparedStatement s = c.prepareStatement("select count(*) from " + table + " where order_id = ?")) {
            s.setString(1, orderId);
            try (ResultSet rs = s.executeQuery()) {
                rs.next();
                return rs.getInt(1);
            }
        }
    }

    static ObjectNode statusChanged(String orderId) {
        try (InputStream in = OutboxAndInboxTest.class.getClassLoader()
                .getResourceAsStream("examples/order-status.v1/ORDER_STATUS_CHANGED.json")) {
            ObjectNode node = (ObjectNode) EventJson.readTree(new String(in.readAllBytes(), StandardCharsets.UTF_8));
            node.put("orderId", orderId);
            return node;
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    static Map<String, String> ceHeaders(String subject) {
        Map<String, String> headers = new HashMap<>();
        headers.put("ce_id", UUID.randomUUID().toString());
        headers.put("ce_type", EventType.ORDER_STATUS_CHANGED.ceType());
        headers.put("ce_source", "/tests");
        headers.put("ce_specversion", "1.0");
        headers.put("ce_subject", subject);
        return headers;
    }

    static Map<String, String> headersOf(ConsumerRecord<String, String> record) {
        Map<String, String> headers = new HashMap<>();
        record.headers().forEach(h -> headers.put(h.key(), new String(h.value(), StandardCharsets.UTF_8)));
        return headers;
    }
}
