package io.postventa.systemtests;

import static io.postventa.devstack.PlatformService.RETURNS;
import static io.postventa.devstack.PlatformService.TICKET;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.UUID;
import java.util.stream.Collectors;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.Test;

import io.postventa.devstack.DeadLetters;
import io.postventa.devstack.PlatformService;
import io.postventa.events.CloudEventHeaders;
import io.postventa.events.DeadLetterHeaders;
import io.postventa.events.Topics;

/**
 * Issue 32, poison: while the shop's traffic flows through the five services, every consumed topic gets one bad
 * record of each kind a producer can get wrong (about 1% of the 300 lifecycle events and status changes, a larger
 * share of the smaller topics): a value that is not JSON, a value that breaks its event type's schema, and a good
 * event under the wrong record key. Each is built from a real event of that topic
 * that a consumer applied (its type, source and headers; a fresh event id), so a consumer that handles the type reads
 * it. Every bad record must end in its topic's {@code .dlq} with a reason, every good record published meanwhile on
 * any topic must be applied by every consumer that handles its type (the processed-event tables against the topics),
 * no good record may be dead-lettered, and every service must still be ready.
 */
class PoisonSystemTest extends SystemTest {
    private static final List<String> CONSUMED = List.of(Topics.ORDERS_LIFECYCLE, Topics.CUSTOMERS, Topics.ORDER_STATUS,
            Topics.RETURN_REQUESTS, Topics.RETURN_DECISIONS, Topics.CONTACTS, Topics.NOTIFICATIONS, Topics.FEEDBACK);
    /** Orders per half of the traffic: 5 lifecycle events each, so the 3 bad records are about 1% of the orders'. */
    private static final int ORDERS_PER_HALF = Integer.getInteger("postventa.system-tests.poison-orders", 30);

    private record Rec(String topic, int partition, long offset, String key, String value, Map<String, String> headers) {
        String id() {
            return headers.get(CloudEventHeaders.ID);
        }

        String type() {
            return headers.get(CloudEventHeaders.TYPE);
        }
    }

    private record Poison(String topic, String id, String kind, String expectedCode) {
    }

    @Test
    void badRecordsOnEveryConsumedTopicAreDeadLetteredWithTheirReasonAndNoGoodEventIsLost() throws Exception {
        Map<TopicPartition, Long> start = endOffsets(allTopics());

        // first half of the traffic: customers, delivered orders, a contact and a return (every topic gets events)
        List<Shop.Order> orders = traffic(ORDERS_PER_HALF);
        Map<String, Rec> templates = new LinkedHashMap<>();
        await("every consumed topic has an event a consumer applied").atMost(WAIT.multipliedBy(2))
                .pollInterval(Duration.ofSeconds(2)).untilAsserted(() -> {
                    Set<String> applied = processed().values().stream().flatMap(Set::stream).collect(Collectors.toSet());
                    for (String topic : CONSUMED) {
                        if (!templates.containsKey(topic)) {
                            read(topic, start).stream().filter(r -> r.value() != null && r.id() != null
                                    && applied.contains(r.id())).findFirst().ifPresent(r -> templates.put(topic, r));
                        }
                    }
                    assertEquals(Set.copyOf(CONSUMED), templates.keySet(), "topics with an applied event so far");
                });

        // the bad records, in the middle of the stream
        List<Poison> poison = new ArrayList<>();
        for (Rec t : templates.values()) {
            poison.add(send(t, "not JSON", t.key(), "{\"broken\": ", "NOT_JSON"));
            poison.add(send(t, "breaks the schema", t.key(), "{\"unexpected\": true}", "SCHEMA_VIOLATION"));
            poison.add(send(t, "wrongly keyed", "wrong-key-" + UUID.randomUUID(), t.value(), "SCHEMA_VIOLATION"));
        }
        Set<String> poisonIds = poison.stream().map(Poison::id).collect(Collectors.toSet());

        // second half: the stream goes on behind the bad records
        orders.addAll(traffic(ORDERS_PER_HALF));

        // every bad record is in its dead-letter topic, with its reason, named by the consumer that gave up
        await("every bad record is dead-lettered").atMost(WAIT).pollInterval(Duration.ofSeconds(2)).untilAsserted(() -> {
            Map<String, List<Rec>> letters = letters(start);
            for (Poison p : poison) {
                List<Rec> mine = letters.getOrDefault(p.id(), List.of());
                assertFalse(mine.isEmpty(), "the " + p.kind() + " record " + p.id() + " on " + p.topic()
                        + " is in " + Topics.dlq(p.topic()));
                for (Rec l : mine) {
                    assertEquals(Topics.dlq(p.topic()), l.topic(), "a " + p.kind() + " record is in its own topic's dlq");
                    assertEquals(p.expectedCode(), l.headers().get(DeadLetterHeaders.REASON_CODE),
                            "the reason code of the " + p.kind() + " record: " + l.headers());
                    String reason = l.headers().get(DeadLetterHeaders.REASON);
                    assertTrue(reason != null && reason.startsWith(p.expectedCode() + ":"),
                            "the reason says what is wrong: " + reason);
                    assertTrue(l.headers().get(DeadLetterHeaders.CONSUMER_GROUP) != null,
                            "the letter names the consumer that gave up: " + l.headers());
                }
            }
        });

        // every good record is applied by every consumer that handles its type, and none is dead-lettered
        await("every good event is applied by its consumers").atMost(WAIT.multipliedBy(2))
                .pollInterval(Duration.ofSeconds(3)).untilAsserted(() -> {
                    Map<String, Set<String>> missing = unapplied(start, poisonIds);
                    assertTrue(missing.isEmpty(), "good events a consumer has not applied (consumer: event ids): "
                            + missing);
                });
        Map<String, List<Rec>> letters = letters(start);
        Set<String> goodDeadLettered = new TreeSet<>(letters.keySet());
        goodDeadLettered.removeAll(poisonIds);
        assertEquals(Set.of(), goodDeadLettered, "no good event is in a dead-letter topic");

        // every order's five lifecycle events are in its timeline, each once; every service is ready
        Map<String, long[]> timeline = new HashMap<>();
        try (Connection c = platform.connect(PlatformService.ORDER_STATUS); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("select order_id, count(distinct event_id), count(*) from order_timeline_entry"
                     + " group by order_id")) {
            while (rs.next()) {
                timeline.put(rs.getString(1), new long[] {rs.getLong(2), rs.getLong(3)});
            }
        }
        for (Shop.Order order : orders) {
            long[] n = timeline.getOrDefault(order.id(), new long[] {0, 0});
            assertEquals(5, n[0], "order " + order.id() + " has its five events in its timeline");
            assertEquals(5, n[1], "order " + order.id() + " has no event twice in its timeline");
        }
        HttpClient http = HttpClient.newHttpClient();
        for (PlatformService service : PlatformService.all()) {
            HttpResponse<String> ready = http.send(HttpRequest.newBuilder(URI.create(service.url() + "/q/health/ready"))
                    .timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString());
            assertEquals(200, ready.statusCode(), service.serviceName() + " is ready after the poison: " + ready.body());
        }
        try (DeadLetters tool = new DeadLetters(platform.stack().kafkaBootstrapServers(), Map.of())) {
            for (String topic : CONSUMED) {
                assertTrue(tool.topics().contains(Topics.dlq(topic)), "the dlq tool lists " + Topics.dlq(topic));
            }
        }
    }

