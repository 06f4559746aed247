package io.postventa.messaging.outbox.app;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

import io.micrometer.core.instrument.MeterRegistry;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.context.Scope;
import io.opentelemetry.sdk.testing.exporter.InMemorySpanExporter;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.postventa.events.EventJson;
import io.postventa.events.EventType;
import io.postventa.events.Topics;
import io.postventa.messaging.outbox.Outbox;
import io.postventa.messaging.outbox.ReplicationSlotMetrics;
import io.postventa.testing.KafkaTestClient;
import io.postventa.testing.PostventaTestResource;
import io.postventa.testing.TopicRecorder;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;

/** What an operator sees of the outbox and the inbox: one trace across the relay, and metrics that answer questions. */
@QuarkusTest
@QuarkusTestResource(value = PostventaTestResource.class, initArgs = @ResourceArg(name = "database", value = "platform_test"))
class TracingAndMetricsTest {
    private static final String CONSUMER = "outbox-test-service.order-status";
    private static final AttributeKey<String> GROUP = AttributeKey.stringKey("messaging.consumer.group.name");
    private static final AttributeKey<String> MESSAGE_ID = AttributeKey.stringKey("messaging.message.id");
    private static KafkaTestClient kafka;
    private static TopicRecorder statusTopic;

    private final Outbox outbox;
    private final Tracer tracer;
    private final InMemorySpanExporter spans;
    private final MeterRegistry registry;
    private final ReplicationSlotMetrics slot;

    TracingAndMetricsTest(Outbox outbox, Tracer tracer, InMemorySpanExporter spans, MeterRegistry registry,
            ReplicationSlotMetrics slot) {
        this.outbox = outbox;
        this.tracer = tracer;
        this.spans = spans;
        this.registry = registry;
        this.slot = slot;
    }

    @BeforeAll
    static void recordTopics() {
        kafka = KafkaTestClient.create();
        statusTopic = kafka.record(Topics.ORDER_STATUS);
    }

    @AfterAll
    static void close() {
        kafka.close();
    }

