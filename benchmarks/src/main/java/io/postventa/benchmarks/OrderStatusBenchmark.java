package io.postventa.benchmarks;

import java.math.BigDecimal;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;

import com.fasterxml.jackson.databind.JsonNode;

import io.postventa.benchmarks.load.BenchEvents;
import io.postventa.benchmarks.load.Producer;
import io.postventa.benchmarks.load.Shop;
import io.postventa.benchmarks.measure.Await;
import io.postventa.benchmarks.measure.Ceilings;
import io.postventa.benchmarks.measure.Latencies;
import io.postventa.benchmarks.measure.Machine;
import io.postventa.benchmarks.measure.Report;
import io.postventa.benchmarks.measure.StackCpu;
import io.postventa.benchmarks.stack.BenchStack;
import io.postventa.benchmarks.stack.Tap;
import io.postventa.devstack.PlatformService;
import io.postventa.events.EventJson;
import io.postventa.events.EventType;
import io.postventa.events.Topics;
import io.postventa.events.common.OrderLine;
import io.postventa.events.orders.OrderLifecycleEvent;
import io.postventa.events.orders.OrderLifecycleEventType;
import io.postventa.events.orders.OrderPlacedDetails;
import io.postventa.events.orders.PaymentDetails;
import io.postventa.events.orders.ShipmentDetails;
import io.postventa.testing.TopicRecorder;

/**
 * Lifecycle events per second through order-status-service on one instance, from
 * {@code orders.lifecycle.v1} to the relayed {@code order-status.changed} on {@code order-status.v1}
 * (consume, apply to the order, write the timeline and the outbox row in the poll's transaction,
 * then the embedded Debezium relay), next to Kafka's and PostgreSQL's ceilings measured in the same
 * run. Goal (issue #4): at least 5,000 events/s, and p99 under 250 ms at 1,000 events/s.
 *
 * <p>The service runs from its packaged jar as its own process, on its own Kafka and PostgreSQL.
 * Every order goes through a real life: ORDER_PLACED (one to four lines, repeat and first-time
 * customers), ORDER_PAID, ORDER_PACKED, ORDER_SHIPPED, SHIPMENT_IN_TRANSIT,
 * SHIPMENT_OUT_FOR_DELIVERY, SHIPMENT_DELIVERED, each a real transition, so each event must come out
 * as one order-status.changed.
 * <ol>
 * <li><b>Throughput (closed loop).</b> {@code --events} events (default 70,000 = 10,000 orders,
 * produced a thousand orders' stage at a time, so many orders are in flight) are on the topic before
 * the service starts; the clock runs from the first event the service applies (its
 * {@code recorded_at} in the timeline) to the arrival of the last expected order-status.changed.
 * The timeline's timestamps also give the consumer's own rate, and the arrivals the relay's, so the
 * table shows which of the two limits.</li>
 * <li><b>Latency (open loop).</b> {@code --rate} events/s (default 1,000) for {@code --seconds}
 * (default 30) after 5 s of warm-up, sent on schedule whatever the service does; each order's
 * stages half a second apart. Latency is from the inbound record's timestamp to the arrival of the
 * order-status.changed that names it ({@code sourceEventId}), split at the time the service applied
 * it and the time the relay sent the outgoing record.</li>
 * </ol>
 * {@code --max-poll-records N} and {@code --fetch-max-wait-ms N} override the consumer's settings
 * for the run (as -D properties of the service process).
 */