    /** {@code n} customers, each with an order delivered days ago; one in ten also writes in and asks for a return. */
    private List<Shop.Order> traffic(int n) {
        List<Shop.Customer> out = new ArrayList<>();
        List<Shop.Order> orders = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            Shop.Customer customer = Shop.Customer.fresh(i % 2 == 0 ? "es" : "en");
            shop.upsert(customer);
            out.add(customer);
            orders.add(shop.order(customer.id()).deliveredAt(ReturnsSystemTest.daysAgo(3), "MUG-1", "home", "9.90"));
        }
        for (int i = 0; i < n; i += 10) {
            Shop.Customer customer = out.get(i);
            Shop.Order order = orders.get(i);
            Api.asCustomer(TICKET, customer.id()).header("Idempotency-Key", UUID.randomUUID().toString())
                    .body(Map.of("channel", "CHAT", "orderId", order.id(), "message", "Quiero cambiar la taza"))
                    .post("/api/v1/contacts").then().statusCode(201);
            ReturnsSystemTest.awaitReturnable(customer, order, "MUG-1");
            Api.asCustomer(RETURNS, customer.id()).header("Idempotency-Key", UUID.randomUUID().toString())
                    .body(Map.of("orderId", order.id(), "preferredResolution", "REFUND", "comment", "Rota",
                            "lines", List.of(Map.of("sku", "MUG-1", "quantity", 1, "reason", "DAMAGED"))))
                    .post("/api/v1/returns").then().statusCode(201);
        }
        return orders;
    }

    /** Sends a bad copy of {@code template}: its headers with a fresh event id, the given key and value. */
    private static Poison send(Rec template, String kind, String key, String value, String expectedCode) {
        String id = "poison-" + UUID.randomUUID();
        Map<String, String> headers = new HashMap<>(template.headers());
        headers.keySet().removeIf(k -> k.startsWith("dead-letter-"));
        headers.put(CloudEventHeaders.ID, id);
        kafka.send(template.topic(), key, value, headers);
        return new Poison(template.topic(), id, kind, expectedCode);
    }

    /**
     * For each consumer (a processed-event scope of a service), the good events published since {@code start} on its
     * topic, of the types it handles, that it has not applied. A consumer's topic is the one its applied events come
     * from; the types it handles are those of the events it applied.
     */
    private static Map<String, Set<String>> unapplied(Map<TopicPartition, Long> start, Set<String> poisonIds)
            throws Exception {
        Map<String, Rec> byId = new HashMap<>();
        for (String topic : CONSUMED) {
            for (Rec r : read(topic, start)) {
                if (r.id() != null && r.value() != null && !poisonIds.contains(r.id())) {
                    byId.putIfAbsent(r.id(), r);
                }
            }
        }
        Map<String, Set<String>> missing = new TreeMap<>();
        for (Map.Entry<String, Set<String>> e : processed().entrySet()) {
            Map<String, Long> topics = e.getValue().stream().map(byId::get).filter(r -> r != null)
                    .collect(Collectors.groupingBy(Rec::topic, Collectors.counting()));
            String topic = topics.entrySet().stream().max(Map.Entry.comparingByValue()).map(Map.Entry::getKey).orElse(null);
            if (topic == null) {
                continue;
            }
            Set<String> types = e.getValue().stream().map(byId::get).filter(r -> r != null && r.topic().equals(topic))
                    .map(Rec::type).collect(Collectors.toSet());
            Set<String> lost = byId.values().stream().filter(r -> r.topic().equals(topic) && types.contains(r.type()))
                    .map(Rec::id).filter(id -> !e.getValue().contains(id)).collect(Collectors.toCollection(TreeSet::new));
            if (!lost.isEmpty()) {
                missing.put(e.getKey(), lost);
            }
        }
        return missing;
    }

    /** Every service's applied event ids, by consumer (the processed-event table's scope, prefixed by the service). */
    private static Map<String, Set<String>> processed() throws Exception {
        Map<String, Set<String>> out = new TreeMap<>();
        for (PlatformService service : PlatformService.all()) {
            try (Connection c = platform.connect(service); Statement s = c.createStatement();
                 ResultSet rs = s.executeQuery("select consumer, event_id from processed_event")) {
                while (rs.next()) {
                    out.computeIfAbsent(service.serviceName() + "/" + rs.getString(1), k -> new HashSet<>())
                            .add(rs.getString(2));
                }
            }
        }
        return out;
    }

    /** The dead letters written since {@code start}, by the event id they carry. */
    private static Map<String, List<Rec>> letters(Map<TopicPartition, Long> start) {
        Map<String, List<Rec>> out = new HashMap<>();
        for (String topic : CONSUMED) {
            for (Rec r : read(Topics.dlq(topic), start)) {
                out.computeIfAbsent(String.valueOf(r.id()), k -> new ArrayList<>()).add(r);
            }
        }
        return out;
    }

    private static List<String> allTopics() {
        List<String> all = new ArrayList<>(CONSUMED);
        CONSUMED.forEach(t -> all.add(Topics.dlq(t)));
        kafka.createTopics(Set.copyOf(all));
        return all;
    }

    private static KafkaConsumer<String, String> consumer() {
        Properties p = new Properties();
        p.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, platform.stack().kafkaBootstrapServers());
        p.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        p.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        p.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        return new KafkaConsumer<>(p);
    }

    private static Map<TopicPartition, Long> endOffsets(List<String> topics) {
        try (KafkaConsumer<String, String> c = consumer()) {
            List<TopicPartition> partitions = new ArrayList<>();
            for (String t : topics) {
                c.partitionsFor(t, Duration.ofSeconds(30)).forEach(i -> partitions.add(new TopicPartition(t, i.partition())));
            }
            return new HashMap<>(c.endOffsets(partitions, Duration.ofSeconds(30)));
        }
    }

    /** The records of {@code topic} from {@code start} (a partition created since then: from its beginning) to its end now. */
    private static List<Rec> read(String topic, Map<TopicPartition, Long> start) {
        List<Rec> out = new ArrayList<>();
        try (KafkaConsumer<String, String> c = consumer()) {
            List<TopicPartition> partitions = c.partitionsFor(topic, Duration.ofSeconds(30)).stream()
                    .map(i -> new TopicPartition(topic, i.partition())).toList();
            c.assign(partitions);
            Map<TopicPartition, Long> end = c.endOffsets(partitions, Duration.ofSeconds(30));
            for (TopicPartition tp : partitions) {
                c.seek(tp, start.getOrDefault(tp, 0L));
            }
            long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
            while (partitions.stream().anyMatch(tp -> c.position(tp) < end.get(tp)) && System.nanoTime() < deadline) {
                for (ConsumerRecord<String, String> r : c.poll(Duration.ofMillis(500))) {
                    Map<String, String> headers = new TreeMap<>();
                    for (Header h : r.headers()) {
                        headers.put(h.key(), h.value() == null ? null : new String(h.value(), StandardCharsets.UTF_8));
                    }
                    out.add(new Rec(r.topic(), r.partition(), r.offset(), r.key(), r.value(), headers));
                }
            }
        }
        return out;
    }
}
