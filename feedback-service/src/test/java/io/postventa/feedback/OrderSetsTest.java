package io.postventa.feedback;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.common.utils.Utils;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

import io.postventa.events.EventJson;
import io.postventa.events.EventType;
import io.postventa.events.Topics;
import io.postventa.events.common.OrderLine;
import io.postventa.events.common.OrderStatus;
import io.postventa.events.common.SalesChannel;
import io.postventa.events.orderstatus.DelayCause;
import io.postventa.events.orderstatus.OrderDelayed;
import io.postventa.events.orderstatus.OrderStatusChanged;
import io.postventa.feedback.service.OrderFacts;
import io.postventa.messaging.inbox.IncomingEvent;
import io.postventa.testing.PostventaTestResource;
import io.postventa.testing.TestStack;
import io.postventa.testing.TopicRecorder;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;

/**
 * A poll of order-status.v1 is applied as sets ({@link OrderFacts#prepare}): its events must leave the order facts,
 * rollups, lines, locales, surveys and recovered detractors exactly as the same events one per poll. Each run uses its
 * own far-future day (years 3000-3899), so nothing else on the shared database falls into it.
 */
@QuarkusTest
@QuarkusTestResource(value = PostventaTestResource.class,
        initArgs = @ResourceArg(name = "database", value = "feedback"))
class OrderSetsTest extends FeedbackTestSupport {
    static final Duration WAIT = Duration.ofSeconds(120);

    @Inject
    OrderFacts orders;

    /** A fresh day of its own for each scenario. */
    static LocalDate freshDay() {
        return LocalDate.of(3000 + ThreadLocalRandom.current().nextInt(900), 1 + ThreadLocalRandom.current().nextInt(12), 10);
    }

    @Test
    void aPollWithSeveralEventsOfEachOrderLeavesTheSameFactsRollupsLocalesSurveysAndRecoveriesAsOneEventPerPoll() {
        LocalDate day = freshDay();
        String one = "ONE-" + UUID.randomUUID() + "-";
        String all = "ALL-" + UUID.randomUUID() + "-";

        Map<String, Long> before = kpis(day);
        detractorAnswers(one, day);
        for (IncomingEvent event : scenario(one, day)) {
            apply(List.of(event)); // one event per poll
        }
        Map<String, Long> afterOne = kpis(day);
        detractorAnswers(all, day);
        apply(scenario(all, day)); // the same events, all in one poll
        Map<String, Long> afterAll = kpis(day);

        Map<String, Long> countedOne = minus(afterOne, before);
        Map<String, Long> countedAll = minus(afterAll, afterOne);
        assertEquals(Map.of("orders", 5L, "units_ordered", 10L, "defective_orders", 2L, "recovered_detractors", 2L), countedOne,
                "one event per poll: 5 orders, 10 units (a repeated sku line too), 2 defective, 2 detractors recovered");
        assertEquals(countedOne, countedAll, "the day's counters");
        assertEquals(List.of("home|5", "toys|4"), rows(one, "select replace(category, ?, '') || '|' || units_ordered "
                + "from category_daily where category like ? || '%'"), "one event per poll: the categories (a repeated sku once)");
        for (String query : List.of(
                "select replace(order_id, ?, '') || '|' || replace(customer_id, ?, '') || '|' || coalesce(status, '-') || '|' "
                        + "|| coalesce(carrier, '-') || '|' || coalesce(delivered_at::text, '-') || '|' || delayed || '|' "
                        + "|| defect || '|' || coalesce(locale, '-') || '|' || coalesce(placed_at::text, '-') || '|' "
                        + "|| coalesce(placed_day::text, '-') from order_fact where order_id like ? || '%'",
                "select replace(order_id, ?, '') || '|' || replace(sku, ?, '') || '|' || replace(category, ?, '') || '|' "
                        + "|| quantity from order_line_fact where order_id like ? || '%'",
                "select replace(category, ?, '') || '|' || units_ordered || '|' || units_returned from category_daily "
                        + "where category like ? || '%'",
                "select replace(sku, ?, '') || '|' || day || '|' || units_ordered from sku_daily where sku like ? || '%'",
                "select replace(sku, ?, '') || '|' || day || '|' || units_ordered from sku_monthly where sku like ? || '%'",
                "select replace(customer_id, ?, '') || '|' || locale from customer_profile where customer_id like ? || '%'",
                "select replace(subject_id, ?, '') || '|' || replace(customer_id, ?, '') || '|' || kind || '|' || status "
                        + "|| '|' || triggered_at || '|' || due_at from survey where subject_id like ? || '%'",
                "select replace(survey_id, ?, '') || '|' || coalesce(recovered_at::text, '-') from answer "
                        + "where survey_id like ? || '%'")) {
            List<String> expected = rows(one, query);
            assertTrue(!expected.isEmpty(), "the scenario leaves rows for: " + query);
            assertEquals(expected, rows(all, query), query);
        }
        assertEquals(List.of("c1|es-ES", "c2|es-ES", "c3|pt-PT"), rows(all, "select replace(customer_id, ?, '') || '|' "
                + "|| locale from customer_profile where customer_id like ? || '%'"),
                "each customer's last locale in the poll's order, though c3's last event is its other order's first");
        assertEquals(List.of("o1|1", "o3|1"), rows(all, "select replace(subject_id, ?, '') || '|' || count(*) from survey "
                + "where subject_id like ? || '%' and subject_id not like ? || 'a%' group by subject_id"), "one NPS survey per delivered order");
    }