public final class OrderStatusBenchmark {
    private static final OrderLifecycleEventType[] STAGES = {OrderLifecycleEventType.ORDER_PLACED,
            OrderLifecycleEventType.ORDER_PAID, OrderLifecycleEventType.ORDER_PACKED, OrderLifecycleEventType.ORDER_SHIPPED,
            OrderLifecycleEventType.SHIPMENT_IN_TRANSIT, OrderLifecycleEventType.SHIPMENT_OUT_FOR_DELIVERY,
            OrderLifecycleEventType.SHIPMENT_DELIVERED};
    private static final String[] PAYMENT_METHODS = {"card", "card", "card", "paypal", "bizum", "apple-pay"};
    private static final String[] HUBS = {"Madrid hub", "Barcelona hub", "Valencia hub", "Zaragoza hub", "Sevilla hub"};
    private static final ZoneId STORE_ZONE = ZoneId.of("Europe/Madrid");
    private static final String CHANNEL = "mp.messaging.incoming.orders-lifecycle.";

    private OrderStatusBenchmark() {
    }

    /** One order as the platform knows it, to produce its lifecycle from. */
    private record Order(String orderId, OrderPlacedDetails placed, String carrier, String tracking, String payment) {
    }

    public static void main(String[] args) throws Exception {
        Options options = Options.parse("order-status", "Lifecycle events/s through one order-status-service (from "
                + "orders.lifecycle.v1 to the relayed order-status.changed), and the latency at a fixed rate.", args);
        int events = options.integer("events", 70_000, "events on the topic before the service starts (throughput; "
                + "rounded to whole orders of 7 stages)");
        int rate = options.integer("rate", 1000, "events/s sent on schedule (latency)");
        int seconds = options.integer("seconds", 30, "length of the latency phase, after 5 s of warm-up");
        Map<String, String> overrides = new LinkedHashMap<>();
        for (String setting : List.of("max.poll.records", "fetch.max.wait.ms")) {
            String value = options.text(setting.replace(".", "-"), null,
                    "the service consumer's " + setting + " for the run (default: the service's own)");
            if (value != null) {
                overrides.put(CHANNEL + setting, value);
            }
        }
        Machine machine = options.start("order-status-service benchmark");
        int orders = Math.max(1, events / STAGES.length);
        try (BenchStack stack = BenchStack.fresh(); Producer producer = new Producer(stack.kafka(), 1)) {
            Shop shop = new Shop(4L, UUID.randomUUID().toString().substring(0, 6), 3000, 0.6);
            Ceilings ceilings = Ceilings.measure(stack.info(), averageBytes(shop));
            System.out.printf("Throughput: %,d lifecycle events of %,d orders on %s before the service starts...%n",
                    orders * STAGES.length, orders, Topics.ORDERS_LIFECYCLE);
            Map<String, Object> throughput = throughput(stack, producer, shop, orders, overrides);
            System.out.printf("Latency: %,d events/s for %d s (after 5 s of warm-up)...%n", rate, seconds);
            Map<String, Object> latency = latency(stack, producer, shop, rate, seconds);
            report(options.report(machine), ceilings, overrides, throughput, latency, rate).write();
        }
        System.exit(0);
    }

