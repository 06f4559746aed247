package io.postventa.orderstatus.messaging;

import static io.postventa.events.common.OrderStatus.*;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
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

import io.postventa.events.EventJson;
import io.postventa.events.EventType;
import io.postventa.events.Topics;
import io.postventa.events.common.OrderStatus;
import io.postventa.events.orderstatus.OrderStatusChanged;
import io.postventa.orderstatus.Lifecycle;
import io.postventa.orderstatus.service.EarlyEventExpiry;
import io.postventa.testing.KafkaTestClient;
import io.postventa.testing.PostventaTestResource;
import io.postventa.testing.TopicRecorder;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;

/** orders.lifecycle.v1 → order → order-status.v1, over the real broker and database. */
@QuarkusTest
@QuarkusTestResource(value = PostventaTestResource.class, initArgs = @ResourceArg(name = "database", value = "order_status"))
class OrderLifecycleConsumerTest {
    private static final Duration WAIT = Duration.ofSeconds(60);
    private static KafkaTestClient kafka;
    private static TopicRecorder statuses;
    private static TopicRecorder deadLetters;

    private final DataSource dataSource;
    private final EarlyEventExpiry expiry;

    OrderLifecycleConsumerTest(DataSource dataSource, EarlyEventExpiry expiry) {
        this.dataSource = dataSource;
        this.expiry = expiry;
    }

    @BeforeAll
    static void record() {
        kafka = KafkaTestClient.create();
        statuses = kafka.record(Topics.ORDER_STATUS);
        deadLetters = kafka.record(Topics.dlq(Topics.ORDERS_LIFECYCLE));
    }

    @AfterAll
    static void close() {
        kafka.close();
    }

    private static void send(EventType type, ObjectNode event) {
        kafka.send(Topics.ORDERS_LIFECYCLE, event.get("orderId").asText(), event.toString(), Lifecycle.binaryHeaders(type, event));
    }

    private static List<OrderStatusChanged> awaitChanges(String orderId, int count) {
        statuses.await(r -> Lifecycle.isChange(r, orderId), count, WAIT);
        return Lifecycle.changes(statuses, orderId);
    }

    @Test
    void theHappyPathFromPlacedToDeliveredPublishesOneChangePerTransition() {
        String orderId = "ORD-" + UUID.randomUUID();
        Instant t = Instant.now().minus(3, ChronoUnit.DAYS).truncatedTo(ChronoUnit.SECONDS);
        ObjectNode placed = Lifecycle.placed(orderId, "CUST-" + UUID.randomUUID(), t);
        // the three accepted forms: binary CloudEvents, structured CloudEvents and plain JSON
        send(EventType.ORDER_PLACED, placed);
        ObjectNode paid = Lifecycle.event(EventType.ORDER_PAID, orderId, t.plusSeconds(60));
        kafka.send(Topics.ORDERS_LIFECYCLE, orderId, Lifecycle.structured(EventType.ORDER_PAID, paid),
                Map.of("content-type", "application/cloudevents+json"));
        kafka.send(Topics.ORDERS_LIFECYCLE, orderId, Lifecycle.event(EventType.ORDER_PACKED, orderId, t.plusSeconds(3600)).toString());
        send(EventType.ORDER_SHIPPED, Lifecycle.event(EventType.ORDER_SHIPPED, orderId, t.plusSeconds(7200)));
        send(EventType.SHIPMENT_IN_TRANSIT, Lifecycle.event(EventType.SHIPMENT_IN_TRANSIT, orderId, t.plusSeconds(36000)));
        send(EventType.SHIPMENT_OUT_FOR_DELIVERY, Lifecycle.event(EventType.SHIPMENT_OUT_FOR_DELIVERY, orderId, t.plusSeconds(86400)));
        Instant deliveredAt = t.plusSeconds(90000);
        send(EventType.SHIPMENT_DELIVERED, Lifecycle.event(EventType.SHIPMENT_DELIVERED, orderId, deliveredAt));

        List<OrderStatusChanged> changes = awaitChanges(orderId, 7);
        List<OrderStatus> sequence = new ArrayList<>();
        changes.forEach(c -> sequence.add(c.newStatus()));
        assertEquals(List.of(PLACED, PAID, PACKED, SHIPPED, IN_TRANSIT, OUT_FOR_DELIVERY, DELIVERED), sequence,
                "one order-status.changed per transition, in order");
        assertNull(changes.get(0).previousStatus(), "the first status has no previous one");
        for (int i = 1; i < changes.size(); i++) {
            assertEquals(changes.get(i - 1).newStatus(), changes.get(i).previousStatus());
        }
        OrderStatusChanged delivered = changes.get(6);
        assertEquals(deliveredAt, delivered.deliveredAt());
        assertEquals("SEUR", delivered.carrier());
        assertEquals("https://tracking.example-carrier.com/t/SEU123456789ES", delivered.trackingUrl());
        assertEquals(1, delivered.purchaseNumber());
        assertEquals(2, delivered.lines().size());
        assertEquals("es-ES", delivered.locale());
        assertEquals(t, delivered.placedAt());
    }

