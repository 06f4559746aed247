package io.postventa.orderstatus.service;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.node.ObjectNode;

import io.postventa.events.EventJson;
import io.postventa.events.EventType;
import io.postventa.events.Topics;
import io.postventa.events.orderstatus.DelayCause;
import io.postventa.events.orderstatus.OrderDelayed;
import io.postventa.orderstatus.Lifecycle;
import io.postventa.testing.KafkaTestClient;
import io.postventa.testing.PostventaTestResource;
import io.postventa.testing.Tokens;
import io.postventa.testing.TopicRecorder;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;

/** Delay detection with time moved forward: each cause is reported once per order. */
@QuarkusTest
@QuarkusTestResource(value = PostventaTestResource.class, initArgs = @ResourceArg(name = "database", value = "order_status"))
class DelayDetectionTest {
    private static final Duration WAIT = Duration.ofSeconds(60);
    private static KafkaTestClient kafka;
    private static TopicRecorder statuses;

    private final DelayDetector detector;

    DelayDetectionTest(DelayDetector detector) {
        this.detector = detector;
    }

    @BeforeAll
    static void record() {
        kafka = KafkaTestClient.create();
        statuses = kafka.record(Topics.ORDER_STATUS);
    }

    @AfterAll
    static void close() {
        kafka.close();
    }

    private static void send(EventType type, ObjectNode event) {
        kafka.send(Topics.ORDERS_LIFECYCLE, event.get("orderId").asText(), event.toString(), Lifecycle.binaryHeaders(type, event));
    }

    private static boolean isDelay(ConsumerRecord<String, String> r, String orderId) {
        return orderId.equals(r.key()) && EventType.ORDER_DELAYED.ceType().equals(TopicRecorder.header(r, "ce_type"));
    }

    private static Set<DelayCause> causesFor(List<OrderDelayed> reported, String orderId) {
        return reported.stream().filter(d -> d.orderId().equals(orderId)).map(OrderDelayed::cause).collect(Collectors.toSet());
    }

    @Test
    void aPassedPromiseAndCarrierSilenceAreReportedOnceWhenTimeMovesOn() {
        String customerId = "CUST-" + UUID.randomUUID();
        String orderId = "ORD-" + UUID.randomUUID();
        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        LocalDate promised = LocalDate.ofInstant(now, ZoneId.of("Europe/Madrid")).plusDays(1);
        send(EventType.ORDER_PLACED, Lifecycle.placed(orderId, customerId, now.minus(1, ChronoUnit.DAYS), promised));
        send(EventType.SHIPMENT_IN_TRANSIT, Lifecycle.event(EventType.SHIPMENT_IN_TRANSIT, orderId, now.minus(2, ChronoUnit.HOURS)));
        statuses.await(r -> Lifecycle.isChange(r, orderId), 2, WAIT);

        assertEquals(Set.of(), causesFor(detector.detect(now), orderId), "on time today: nothing to report");

        Instant threeDaysLater = now.plus(3, ChronoUnit.DAYS);
        assertEquals(Set.of(DelayCause.PROMISED_DATE_PASSED, DelayCause.NO_CARRIER_SCAN),
                causesFor(detector.detect(threeDaysLater), orderId));
        assertEquals(Set.of(), causesFor(detector.detect(threeDaysLater.plusSeconds(3600)), orderId),
                "each cause is reported once per order");

        // The outbox relays one order's events in commit order: once a later change is out, any repeated delay
        // would be out too.
        send(EventType.SHIPMENT_DELIVERED, Lifecycle.event(EventType.SHIPMENT_DELIVERED, orderId, now.minusSeconds(60)));
        statuses.await(r -> Lifecycle.isChange(r, orderId), 3, WAIT);
        List<ConsumerRecord<String, String>> delays = statuses.withKey(orderId).stream().filter(r -> isDelay(r, orderId)).toList();
        assertEquals(2, delays.size(), "one order.delayed per cause: " + delays);
        OrderDelayed promise = delays.stream().map(r -> EventJson.fromJson(r.value(), OrderDelayed.class))
                .filter(d -> d.cause() == DelayCause.PROMISED_DATE_PASSED).findFirst().orElseThrow();
        assertEquals(promised, promise.promisedDeliveryDate());
        assertEquals("es-ES", promise.locale());
        assertEquals(1, promise.purchaseNumber());

    }

    @Test
    void theTrackingViewSaysAnOrderPastItsPromiseIsLate() {
        String customerId = "CUST-" + UUID.randomUUID();
        String orderId = "ORD-" + UUID.randomUUID();
        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        send(EventType.ORDER_PLACED, Lifecycle.placed(orderId, customerId, now.minus(5, ChronoUnit.DAYS),
                LocalDate.ofInstant(now, ZoneId.of("Europe/Madrid")).minusDays(2)));
        statuses.await(r -> Lifecycle.isChange(r, orderId), 1, WAIT);
        given().header("Authorization", Tokens.bearer(Tokens.customer(customerId))).get("/api/v1/orders/" + orderId)
                .then().statusCode(200)
                .body("delayed", equalTo(true))
                .body("delayCauses", hasItems("PROMISED_DATE_PASSED"))
                .body("statusText", containsString("retraso"));
    }

    @Test
    void aShipmentExceptionIsReportedOnceWithItsReason() {
        String orderId = "ORD-" + UUID.randomUUID();
        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        send(EventType.ORDER_PLACED, Lifecycle.placed(orderId, "CUST-" + UUID.randomUUID(), now.minus(1, ChronoUnit.DAYS)));
        send(EventType.SHIPMENT_EXCEPTION, Lifecycle.event(EventType.SHIPMENT_EXCEPTION, orderId, now.minus(1, ChronoUnit.HOURS)));
        statuses.await(r -> Lifecycle.isChange(r, orderId), 2, WAIT);

        List<OrderDelayed> first = detector.detect(now).stream().filter(d -> d.orderId().equals(orderId)).toList();
        assertEquals(1, first.size(), "one delay for the exception: " + first);
        assertEquals(DelayCause.SHIPMENT_EXCEPTION, first.get(0).cause());
        assertEquals("DAMAGED_IN_TRANSIT", first.get(0).exceptionReasonCode());
        assertTrue(causesFor(detector.detect(now.plusSeconds(60)), orderId).isEmpty(), "reported once");
        statuses.await(r -> isDelay(r, orderId), 1, WAIT);
    }
}
