package io.postventa.systemtests;

import static io.postventa.devstack.PlatformService.ORDER_STATUS;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.security.SecureRandom;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

import io.postventa.devstack.PlatformService;
import io.postventa.events.EventJson;
import io.postventa.events.EventType;
import io.postventa.events.Topics;
import io.postventa.systemtests.OtlpReceiver.ReceivedSpan;
import io.postventa.testing.TopicRecorder;

/**
 * Tracing as an operator uses it: a platform's traced webhook call for one order's shipment is one trace, from
 * the call through order-status-service's outbox, the relay and orders.lifecycle.v1, its consumer, the outbox
 * again and order-status.v1, into each of the four services that consume the change, down to the SMTP send of
 * the customer's e-mail and the push provider's HTTP call. The services export to the tests' own OTLP receiver
 * ({@link OtlpReceiver}); the test chose the trace id, so nothing else can be taken for the journey.
 */
class OrderTraceSystemTest extends SystemTest {

    @Test
    void anOrdersShipmentIsOneTraceFromTheWebhookThroughAllFiveServicesToTheEmailAndThePushCall() {
        Shop.Customer customer = Shop.Customer.fresh("en");
        shop.upsert(customer);
        TopicRecorder statusChanges = kafka.record(Topics.ORDER_STATUS);
        TopicRecorder lifecycle = kafka.record(Topics.ORDERS_LIFECYCLE);
        Instant placedAt = Instant.now().minus(1, ChronoUnit.DAYS).truncatedTo(ChronoUnit.SECONDS);
        Shop.Order order = shop.order(customer.id());
        order.placed(placedAt).then(EventType.ORDER_PAID, placedAt.plusSeconds(60))
                .then(EventType.ORDER_PACKED, placedAt.plus(2, ChronoUnit.HOURS));
        await("the order is packed").atMost(WAIT).untilAsserted(() -> Api.asCustomer(ORDER_STATUS, customer.id())
                .get("/api/v1/orders/" + order.id()).then().statusCode(200).body("status", equalTo("PACKED")));

        HexFormat hex = HexFormat.of();
        SecureRandom random = new SecureRandom();
        String traceId = hex.formatHex(random.generateSeed(16));
        String traceparent = "00-" + traceId + "-" + hex.formatHex(random.generateSeed(8)) + "-01";
        order.thenThroughWebhookInTrace(EventType.ORDER_SHIPPED, placedAt.plus(4, ChronoUnit.HOURS), traceparent);

        // The webhook writes the platform's event to orders.lifecycle.v1 through its outbox, as a CloudEvent of its own.
        ConsumerRecord<String, String> shipped = lifecycle.await(r -> order.id().equals(r.key())
                && EventType.ORDER_SHIPPED.ceType().equals(TopicRecorder.header(r, "ce_type")), 1, WAIT).get(0);
        String shippedEventId = TopicRecorder.header(shipped, "ce_id");
        assertTrue(String.valueOf(TopicRecorder.header(shipped, "traceparent")).startsWith("00-" + traceId + "-"),
                "the webhook's record carries the call's trace, got " + TopicRecorder.header(shipped, "traceparent"));

        ConsumerRecord<String, String> changed = statusChanges.await(r -> order.id().equals(r.key())
                && "SHIPPED".equals(EventJson.readTree(r.value()).path("newStatus").asText()), 1, WAIT).get(0);
        String changedEventId = TopicRecorder.header(changed, "ce_id");
        String header = TopicRecorder.header(changed, "traceparent");
        assertTrue(header != null && header.startsWith("00-" + traceId + "-"),
                "order-status.v1's record of the shipment carries the webhook call's trace, got " + header);

        Set<String> everyService = PlatformService.all().stream().map(PlatformService::serviceName)
                .collect(Collectors.toCollection(TreeSet::new));
        await("the spans of the shipment's journey reach the receiver, all in the webhook call's trace").atMost(WAIT)
                .untilAsserted(() -> {
                    List<ReceivedSpan> trace = platform.traces().trace(traceId);
                    String seen = describe(trace);
                    assertEquals(everyService, trace.stream().map(ReceivedSpan::service)
                            .collect(Collectors.toCollection(TreeSet::new)), "services in the trace: " + seen);
                    assertTrue(has(trace, "order-status-service", "SPAN_KIND_SERVER", null, null),
                            "the webhook call is the trace's server span: " + seen);
                    assertTrue(has(trace, "order-status-service", "SPAN_KIND_PRODUCER", Topics.ORDERS_LIFECYCLE + " publish",
                            shippedEventId), "the relay sends the webhook's event: " + seen);
                    assertTrue(has(trace, "order-status-service", "SPAN_KIND_CONSUMER", Topics.ORDERS_LIFECYCLE + " process",
                            shippedEventId), "order-status-service applies it: " + seen);
                    assertTrue(has(trace, "order-status-service", "SPAN_KIND_PRODUCER", Topics.ORDER_STATUS + " publish",
                            changedEventId), "the relay sends the status change: " + seen);
                    for (String consumer : List.of("returns-service", "ticket-service", "notification-service",
                            "feedback-service")) {
                        assertTrue(has(trace, consumer, "SPAN_KIND_CONSUMER", Topics.ORDER_STATUS + " process",
                                changedEventId), consumer + " processes the status change in the trace: " + seen);
                    }
                    assertTrue(has(trace, "notification-service", "SPAN_KIND_CLIENT", "smtp send", null),
                            "the e-mail's SMTP send is in the trace: " + seen);
                    assertTrue(has(trace, "notification-service", "SPAN_KIND_CLIENT", "POST push provider", null),
                            "the push provider's call is in the trace: " + seen);
                });

        List<ReceivedSpan> elsewhere = platform.traces().spans().stream()
                .filter(s -> !s.traceId().equals(traceId))
                .filter(s -> shippedEventId.equals(s.attribute("messaging.message.id"))
                        || changedEventId.equals(s.attribute("messaging.message.id")))
                .toList();
        assertEquals(List.of(), elsewhere, "no span of the shipment's events belongs to another trace");
        assertTrue(platform.providers().received("push", customer.pushToken()).stream()
                        .anyMatch(r -> r.header("traceparent") != null && r.header("traceparent").startsWith("00-" + traceId + "-")),
                "the push provider is told the trace in its request's traceparent header");
        statusChanges.close();
        lifecycle.close();
    }

    private static boolean has(List<ReceivedSpan> trace, String service, String kind, String name, String messageId) {
        return trace.stream().anyMatch(s -> s.service().equals(service) && s.kind().equals(kind)
                && (name == null || s.name().equals(name))
                && (messageId == null || messageId.equals(s.attribute("messaging.message.id"))));
    }

    private static String describe(List<ReceivedSpan> trace) {
        return trace.stream().map(s -> s.service() + ":" + s.kind().replace("SPAN_KIND_", "") + ":" + s.name())
                .sorted().distinct().collect(Collectors.joining(", ", "[", "]"));
    }
}