    private static Report report(Report report, Ceilings ceilings, Map<String, String> overrides,
            Map<String, Object> throughput, Map<String, Object> latency, int rate) {
        double kafkaRate = ceilings.kafkaRecordsPerSecond();
        double endToEnd = (double) throughput.get("eventsPerSecond");
        double consumed = (double) throughput.get("consumerEventsPerSecond");
        double relayed = (double) throughput.get("relayEventsPerSecond");
        Map<?, ?> lat = (Map<?, ?>) latency.get("inboundToRelayed");
        Map<?, ?> applied = (Map<?, ?>) latency.get("inboundToApplied");
        Map<?, ?> sent = (Map<?, ?>) latency.get("inboundToRelaySend");
        // events still not relayed when the run gave up waiting count as slower than any that came
        int missing = (int) latency.get("eventsNeverRelayed");
        int measuredEvents = (int) latency.get("eventsMeasured");
        boolean censored = missing > measuredEvents / 100;
        double p99 = censored ? Double.POSITIVE_INFINITY : (double) lat.get("p99Ms");
        double maxMs = (double) lat.get("maxMs");
        latency.put("p99Censored", censored);
        double pg1Rate = ceilings.commitsPerSecond1();
        return ceilings.addTo(report)
                .put("service", "order-status-service, one instance, from its packaged jar")
                .put("consumerOverrides", overrides)
                .put("throughput", throughput)
                .put("latency", latency)
                .put("goals", Map.of("eventsPerSecond", 5_000, "p99MsAt1000PerSecond", 250))
                .put("ratios", Map.of("eventsPerSecondToGoal", Latencies.round2(endToEnd / 5_000),
                        "p99ToGoal", censored ? "over " + Latencies.round2(maxMs / 250) : Latencies.round2(p99 / 250),
                        "eventsPerSecondToKafkaCeiling", Latencies.round2(endToEnd / kafkaRate)))
                .row("events/s, topic to relayed topic", Report.number(endToEnd), "goal 5,000", Report.ratio(endToEnd, 5_000))
                .row("  consumer: applied and committed/s", Report.number(consumed), "Kafka producer ceiling",
                        Report.ratio(consumed, kafkaRate))
                .row("  relay: order-status.changed arriving/s", Report.number(relayed), "Kafka producer ceiling",
                        Report.ratio(relayed, kafkaRate))
                .row("  poll transactions/s (mean events each)", Report.number((double) throughput.get("transactionsPerSecond"))
                        + " (" + Report.number((double) throughput.get("meanEventsPerTransaction")) + ")",
                        "PostgreSQL commits/s, 1 client", Report.ratio((double) throughput.get("transactionsPerSecond"), pg1Rate))
                .row("inbound-to-applied p99 @ " + rate + "/s", Report.ms((double) applied.get("p99Ms")), "", "")
                .row("inbound-to-relay-send p99 @ " + rate + "/s", Report.ms((double) sent.get("p99Ms")), "", "")
                .row("inbound-to-relayed p50 @ " + rate + "/s", Report.ms((double) lat.get("p50Ms")), "", "")
                .row("inbound-to-relayed p99 @ " + rate + "/s", censored ? "> " + Report.ms(maxMs) : Report.ms(p99),
                        "goal p99 < 250 ms", censored ? "> " + Report.ratio(maxMs, 250) : Report.ratio(p99, 250))
                .row("measured events never relayed (30 s wait)", Report.number(missing), "of " + measuredEvents, "")
                .row("inbound-to-relayed max @ " + rate + "/s", Report.ms(maxMs), "", "")
                .row("achieved rate (events/s)", Report.number((double) latency.get("achievedPerSecond")), "target " + rate,
                        Report.ratio((double) latency.get("achievedPerSecond"), rate));
    }