    @Test
    void theTraceOfThePublishingTransactionGoesOnThroughTheRelayedRecordIntoEveryConsumerThatAppliesIt() {
        String orderId = "ORD-" + UUID.randomUUID();
        Span request = tracer.spanBuilder("a request that changes an order").startSpan();
        String traceId = request.getSpanContext().getTraceId();
        String eventId;
        try (Scope scope = request.makeCurrent()) {
            eventId = QuarkusTransaction.requiringNew().call(() -> outbox.publish(EventType.ORDER_STATUS_CHANGED, orderId,
                    OutboxAndInboxTest.statusChanged(orderId))).toString();
        } finally {
            request.end();
        }

        ConsumerRecord<String, String> relayed = statusTopic.await(r -> orderId.equals(r.key()), 1, Duration.ofSeconds(60))
                .get(0);
        String traceparent = TopicRecorder.header(relayed, "traceparent");
        assertTrue(traceparent != null && traceparent.startsWith("00-" + traceId + "-"),
                "the relayed record carries the request's trace, got traceparent " + traceparent);

        Awaitility.await("the relay's send and both consumers' processing are spans of the request's trace")
                .atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
                    List<SpanData> trace = spans.getFinishedSpanItems().stream()
                            .filter(s -> s.getTraceId().equals(traceId)).toList();
                    SpanData send = trace.stream().filter(s -> s.getKind() == SpanKind.PRODUCER
                            && s.getName().equals(Topics.ORDER_STATUS + " publish")).findFirst()
                            .orElseThrow(() -> new AssertionError("no relay span in " + names(trace)));
                    assertEquals(request.getSpanContext().getSpanId(), send.getParentSpanId(),
                            "the relay's send continues the span that wrote the row");
                    for (String consumer : List.of(CONSUMER, ProbeConsumer.BATCH_CONSUMER)) {
                        assertTrue(trace.stream().anyMatch(s -> s.getKind() == SpanKind.CONSUMER
                                && consumer.equals(s.getAttributes().get(GROUP))
                                && eventId.equals(s.getAttributes().get(MESSAGE_ID))),
                                consumer + " processed event " + eventId + " in the same trace: " + names(trace));
                    }
                });
    }

    @Test
    void aDeadLetterIsCountedPerTopicAndReasonAndItsJsonLogLineCarriesTheRecordsTraceAndSpan() throws Exception {
        String orderId = "ORD-" + UUID.randomUUID();
        String traceId = UUID.randomUUID().toString().replace("-", "");
        Map<String, String> headers = new java.util.HashMap<>(OutboxAndInboxTest.ceHeaders(orderId));
        headers.put("traceparent", "00-" + traceId + "-00f067aa0ba902b7-01");
        double before = deadLetters("NOT_JSON");
        kafka.send(Topics.ORDER_STATUS, orderId, "not JSON at all", headers);
        Awaitility.await("the dead letter is counted").atMost(Duration.ofSeconds(60))
                .until(() -> deadLetters("NOT_JSON") >= before + 1);

        Path log = Path.of("target", "outbox-test-app.json.log");
        Awaitility.await("the consumer's warning is a JSON line with the record's trace id and its own span id")
                .atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
                    List<JsonNode> lines = Files.readAllLines(log).stream().filter(l -> l.contains(traceId))
                            .map(EventJson::readTree).toList();
                    assertTrue(lines.stream().anyMatch(line -> line.path("message").asText().contains("dead-letter topic")
                            && traceId.equals(line.path("mdc").path("traceId").asText())
                            && line.path("mdc").path("spanId").asText().matches("[0-9a-f]{16}")),
                            "a JSON log line of the dead-lettering with mdc.traceId and mdc.spanId: " + lines);
                });
    }

    @Test
    void theOutboxCountsWhatWasCommittedAndReportsItsReplicationSlot() {
        String orderId = "ORD-" + UUID.randomUUID();
        double before = published();
        QuarkusTransaction.requiringNew().run(() -> outbox.publish(EventType.ORDER_STATUS_CHANGED, orderId,
                OutboxAndInboxTest.statusChanged(orderId)));
        try {
            QuarkusTransaction.requiringNew().run(() -> {
                outbox.publish(EventType.ORDER_STATUS_CHANGED, orderId, OutboxAndInboxTest.statusChanged(orderId));
                throw new IllegalStateException("rolled back");
            });
        } catch (IllegalStateException expected) {
            // nothing published, nothing counted
        }
        assertEquals(before + 1, published(), "one commit counted, the rollback not");

        Awaitility.await("the relay reads the slot").atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
            slot.refresh();
            assertTrue(slot.backlogBytes() >= 0, "backlog in bytes: " + slot.backlogBytes());
            assertTrue(slot.retainedBytes() >= slot.backlogBytes() || Double.isNaN(slot.retainedBytes()),
                    "retained WAL covers the backlog");
        });
        String metrics = given().get("/q/metrics").then().statusCode(200).extract().asString();
        for (String name : List.of("postventa_outbox_published_total{", "postventa_outbox_relayed_total{",
                "postventa_outbox_relay_lag_seconds{", "postventa_outbox_leader{", "postventa_outbox_backlog_bytes{",
                "postventa_outbox_slot_retained_bytes{", "postventa_outbox_slot_active{")) {
            assertTrue(metrics.lines().anyMatch(l -> l.startsWith(name) && l.contains("application=\"outbox-test-service\"")),
                    "Prometheus sees " + name + "...} tagged with the application");
        }
        assertTrue(metrics.lines().anyMatch(l -> l.startsWith("postventa_outbox_slot_active{")
                && l.contains("slot=\"outbox_test_service_outbox\"") && l.endsWith(" 1.0")),
                "the running relay holds its slot");
    }

    private double deadLetters(String reason) {
        var counter = registry.find("postventa.dead.letters").tag("topic", Topics.ORDER_STATUS).tag("consumer", CONSUMER)
                .tag("reason", reason).counter();
        return counter == null ? 0 : counter.count();
    }

    private double published() {
        var counter = registry.find("postventa.outbox.published").tag("topic", Topics.ORDER_STATUS).counter();
        return counter == null ? 0 : counter.count();
    }

    private static List<String> names(List<SpanData> trace) {
        return trace.stream().map(s -> s.getName() + "/" + s.getKind() + s.getAttributes().asMap()).toList();
    }

}