    @Test
    void aLateAndADuplicatedEventAreRecordedButChangeNothingAndPublishNothing() throws Exception {
        String orderId = "ORD-" + UUID.randomUUID();
        Instant t = Instant.now().minus(3, ChronoUnit.DAYS).truncatedTo(ChronoUnit.SECONDS);
        send(EventType.ORDER_PLACED, Lifecycle.placed(orderId, "CUST-" + UUID.randomUUID(), t));
        ObjectNode delivered = Lifecycle.event(EventType.SHIPMENT_DELIVERED, orderId, t.plusSeconds(86400));
        send(EventType.SHIPMENT_DELIVERED, delivered);
        awaitChanges(orderId, 2);

        send(EventType.SHIPMENT_IN_TRANSIT, Lifecycle.event(EventType.SHIPMENT_IN_TRANSIT, orderId, t.plusSeconds(3600)));
        send(EventType.SHIPMENT_DELIVERED, delivered); // the same record again (same event id)
        ObjectNode deliveredAgain = Lifecycle.event(EventType.SHIPMENT_DELIVERED, orderId, t.plusSeconds(86500));
        send(EventType.SHIPMENT_DELIVERED, deliveredAgain); // the same fact under a new id
        // A later real transition: once it is published, anything the three above caused would have been too.
        send(EventType.ORDER_RETURNED, Lifecycle.event(EventType.ORDER_RETURNED, orderId, t.plusSeconds(200000)));

        List<OrderStatus> sequence = awaitChanges(orderId, 3).stream().map(OrderStatusChanged::newStatus).toList();
        assertEquals(List.of(PLACED, DELIVERED, RETURNED), sequence, "late and repeated events must publish nothing");
        assertEquals(List.of("APPLIED", "APPLIED", "STALE", "RECORDED", "APPLIED"), timelineOutcomes(orderId),
                "the late scan and the repeated delivery are in the timeline; the redelivered record is not applied twice");
    }

    @Test
    void eventsThatArriveBeforeTheOrderIsPlacedAreAppliedWhenItArrives() {
        String orderId = "ORD-" + UUID.randomUUID();
        Instant t = Instant.now().minus(3, ChronoUnit.DAYS).truncatedTo(ChronoUnit.SECONDS);
        send(EventType.ORDER_SHIPPED, Lifecycle.event(EventType.ORDER_SHIPPED, orderId, t.plusSeconds(7200)));
        send(EventType.ORDER_PAID, Lifecycle.event(EventType.ORDER_PAID, orderId, t.plusSeconds(60)));
        send(EventType.ORDER_PLACED, Lifecycle.placed(orderId, "CUST-" + UUID.randomUUID(), t));

        List<OrderStatusChanged> changes = awaitChanges(orderId, 3);
        assertEquals(List.of(PLACED, PAID, SHIPPED), changes.stream().map(OrderStatusChanged::newStatus).toList(),
                "early events are applied in the order they happened once the order is placed");
        assertEquals("SEUR", changes.get(2).carrier());
    }