    /** Produces the whole backlog, starts the service, and waits for every expected order-status.changed. */
    private static Map<String, Object> throughput(BenchStack bench, Producer producer, Shop shop, int orders,
            Map<String, String> overrides) throws Exception {
        int events = orders * STAGES.length;
        AtomicInteger arrived = new AtomicInteger();
        AtomicLong firstArrival = new AtomicLong();
        AtomicLong lastArrival = new AtomicLong();
        Tap tap = bench.tap(Topics.ORDER_STATUS, (r, at) -> {
            if (EventType.ORDER_STATUS_CHANGED.ceType().equals(TopicRecorder.header(r, "ce_type"))) {
                firstArrival.compareAndSet(0, at);
                lastArrival.set(at);
                arrived.incrementAndGet();
            }
        });
        // Many orders in flight: a block of orders gets its first stage, then its second, and so on.
        Instant placedAt = Instant.now().minus(Duration.ofMinutes(90));
        long produceStart = System.nanoTime();
        int block = 1000;
        for (int from = 0; from < orders; from += block) {
            List<Order> batch = new ArrayList<>();
            for (int i = from; i < Math.min(orders, from + block); i++) {
                batch.add(order(shop, placedAt.plusMillis(i)));
            }
            for (int stage = 0; stage < STAGES.length; stage++) {
                for (Order o : batch) {
                    OrderLifecycleEvent e = event(shop, o, stage, placedAt.plus(Duration.ofMinutes(10L * stage)));
                    producer.send(BenchEvents.contract(EventType.of(e.eventType()), o.orderId(), e.eventId(), e,
                            e.occurredAt()));
                }
            }
        }
        producer.flush();
        double produceSeconds = (System.nanoTime() - produceStart) / 1e9;
        System.out.printf("  %,d events on the topic in %.1f s; starting order-status-service...%n", events, produceSeconds);

        long startAsked = System.currentTimeMillis();
        bench.startService(PlatformService.ORDER_STATUS, overrides);
        StackCpu.Reading cpuStart = bench.cpu();
        long deadline = System.nanoTime() + Duration.ofMinutes(6).toNanos();
        int lastPrinted = 0;
        while (arrived.get() < events && System.nanoTime() < deadline) {
            Thread.sleep(200);
            if (arrived.get() - lastPrinted >= 10_000) {
                lastPrinted = arrived.get();
                System.out.printf("  %,d of %,d order-status.changed arrived%n", lastPrinted, events);
            }
        }
        StackCpu.Reading cpuEnd = bench.cpu();
        tap.close();
        if (arrived.get() < events) {
            throw new IllegalStateException("only " + arrived.get() + " of " + events + " order-status.changed arrived");
        }
        Thread.sleep(1000); // the last poll's commit may come a moment after its outbox rows were relayed
        long firstApplied;
        long lastApplied;
        long transactions;
        try (Connection c = bench.db("order_status"); Statement s = c.createStatement();
             ResultSet r = s.executeQuery("select (extract(epoch from min(recorded_at)) * 1000)::bigint,"
                     + " (extract(epoch from max(recorded_at)) * 1000)::bigint, count(distinct xmin::text)"
                     + " from order_timeline_entry")) {
            r.next();
            firstApplied = r.getLong(1);
            lastApplied = r.getLong(2);
            transactions = r.getLong(3);
        }
        double endToEndSeconds = (lastArrival.get() - firstApplied) / 1000.0;
        double consumerSeconds = Math.max(0.001, (lastApplied - firstApplied) / 1000.0);
        double relaySeconds = (lastArrival.get() - firstArrival.get()) / 1000.0;
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("orders", orders);
        out.put("events", events);
        out.put("produceSeconds", Latencies.round(produceSeconds));
        out.put("secondsFromStartToFirstApplied", Latencies.round((firstApplied - startAsked) / 1000.0));
        out.put("secondsFromFirstAppliedToLastRelayed", Latencies.round(endToEndSeconds));
        out.put("eventsPerSecond", events / endToEndSeconds);
        out.put("consumerEventsPerSecond", events / consumerSeconds);
        out.put("relayEventsPerSecond", (events - 1) / relaySeconds);
        out.put("relayLagAtEndSeconds", Latencies.round((lastArrival.get() - lastApplied) / 1000.0));
        // the rows' xmin is the id of the transaction that wrote them: one per poll the consumer applied
        out.put("transactions", transactions);
        out.put("transactionsPerSecond", transactions / consumerSeconds);
        out.put("meanEventsPerTransaction", events / (double) Math.max(1, transactions));
        out.put("cpu", cpuEnd.since(cpuStart));
        return out;
    }