    @Test
    void aPollRepeatingAStoredLocaleNeitherWritesNorLocksTheCustomersProfile() {
        LocalDate day = freshDay();
        Instant at = day.atTime(10, 0).toInstant(ZoneOffset.UTC);
        String customer = id("CUST");
        apply(List.of(status(id("ORD"), customer, OrderStatus.PLACED, at, at, null, "en-GB", lines(id("SKU"), "home", 1))));
        String version = sql.one("select xmin::text || '/' || xmax::text from customer_profile where customer_id = ?",
                rs -> rs.getString(1), customer).orElseThrow();
        String order = id("ORD");
        apply(List.of(status(order, customer, OrderStatus.PLACED, at, at, null, "en-GB", lines(id("SKU"), "home", 1)),
                status(order, customer, OrderStatus.PAID, at.plusSeconds(60), at, null, "en-GB", lines(id("SKU"), "home", 1))));
        assertEquals(version, sql.one("select xmin::text || '/' || xmax::text from customer_profile where customer_id = ?",
                rs -> rs.getString(1), customer).orElseThrow(), "an unchanged locale must neither write nor lock the row");
    }

    @Test
    void aRedeliveredPollCountsNothingTwice() {
        LocalDate day = freshDay();
        Instant at = day.atTime(10, 0).toInstant(ZoneOffset.UTC);
        String prefix = "RE-" + UUID.randomUUID() + "-";
        List<String> ids = samePartition(prefix, 3); // one partition: in order, and mostly in one poll
        List<Object[]> sent = new ArrayList<>();
        for (int i = 1; i <= 3; i++) {
            String order = ids.get(i - 1);
            String customer = prefix + "c" + i;
            sent.add(new Object[] { order, UUID.randomUUID().toString(),
                    change(order, customer, OrderStatus.PLACED, at, at, null, "es-ES", lines(prefix + "sku", prefix + "cat", 2)) });
            sent.add(new Object[] { order, UUID.randomUUID().toString(),
                    change(order, customer, OrderStatus.DELIVERED, at.plus(Duration.ofDays(2)), at, "SEUR", "es-ES",
                            lines(prefix + "sku", prefix + "cat", 2)) });
        }
        for (Object[] event : sent) {
            redeliver(EventType.ORDER_STATUS_CHANGED, (String) event[0], (String) event[1], event[2]);
        }
        Awaitility.await().atMost(WAIT).until(() -> rows(prefix, "select subject_id from survey where subject_id like ? || '%'")
                .size() == 3);
        Map<String, Long> counted = kpis(day);
        assertEquals(Map.of("orders", 3L, "units_ordered", 6L, "defective_orders", 0L, "recovered_detractors", 0L), counted);

        for (Object[] event : sent) {
            redeliver(EventType.ORDER_STATUS_CHANGED, (String) event[0], (String) event[1], event[2]); // the same ids again
        }
        // a new event after them on the same partition: once it is applied, so were the redeliveries before it
        String last = ids.get(2);
        send(EventType.ORDER_STATUS_CHANGED, last, change(last, prefix + "c3", OrderStatus.RETURNED, at.plus(Duration.ofDays(9)),
                at, null, "es-ES", lines(prefix + "sku", prefix + "cat", 2)));
        Awaitility.await().atMost(WAIT).until(() -> sql.one("select 1 from order_fact where order_id = ? and status = 'RETURNED'",
                rs -> 1, last).isPresent());
        assertEquals(counted, kpis(day), "the redelivered poll counted nothing again");
        assertEquals(List.of("cat|6"), rows(prefix, "select replace(category, ?, '') || '|' || units_ordered from category_daily "
                + "where category like ? || '%'"));
        assertEquals(List.of("sku|6"), rows(prefix, "select replace(sku, ?, '') || '|' || units_ordered from sku_daily "
                + "where sku like ? || '%'"));
        assertEquals(List.of("1", "1", "1"), rows(prefix, "select count(*)::text from survey where subject_id like ? || '%' "
                + "group by subject_id"), "one survey per delivered order");
    }