    @Test
    void anEventWhoseOrderIsNeverPlacedGoesToTheDeadLetterTopicAfterTheRetention() throws Exception {
        String orderId = "ORD-" + UUID.randomUUID();
        ObjectNode inTransit = Lifecycle.event(EventType.SHIPMENT_IN_TRANSIT, orderId, Instant.now().minus(1, ChronoUnit.HOURS));
        send(EventType.SHIPMENT_IN_TRANSIT, inTransit);
        Awaitility.await().atMost(WAIT).until(() -> waiting(orderId) == 1);

        expiry.expire(Instant.now().plus(1, ChronoUnit.DAYS));
        assertEquals(1, waiting(orderId), "within the retention (14 days) the event keeps waiting for its order");

        expiry.expire(Instant.now().plus(15, ChronoUnit.DAYS));
        ConsumerRecord<String, String> dead = deadLetters.await(r -> orderId.equals(r.key()), 1, WAIT).get(0);
        assertEquals(0, waiting(orderId), "the expired event leaves the waiting table");
        assertEquals(inTransit.get("eventId").asText(), EventJson.readTree(dead.value()).get("eventId").asText(),
                "the event goes to the DLQ as received, ready to replay");
        assertTrue(TopicRecorder.header(dead, "dead-letter-reason").contains("no ORDER_PLACED for order " + orderId),
                TopicRecorder.header(dead, "dead-letter-reason"));
        assertEquals(Topics.ORDERS_LIFECYCLE, TopicRecorder.header(dead, "dead-letter-topic"));
    }

    /**
     * Two replicas' expiry jobs at once (two threads, each on its own database session, as two processes would be):
     * each expired event is dead-lettered once, not once per replica; and while one replica holds the job's lock, a
     * run of another expires nothing.
     */
    @Test
    void twoReplicasExpiringAtOnceDeadLetterEachEventOnce() throws Exception {
        String prefix = "ORD-TWICE-" + UUID.randomUUID().toString().substring(0, 8) + "-";
        List<String> orders = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            orders.add(prefix + i);
            send(EventType.SHIPMENT_IN_TRANSIT, Lifecycle.event(EventType.SHIPMENT_IN_TRANSIT, prefix + i,
                    Instant.now().minus(1, ChronoUnit.HOURS)));
        }
        Awaitility.await().atMost(WAIT).until(() -> orders.stream().mapToInt(this::waitingUnchecked).sum() == orders.size());
        Instant later = Instant.now().plus(15, ChronoUnit.DAYS);

        try (Connection other = dataSource.getConnection(); java.sql.Statement s = other.createStatement()) {
            s.execute("select pg_advisory_lock(" + io.postventa.orderstatus.service.ReplicaLock.key(EarlyEventExpiry.JOB) + ")");
            assertEquals(0, expiry.expire(later), "another replica holds the job: this one expires nothing");
            assertEquals(orders.size(), orders.stream().mapToInt(this::waitingUnchecked).sum(), "every event still waits");
            s.execute("select pg_advisory_unlock(" + io.postventa.orderstatus.service.ReplicaLock.key(EarlyEventExpiry.JOB) + ")");
        }