    /** Sends lifecycle events on a fixed schedule and times each one to its relayed order-status.changed. */
    private static Map<String, Object> latency(BenchStack bench, Producer producer, Shop shop, int rate, int seconds)
            throws Exception {
        int warmup = 5;
        int perSecond = Math.max(1, rate / (2 * STAGES.length)); // orders started per half second of stage spacing
        int orders = (int) Math.ceil((double) (warmup + seconds) * rate / STAGES.length);
        Map<String, Long> sentAt = new ConcurrentHashMap<>();
        Map<String, long[]> timings = new ConcurrentHashMap<>(); // eventId -> {sent, relaySend, arrived}
        Tap tap = bench.tap(Topics.ORDER_STATUS, (r, at) -> {
            if (!EventType.ORDER_STATUS_CHANGED.ceType().equals(TopicRecorder.header(r, "ce_type"))) {
                return;
            }
            JsonNode data = EventJson.readTree(r.value());
            String source = data.path("sourceEventId").asText();
            Long sent = sentAt.remove(source);
            if (sent != null) {
                timings.put(source, new long[] {sent, r.timestamp(), at});
            }
        });
        List<Order> all = new ArrayList<>(orders);
        for (int i = 0; i < orders; i++) {
            all.add(null);
        }
        long start = System.nanoTime() + 500_000_000L;
        long warmupEnd = start + Duration.ofSeconds(warmup).toNanos();
        long measureEnd = warmupEnd + Duration.ofSeconds(seconds).toNanos();
        int sent = 0;
        int sentMeasured = 0;
        long firstMeasured = 0;
        long lastMeasured = 0;
        StackCpu.Reading cpuStart = null;
        StackCpu.Reading cpuEnd = null;
        // slot n = 7 m + s carries stage s of order m - s * perSecond: stages of an order half a second apart
        long intervalNanos = 1_000_000_000L / rate;
        for (long n = 0; ; n++) {
            int stage = (int) (n % STAGES.length);
            long k = n / STAGES.length - (long) stage * perSecond;
            if (k >= orders && stage == STAGES.length - 1) {
                break;
            }
            if (k < 0 || k >= orders) {
                continue;
            }
            long due = start + n * intervalNanos;
            long wait = due - System.nanoTime();
            if (wait > 0) {
                LockSupport.parkNanos(wait);
            }
            Order o = all.get((int) k);
            if (o == null) {
                o = order(shop, Instant.now());
                all.set((int) k, o);
            }
            OrderLifecycleEvent e = event(shop, o, stage, Instant.now());
            long now = System.nanoTime();
            boolean measured = now >= warmupEnd && now < measureEnd;
            if (measured) {
                if (firstMeasured == 0) {
                    firstMeasured = now;
                    cpuStart = bench.cpu();
                }
                lastMeasured = now;
                sentMeasured++;
            } else if (now >= measureEnd && cpuEnd == null) {
                cpuEnd = bench.cpu();
            }
            long ts = System.currentTimeMillis();
            if (measured) {
                sentAt.put(e.eventId(), ts);
            }
            producer.send(BenchEvents.contract(EventType.of(e.eventType()), o.orderId(), e.eventId(), e, e.occurredAt()), ts);
            sent++;
        }
        producer.flush();
        if (cpuEnd == null) {
            cpuEnd = bench.cpu();
        }
        Await.until(Duration.ofSeconds(30), sentAt::isEmpty);
        tap.close();

        // when the service applied each measured event (its timeline's recorded_at)
        Map<String, Long> appliedAt = new ConcurrentHashMap<>();
        try (Connection c = bench.db("order_status"); PreparedStatement q = c.prepareStatement(
                "select event_id, (extract(epoch from recorded_at) * 1000)::bigint from order_timeline_entry"
                        + " where event_id = any(?)")) {
            Array ids = c.createArrayOf("varchar", timings.keySet().toArray());
            q.setArray(1, ids);
            try (ResultSet r = q.executeQuery()) {
                while (r.next()) {
                    appliedAt.put(r.getString(1), r.getLong(2));
                }
            }
        }
        double[] total = new double[timings.size()];
        double[] applied = new double[timings.size()];
        double[] relaySend = new double[timings.size()];
        int i = 0;
        for (Map.Entry<String, long[]> t : timings.entrySet()) {
            long[] v = t.getValue();
            total[i] = v[2] - v[0];
            relaySend[i] = v[1] - v[0];
            applied[i] = appliedAt.getOrDefault(t.getKey(), v[1]) - v[0];
            i++;
        }
        double measuredSeconds = Math.max(0.001, (lastMeasured - firstMeasured) / 1e9);
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("targetPerSecond", rate);
        out.put("seconds", seconds);
        out.put("warmupSeconds", warmup);
        out.put("orderStagesApartMs", 1000L * perSecond * STAGES.length / rate);
        out.put("eventsSent", sent);
        out.put("eventsMeasured", sentMeasured);
        out.put("achievedPerSecond", (sentMeasured - 1) / measuredSeconds);
        out.put("eventsNeverRelayed", sentAt.size());
        out.put("inboundToApplied", new Latencies(applied).summary());
        out.put("inboundToRelaySend", new Latencies(relaySend).summary());
        out.put("inboundToRelayed", new Latencies(total).summary());
        out.put("cpu", cpuEnd.since(cpuStart));
        return out;
    }