    @Test
    void aPollWithAnEventThatCannotBeAppliedDeadLettersItAndAppliesTheOthers() {
        LocalDate day = freshDay();
        Instant at = day.atTime(10, 0).toInstant(ZoneOffset.UTC);
        String prefix = "BAD-" + UUID.randomUUID() + "-";
        List<String> ids = samePartition(prefix, 3); // one partition: in order, and mostly in one poll
        String o1 = ids.get(0), o2 = ids.get(1), o3 = ids.get(2);
        String badId = UUID.randomUUID().toString();
        try (TopicRecorder dlq = kafka.record(Topics.dlq(Topics.ORDER_STATUS))) {
            send(EventType.ORDER_STATUS_CHANGED, o1, change(o1, prefix + "c1", OrderStatus.PLACED, at, at, null, "es-ES",
                    lines(prefix + "sku", prefix + "cat", 1)));
            // valid for the schema (an integer of at least 1), yet no order line's quantity: it cannot be applied
            String bad = EventJson.toJson(change(o2, prefix + "c2", OrderStatus.PLACED, at, at, null, "es-ES",
                    lines(prefix + "sku", prefix + "cat", 1))).replace("\"quantity\":1", "\"quantity\":3000000000");
            assertTrue(bad.contains("3000000000"), bad);
            kafka.sendEvent(EventType.ORDER_STATUS_CHANGED, o2, badId, bad, Instant.now());
            send(EventType.ORDER_STATUS_CHANGED, o3, change(o3, prefix + "c3", OrderStatus.PLACED, at, at, null, "es-ES",
                    lines(prefix + "sku", prefix + "cat", 1)));
            send(EventType.ORDER_STATUS_CHANGED, o1, change(o1, prefix + "c1", OrderStatus.SHIPPED, at.plus(Duration.ofDays(1)),
                    at, "SEUR", "es-ES", lines(prefix + "sku", prefix + "cat", 1)));

            ConsumerRecord<String, String> dead = dlq.await(r -> badId.equals(TopicRecorder.header(r, "ce_id")), 1, WAIT).get(0);
            assertEquals("PROCESSING_FAILED", TopicRecorder.header(dead, "dead-letter-reason-code"));
        }
        Awaitility.await().atMost(WAIT).until(() -> sql.one("select 1 from order_fact where order_id = ? and status = 'SHIPPED'",
                rs -> 1, o1).isPresent());
        assertEquals(List.of(o1 + "|SHIPPED", o3 + "|PLACED"), rows(prefix, "select order_id || '|' || status "
                + "from order_fact where order_id like ? || '%'"), "the bad event's order is not stored, the others are");
        assertEquals(List.of("cat|2"), rows(prefix, "select replace(category, ?, '') || '|' || units_ordered from category_daily "
                + "where category like ? || '%'"));
        assertEquals(2L, kpis(day).get("orders"));
    }