        java.util.concurrent.CyclicBarrier together = new java.util.concurrent.CyclicBarrier(2);
        java.util.concurrent.ExecutorService replicas = java.util.concurrent.Executors.newFixedThreadPool(2);
        try {
            List<java.util.concurrent.Future<Integer>> runs = new ArrayList<>();
            for (int r = 0; r < 2; r++) {
                runs.add(replicas.submit(() -> {
                    together.await();
                    return expiry.expire(later);
                }));
            }
            int expired = runs.get(0).get() + runs.get(1).get();
            assertTrue(expired >= orders.size(), "the two runs expired " + expired + " events in all");
        } finally {
            replicas.shutdownNow();
        }
        assertEquals(0, orders.stream().mapToInt(this::waitingUnchecked).sum(), "no event waits any more");
        deadLetters.await(r -> r.key() != null && r.key().startsWith(prefix), orders.size(), WAIT);
        Map<String, Long> perOrder = deadLetters.records().stream().filter(r -> r.key() != null && r.key().startsWith(prefix))
                .collect(java.util.stream.Collectors.groupingBy(ConsumerRecord::key, java.util.stream.Collectors.counting()));
        assertEquals(orders.size(), perOrder.size(), "every event was dead-lettered");
        assertTrue(perOrder.values().stream().allMatch(n -> n == 1), "dead-lettered once each: " + perOrder);
    }

    private int waitingUnchecked(String orderId) {
        try {
            return waiting(orderId);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private int waiting(String orderId) throws Exception {
        try (Connection c = dataSource.getConnection();
             PreparedStatement s = c.prepareStatement("select count(*) from pending_order_event where order_id = ?")) {
            s.setString(1, orderId);
            try (ResultSet rs = s.executeQuery()) {
                rs.next();
                return rs.getInt(1);
            }
        }
    }

    @Test
    void anEarlyEventThatPredatesThePlacementIsRejectedInTheTimelineAndChangesNothing() throws Exception {
        String orderId = "ORD-" + UUID.randomUUID();
        Instant t = Instant.now().minus(3, ChronoUnit.DAYS).truncatedTo(ChronoUnit.SECONDS);
        send(EventType.SHIPMENT_DELIVERED, Lifecycle.event(EventType.SHIPMENT_DELIVERED, orderId, t.minus(2, ChronoUnit.DAYS)));
        send(EventType.ORDER_PLACED, Lifecycle.placed(orderId, "CUST-" + UUID.randomUUID(), t));
        send(EventType.ORDER_PAID, Lifecycle.event(EventType.ORDER_PAID, orderId, t.plusSeconds(60)));

        assertEquals(List.of(PLACED, PAID), awaitChanges(orderId, 2).stream().map(OrderStatusChanged::newStatus).toList());
        assertTrue(timelineOutcomes(orderId).contains("REJECTED"), "kept in the timeline as rejected: " + timelineOutcomes(orderId));
    }

    @Test
    void thePurchaseNumberCountsTheCustomersPlacedOrders() {
        String customerId = "CUST-" + UUID.randomUUID();
        String first = "ORD-" + UUID.randomUUID();
        String second = "ORD-" + UUID.randomUUID();
        Instant t = Instant.now().minus(1, ChronoUnit.DAYS).truncatedTo(ChronoUnit.SECONDS);
        send(EventType.ORDER_PLACED, Lifecycle.placed(first, customerId, t));
        awaitChanges(first, 1);
        send(EventType.ORDER_PLACED, Lifecycle.placed(second, customerId, t.plusSeconds(60)));
        assertEquals(1, awaitChanges(first, 1).get(0).purchaseNumber());
        assertEquals(2, awaitChanges(second, 1).get(0).purchaseNumber(), "the customer's second order");
    }

    @Test
    void impossibleDatesAndBrokenRecordsGoToTheDeadLetterTopicWithTheReason() {
        String orderId = "ORD-" + UUID.randomUUID();
        Instant t = Instant.now().minus(3, ChronoUnit.DAYS).truncatedTo(ChronoUnit.SECONDS);
        send(EventType.ORDER_PLACED, Lifecycle.placed(orderId, "CUST-" + UUID.randomUUID(), t));
        awaitChanges(orderId, 1);

        ObjectNode deliveredBeforePlaced = Lifecycle.event(EventType.SHIPMENT_DELIVERED, orderId, t.minus(2, ChronoUnit.DAYS));
        send(EventType.SHIPMENT_DELIVERED, deliveredBeforePlaced);
        String negative = "ORD-" + UUID.randomUUID();
        ObjectNode negativeQuantity = Lifecycle.placed(negative, "CUST-1", t);
        ((ObjectNode) negativeQuantity.get("placed").get("lines").get(0)).put("quantity", -1);
        send(EventType.ORDER_PLACED, negativeQuantity);
        String unknown = "ORD-" + UUID.randomUUID();
        ObjectNode unknownType = Lifecycle.event(EventType.ORDER_PAID, unknown, t);
        unknownType.put("eventType", "ORDER_TELEPORTED");
        kafka.send(Topics.ORDERS_LIFECYCLE, unknown, unknownType.toString());

        ConsumerRecord<String, String> impossible = deadLetters.await(r -> orderId.equals(r.key()), 1, WAIT).get(0);
        String reason = TopicRecorder.header(impossible, "dead-letter-reason");
        assertTrue(reason.startsWith("SCHEMA_VIOLATION: $.occurredAt") && reason.contains("before the order was placed"), reason);
        String quantity = TopicRecorder.header(deadLetters.await(r -> negative.equals(r.key()), 1, WAIT).get(0), "dead-letter-reason");
        assertTrue(quantity.contains("$.placed.lines[0].quantity"), quantity);
        assertEquals("UNKNOWN_TYPE", TopicRecorder.header(deadLetters.await(r -> unknown.equals(r.key()), 1, WAIT).get(0),
                "dead-letter-reason-code"));
        assertEquals(1, Lifecycle.changes(statuses, orderId).size(), "the impossible delivery changed nothing");
    }

    private List<String> timelineOutcomes(String orderId) throws Exception {
        List<String> outcomes = new ArrayList<>();
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(
                "select outcome from order_timeline_entry where order_id = ? order by recorded_at, occurred_at")) {
            s.setString(1, orderId);
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    outcomes.add(rs.getString(1));
                }
            }
        }
        assertNotNull(outcomes);
        return outcomes;
    }
}