    private static Order order(Shop shop, Instant placedAt) {
        List<OrderLine> lines = shop.lines();
        BigDecimal subtotal = Shop.total(lines);
        BigDecimal shipping = subtotal.compareTo(BigDecimal.valueOf(50)) < 0 ? new BigDecimal("4.95") : BigDecimal.ZERO;
        String[] city = shop.city();
        LocalDate promised = LocalDate.ofInstant(placedAt, STORE_ZONE).plusDays(2 + shop.random().nextInt(4));
        OrderPlacedDetails placed = new OrderPlacedDetails(shop.customer(), lines, "EUR", subtotal.add(shipping), shipping,
                BigDecimal.ZERO, shop.locale(), shop.channel(), promised, city[0], city[1], city[2]);
        String carrier = shop.carrier();
        String tracking = carrier.substring(0, 3) + (100_000_000L + shop.random().nextLong(900_000_000L)) + city[2];
        return new Order("ORD-" + UUID.randomUUID(), placed, carrier, tracking,
                PAYMENT_METHODS[shop.random().nextInt(PAYMENT_METHODS.length)]);
    }

    private static OrderLifecycleEvent event(Shop shop, Order o, int stage, Instant occurredAt) {
        OrderLifecycleEventType type = STAGES[stage];
        String hub = HUBS[shop.random().nextInt(HUBS.length)];
        String url = "https://tracking.example-carrier.com/t/" + o.tracking();
        ShipmentDetails shipment = switch (type) {
            case ORDER_SHIPPED -> new ShipmentDetails(o.carrier(), o.tracking(), url, o.placed().promisedDeliveryDate(), hub);
            case SHIPMENT_IN_TRANSIT, SHIPMENT_OUT_FOR_DELIVERY -> new ShipmentDetails(o.carrier(), o.tracking(), null, null,
                    type == OrderLifecycleEventType.SHIPMENT_IN_TRANSIT ? hub : o.placed().shippingCity());
            case SHIPMENT_DELIVERED -> new ShipmentDetails(o.carrier(), o.tracking(), null, null, null);
            default -> null;
        };
        return new OrderLifecycleEvent(UUID.randomUUID().toString(), type, o.orderId(), occurredAt, "shop-eu-1",
                type == OrderLifecycleEventType.ORDER_PLACED ? o.placed() : null,
                type == OrderLifecycleEventType.ORDER_PAID ? new PaymentDetails(o.placed().total(), "EUR", o.payment()) : null,
                shipment, null, null, null, null, null);
    }

    /** The mean size of a lifecycle record's value, for the Kafka ceiling at the same size. */
    private static int averageBytes(Shop shop) {
        long bytes = 0;
        int n = 0;
        for (int i = 0; i < 200; i++) {
            Order o = order(shop, Instant.now());
            for (int s = 0; s < STAGES.length; s++) {
                bytes += EventJson.toJsonBytes(event(shop, o, s, Instant.now())).length;
                n++;
            }
        }
        return (int) (bytes / n);
    }
}