    /** {@code n} order ids under {@code prefix} that order-status.v1's partitioner puts on one partition. */
    private static List<String> samePartition(String prefix, int n) {
        int partitions;
        Properties props = new Properties();
        props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, TestStack.get().kafkaBootstrapServers());
        props.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        props.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(props)) {
            partitions = producer.partitionsFor(Topics.ORDER_STATUS).size();
        }
        List<String> ids = new ArrayList<>();
        int wanted = -1;
        for (int i = 0; ids.size() < n; i++) {
            String id = prefix + "o" + i;
            int partition = Utils.toPositive(Utils.murmur2(id.getBytes(StandardCharsets.UTF_8))) % partitions;
            if (wanted < 0) {
                wanted = partition;
            }
            if (partition == wanted) {
                ids.add(id);
            }
        }
        return ids;
    }

    // the scenario ---------------------------------------------------------------------------------------------------

    /**
     * Five orders of three customers, every id under {@code p}, in the order a poll could carry them (each order's
     * events in their order, the orders interleaved): a delay with a shipment exception before its order's first
     * status, an order whose lines repeat a sku, a delivery exception after placement, a delay between statuses that
     * brings a carrier, two deliveries, and a customer whose last event is its second order's first.
     */
    private static List<IncomingEvent> scenario(String p, LocalDate day) {
        Instant t0 = day.atTime(10, 0).toInstant(ZoneOffset.UTC);
        Instant t1 = t0.plus(Duration.ofHours(1));
        Instant t2 = t0.plus(Duration.ofHours(2));
        String o1 = p + "o1", o2 = p + "o2", o3 = p + "o3", o4 = p + "o4", o5 = p + "o5";
        String c1 = p + "c1", c2 = p + "c2", c3 = p + "c3";
        String s1 = p + "s1", s2 = p + "s2", s3 = p + "s3", home = p + "home", toys = p + "toys";
        List<OrderLine> lines1 = List.of(line(s1, home, 2), line(s2, toys, 1), line(s1, home, 1));
        List<OrderLine> lines2 = lines(s3, home, 1);
        List<OrderLine> lines3 = lines(s2, toys, 3);
        List<OrderLine> lines4 = lines(s1, home, 1);
        List<OrderLine> lines5 = lines(s3, home, 1);
        return List.of(
                delay(o3, c2, DelayCause.SHIPMENT_EXCEPTION, t0, null, "es-ES"),
                status(o1, c1, OrderStatus.PLACED, t0, t0, null, "es-ES", lines1),
                status(o2, c1, OrderStatus.PLACED, t1, t1, null, "pt-PT", lines2),
                status(o4, c3, OrderStatus.PLACED, t0, t0, null, "en-GB", lines4),
                status(o3, c2, OrderStatus.PLACED, t0.plusSeconds(60), t0, null, "es-ES", lines3),
                status(o1, c1, OrderStatus.PAID, t0.plusSeconds(120), t0, null, "es-ES", lines1),
                status(o2, c1, OrderStatus.EXCEPTION, t2, t1, "SEUR", "pt-PT", lines2),
                delay(o4, c3, DelayCause.PROMISED_DATE_PASSED, t0.plus(Duration.ofDays(3)), "MRW", "en-GB"),
                status(o3, c2, OrderStatus.SHIPPED, t0.plus(Duration.ofDays(1)), t0, "SEUR", "es-ES", lines3),
                status(o1, c1, OrderStatus.SHIPPED, t0.plus(Duration.ofDays(1)), t0, "SEUR", "es-ES", lines1),
                status(o4, c3, OrderStatus.SHIPPED, t0.plus(Duration.ofDays(4)), t0, "CTT", "en-GB", lines4),
                status(o3, c2, OrderStatus.DELIVERED, t0.plus(Duration.ofDays(2)), t0, null, "es-ES", lines3),
                status(o1, c1, OrderStatus.DELIVERED, t0.plus(Duration.ofDays(2)), t0, "SEUR", "es-ES", lines1),
                status(o5, c3, OrderStatus.PLACED, t2, t2, null, "pt-PT", lines5));
    }

    /** Two detractor answers of the scenario's first customer, before each of its two orders. */
    private void detractorAnswers(String p, LocalDate day) {
        Instant t0 = day.atTime(10, 0).toInstant(ZoneOffset.UTC);
        int n = 0;
        for (Instant answered : List.of(t0.minus(Duration.ofHours(1)), t0.plus(Duration.ofMinutes(30)))) {
            String survey = p + "a" + ++n;
            sql.update("insert into survey (survey_id, customer_id, kind, trigger, subject_id, status, triggered_at, due_at) "
                    + "values (?, ?, 'NPS', 'ORDER_DELIVERED', ?, 'ANSWERED', ?, ?)", survey, p + "c1", survey,
                    answered.minus(Duration.ofDays(8)), answered.minus(Duration.ofDays(1)));
            sql.update("insert into answer (survey_id, customer_id, kind, trigger, score, answered_at, day, detractor) "
                    + "values (?, ?, 'NPS', 'ORDER_DELIVERED', 2, ?, ?, true)", survey, p + "c1", answered, day);
        }
    }

    /** Applies the events as the order-status consumer applies a poll: prepare, then each event, in one transaction. */
    private void apply(List<IncomingEvent> events) {
        QuarkusTransaction.requiringNew().run(() -> {
            orders.prepare(events);
            events.forEach(orders::onOrderStatus);
        });
    }

    private Map<String, Long> kpis(LocalDate day) {
        return sql.one("select orders, units_ordered, defective_orders, recovered_detractors from kpi_daily where day = ?",
                rs -> Map.of("orders", rs.getLong(1), "units_ordered", rs.getLong(2), "defective_orders", rs.getLong(3),
                        "recovered_detractors", rs.getLong(4)), day)
                .orElse(Map.of("orders", 0L, "units_ordered", 0L, "defective_orders", 0L, "recovered_detractors", 0L));
    }

    private static Map<String, Long> minus(Map<String, Long> a, Map<String, Long> b) {
        return Map.of("orders", a.get("orders") - b.get("orders"), "units_ordered", a.get("units_ordered") - b.get("units_ordered"),
                "defective_orders", a.get("defective_orders") - b.get("defective_orders"),
                "recovered_detractors", a.get("recovered_detractors") - b.get("recovered_detractors"));
    }

    /** The rows of a query whose every {@code ?} is the prefix, sorted. */
    private List<String> rows(String prefix, String query) {
        long marks = query.chars().filter(c -> c == '?').count();
        return sql.list(query, rs -> rs.getString(1), java.util.Collections.nCopies((int) marks, prefix).toArray())
                .stream().sorted().toList();
    }

    private static OrderLine line(String sku, String category, int quantity) {
        return new OrderLine(sku, "Product " + sku, category, new BigDecimal("10.00"), quantity);
    }

    private static List<OrderLine> lines(String sku, String category, int quantity) {
        return List.of(line(sku, category, quantity));
    }

    private static IncomingEvent status(String orderId, String customerId, OrderStatus status, Instant at, Instant placedAt,
            String carrier, String locale, List<OrderLine> lines) {
        return event(EventType.ORDER_STATUS_CHANGED, change(orderId, customerId, status, at, placedAt, carrier, locale, lines));
    }

    private static OrderStatusChanged change(String orderId, String customerId, OrderStatus status, Instant at,
            Instant placedAt, String carrier, String locale, List<OrderLine> lines) {
        return new OrderStatusChanged(orderId, customerId, at, null, status, UUID.randomUUID().toString(), 1, locale,
                SalesChannel.WEB, "EUR", new BigDecimal("30.00"), lines, placedAt, null, carrier,
                carrier == null ? null : "TRK-1", null, status == OrderStatus.DELIVERED ? at : null,
                status == OrderStatus.EXCEPTION ? "DAMAGED_IN_TRANSIT" : null);
    }

    private static IncomingEvent delay(String orderId, String customerId, DelayCause cause, Instant at, String carrier,
            String locale) {
        return event(EventType.ORDER_DELAYED, new OrderDelayed(orderId, customerId, at, cause, OrderStatus.SHIPPED,
                LocalDate.ofInstant(at, ZoneOffset.UTC), null, cause == DelayCause.SHIPMENT_EXCEPTION ? "LOST" : null, 1,
                locale, carrier, null));
    }

    private static IncomingEvent event(EventType type, Object payload) {
        return new IncomingEvent(UUID.randomUUID().toString(), type, "test", null, Instant.now(), null, type.topic(), 0, 0,
                EventJson.readTree(EventJson.toJson(payload)));
    }
}
