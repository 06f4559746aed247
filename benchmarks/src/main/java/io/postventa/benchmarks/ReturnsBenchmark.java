package io.postventa.benchmarks;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.LockSupport;

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
import io.postventa.benchmarks.stack.RunningService;
import io.postventa.devstack.DevTokens;
import io.postventa.devstack.PlatformService;
import io.postventa.events.EventJson;
import io.postventa.events.EventType;
import io.postventa.events.Topics;
import io.postventa.events.common.OrderLine;
import io.postventa.events.common.OrderStatus;
import io.postventa.events.orderstatus.OrderStatusChanged;
import io.postventa.testing.TopicRecorder;

/**
 * Decisions per second of returns-service's risk consumer (return.requested on
 * {@code return-requests.v1} → risk matrix → return.decided on {@code return-decisions.v1}, with an
 * RMA code and a PDF label in the same transaction when approved), and the time from return.requested
 * to return.decided on the topics at a fixed rate, next to Kafka's and PostgreSQL's ceilings measured
 * in the same run. Goal (issue #6): at least 1,000 decisions/s, and p99 under 250 ms at 200/s.
 *
 * <p>The inputs are made the way production makes them, so the matrix sees real histories:
 * <ol>
 * <li><b>Orders.</b> {@code --orders} delivered orders (default 12,000: one to four lines across
 * categories and prices, 1 to 28 days since delivery; 60% by 1,500 returning customers, the rest by
 * first-time ones) are published as order-status.changed (DELIVERED) on {@code order-status.v1},
 * which is how the service learns orders; the run waits until its read model holds them all.</li>
 * <li><b>Requests.</b> Customers ask for returns through {@code POST /api/v1/returns} with their own
 * token and an {@code Idempotency-Key}, for about 70% of the orders (a line or all of them, reasons
 * that fit the category, mostly refunds), so a returning customer's later requests carry the earlier
 * ones in their history (many returns, return rate, open returns value), and the outcomes mix
 * approvals (label drawn), reviews and rejections as the default rule set decides.</li>
 * <li><b>Latency set.</b> The first instance runs with the risk consumer switched off
 * ({@code mp.messaging.incoming.return-requests-risk.enabled=false}). It first takes the requests of the
 * latency phase ({@code --rate} × (5 + {@code --seconds})): the benchmark keeps their return.requested
 * records as the relay put them on {@code return-requests.v1}, then deletes them from the topic, so the
 * returns wait in the database as REQUESTED and their requests can be offered again later at any rate.
 * The API's own rate (8 concurrent customers) is reported; it is not what the consumer is measured by.</li>
 * <li><b>Throughput (drain of a backlog).</b> Then {@code --backlog} requests (default 5,000) are created
 * the same way; once their return.requested are all on the topic, the first instance stops and a second
 * one with the default settings (consumer on) starts on the same database. Its risk consumer's rate is
 * the span of its decisions' {@code decided_at}; the drain rate runs from the first decision to the
 * arrival of the last return.decided on the topic.</li>
 * <li><b>Latency (open loop).</b> On that instance, the kept return.requested records are published
 * again, unchanged but for a fresh timestamp, at {@code --rate} per second (default 200) for
 * {@code --seconds} (default 20) after 5 s of warm-up, each on schedule whatever the service does, as
 * the relay of a returns-service whose API took them at that rate would. Latency is from that record's
 * timestamp to the arrival of its return.decided on {@code return-decisions.v1}. Feeding the topic
 * directly keeps the API's limit out of the consumer's figure: an earlier version created them through
 * the API at 200/s, more than one instance's API takes on this machine, and measured the queue in front
 * of it.</li>
 * </ol>
 *
 * <p><b>Warm-up.</b> A production consumer runs for days; the second instance is seconds old when it drains the
 * backlog, and with the JVM's tiered JIT C2 compiles the hot paths for the first two minutes or so of load, on up
 * to half of a two-core machine. So after the cold drain (reported as such) the instance decides copies of the
 * backlog's requests for {@code --warmup-seconds} (default 120; 0 skips the warm-up): each copy is a new return row
 * (the original's order, lines and history, REQUESTED again, inserted in SQL) and the original's return.requested
 * with the new return and event ids, so it takes the whole decision path, label and RMA included. Then one more set
 * of copies is drained as the warm rate, and the latency phase runs on the warmed instance.
 */
public final class ReturnsBenchmark {
    private static final String RISK_SWITCH = "mp.messaging.incoming.return-requests-risk.enabled";
    /** Seconds of the latency phase that are sent but not measured. */
    private static final int WARMUP = 5;
    private static final String[] GENERAL_REASONS = {"CHANGED_MIND", "DEFECTIVE", "DAMAGED", "NOT_AS_DESCRIBED",
            "WRONG_ITEM", "MISSING_PARTS", "LATE_DELIVERY", "OTHER"};

    private ReturnsBenchmark() {
    }

    /** An order the service knows, to ask a return of. */
    private record KnownOrder(String orderId, String customerId, List<OrderLine> lines) {
    }

    /** A return.requested record as the relay published it, to be offered again. */
    private record Kept(String key, String value, Map<String, String> headers) {
        Producer.Outgoing outgoing() {
            return new Producer.Outgoing(Topics.RETURN_REQUESTS, key, value, headers);
        }
    }

    /** What is known of one return: request on the topic, decision on the topic. */
    private static final class Timing {
        volatile long requestedRecord;
        volatile long requestedArrived;
        volatile long decidedArrived;
        volatile String outcome;
    }

    /**
     * What the taps on return-requests.v1 and return-decisions.v1 saw: each return's request and decision, how many
     * of each arrived, and (while a phase keeps them) the return.requested records themselves.
     */
    private static final class Returns {
        final Map<String, Timing> byId = new ConcurrentHashMap<>();
        final AtomicInteger requested = new AtomicInteger();
        final AtomicInteger decided = new AtomicInteger();
        final AtomicLong lastDecidedArrival = new AtomicLong();
        /** Where the return.requested seen on the topic are kept, if anywhere. */
        final AtomicReference<ConcurrentLinkedQueue<Kept>> keeping = new AtomicReference<>();

        Returns(BenchStack stack) {
            stack.tap(Topics.RETURN_REQUESTS, (r, at) -> {
                if (EventType.RETURN_REQUESTED.ceType().equals(TopicRecorder.header(r, "ce_type"))) {
                    Timing t = byId.computeIfAbsent(r.key(), k -> new Timing());
                    t.requestedRecord = r.timestamp();
                    t.requestedArrived = at;
                    requested.incrementAndGet();
                    ConcurrentLinkedQueue<Kept> into = keeping.get();
                    if (into != null) {
                        Map<String, String> headers = new LinkedHashMap<>();
                        r.headers().forEach(h -> headers.put(h.key(), new String(h.value(), StandardCharsets.UTF_8)));
                        into.add(new Kept(r.key(), r.value(), headers));
                    }
                }
            });
            stack.tap(Topics.RETURN_DECISIONS, (r, at) -> {
                if (EventType.RETURN_DECIDED.ceType().equals(TopicRecorder.header(r, "ce_type"))) {
                    Timing t = byId.computeIfAbsent(r.key(), k -> new Timing());
                    t.decidedArrived = at;
                    t.outcome = EventJson.readTree(r.value()).path("outcome").asText();
                    lastDecidedArrival.set(at);
                    decided.incrementAndGet();
                }
            });
        }
    }

    public static void main(String[] args) throws Exception {
        Options options = Options.parse("returns", "Decisions/s of returns-service's risk consumer draining a backlog, "
                + "cold and after a warm-up, and requested-to-decided latency at a fixed rate on the warm instance.", args);
        int backlog = options.integer("backlog", 5000, "return requests made through the API, then drained (throughput)");
        int rate = options.integer("rate", 200, "return.requested/s offered on the topic (latency)");
        int seconds = options.integer("seconds", 20, "length of the latency phase, after 5 s of warm-up");
        int warmupSeconds = options.integer("warmup-seconds", 120, "copies of the backlog decided before the warm drain "
                + "(0: no warm-up, the instance is measured cold only)");
        Map<String, String> settings = new LinkedHashMap<>();
        for (String setting : options.text("set", "", "settings of the deciding instance, key=value,... (e.g. "
                + "mp.messaging.incoming.return-requests-risk.concurrency=2)").split(",")) {
            if (!setting.isBlank()) {
                String[] kv = setting.strip().split("=", 2);
                settings.put(kv[0], kv.length > 1 ? kv[1] : "");
            }
        }
        int latencyRequests = rate * (WARMUP + seconds);
        // about 70% of orders get a request: by default enough orders for both phases, with room to spare
        int ordersCount = options.integer("orders", (int) Math.ceil((backlog + latencyRequests) / 0.65),
                "delivered orders published first (default: enough for the backlog and the latency set)");
        Machine machine = options.start("returns-service benchmark");
        try (BenchStack stack = BenchStack.fresh(); Producer producer = new Producer(stack.kafka(), 1)) {
            Ceilings ceilings = Ceilings.measure(stack.info(), 1024);
            Returns returns = new Returns(stack);

            System.out.println("Instance 1: returns-service with the risk consumer off...");
            RunningService first = stack.startService(PlatformService.RETURNS, Map.of(RISK_SWITCH, "false"));
            Shop shop = new Shop(6L, UUID.randomUUID().toString().substring(0, 6), 1500, 0.6);
            System.out.printf("Orders: %,d delivered orders on %s...%n", ordersCount, Topics.ORDER_STATUS);
            List<KnownOrder> orders = new ArrayList<>();
            Map<String, Object> ordersPhase = preloadOrders(stack, producer, shop, ordersCount, orders);
            Requests requests = new Requests(shop, ordersToReturn(shop, orders, backlog + latencyRequests));

            List<Kept> latencyRecords = new ArrayList<>();
            Map<String, Object> latencySet = latencySet(stack, requests, returns, latencyRequests, latencyRecords);
            System.out.printf("Backlog: %,d return requests through the API, the risk consumer off...%n", backlog);
            List<Kept> backlogRecords = new ArrayList<>();
            Map<String, Object> backlogPhase = requests.create(backlog, returns, backlogRecords);
            stack.stopService(first);

            System.out.println("Instance 2: returns-service with the default settings (risk consumer on) drains it...");
            stack.startService(PlatformService.RETURNS, settings);
            Map<String, Object> drain = coldDrain(stack, returns, backlog);
            Map<String, Object> warmupPhase = Map.of("seconds", 0);
            Map<String, Object> warmDrain = null;
            if (warmupSeconds > 0) {
                System.out.printf("Warm-up: copies of the backlog's %,d requests decided for %d s...%n", backlogRecords.size(),
                        warmupSeconds);
                warmupPhase = warmUp(stack, producer, backlogRecords, warmupSeconds, returns);
                System.out.printf("Warm drain: %,d more copies at once...%n", backlogRecords.size());
                warmDrain = warmDrain(stack, producer, backlogRecords, returns);
            }
            System.out.printf("Latency: the kept return.requested at %d/s on %s for %d s (after %d s of warm-up)...%n", rate,
                    Topics.RETURN_REQUESTS, seconds, WARMUP);
            Map<String, Object> latency = latency(stack, producer, latencyRecords, rate, seconds, returns);

            report(options.report(machine), ceilings, settings, ordersPhase, latencySet, backlogPhase, drain, warmupPhase,
                    warmDrain, latency, rate).write();
        }
        System.exit(0);
    }

    private static Report report(Report report, Ceilings ceilings, Map<String, String> settings,
            Map<String, Object> ordersPhase, Map<String, Object> latencySet, Map<String, Object> backlogPhase,
            Map<String, Object> drain, Map<String, Object> warmupPhase, Map<String, Object> warmDrain,
            Map<String, Object> latency, int rate) {
        double coldRate = (double) drain.get("decisionsPerSecond");
        double drainRate = warmDrain == null ? coldRate : (double) warmDrain.get("decisionsPerSecond");
        double consumerRate = (double) drain.get("consumerDecisionsPerSecond");
        double pg1Rate = ceilings.commitsPerSecond1();
        Map<?, ?> lat = (Map<?, ?>) latency.get("requestedToDecided");
        Map<?, ?> api = (Map<?, ?>) backlogPhase.get("response");
        // requests still undecided when the run gave up waiting count as slower than any decided one
        int missing = (int) latency.get("neverDecided");
        int measuredRequests = (int) latency.get("requestsMeasured");
        boolean censored = missing > measuredRequests / 100;
        double p99 = censored ? Double.POSITIVE_INFINITY : (double) lat.get("p99Ms");
        double maxMs = (double) lat.get("maxMs");
        latency.put("p99Censored", censored);
        ceilings.addTo(report)
                .put("service", "returns-service from its packaged jar; latency set and backlog made through the API with"
                        + " the risk consumer off, backlog drained by a second instance with the default settings, then the"
                        + " latency set's return.requested records offered again on the topic at the target rate")
                .put("deciderSettings", settings)
                .put("orders", ordersPhase)
                .put("latencySet", latencySet)
                .put("backlog", backlogPhase)
                .put("throughput", drain)
                .put("warmup", warmupPhase)
                .put("warmThroughput", warmDrain == null ? Map.of() : warmDrain)
                .put("latency", latency)
                .put("goals", Map.of("decisionsPerSecond", 1_000, "p99MsAt200PerSecond", 250))
                .put("ratios", Map.of("decisionsPerSecondToGoal", Latencies.round2(drainRate / 1_000), "p99ToGoal",
                        censored ? "over " + Latencies.round2(maxMs / 250) : Latencies.round2(p99 / 250)))
                .row("orders learnt from order-status.v1 (/s)", Report.number((double) ordersPhase.get("ordersPerSecond")), "",
                        "")
                .row("return requests created through the API (/s, 8 clients)",
                        Report.number((double) backlogPhase.get("requestsPerSecond")), "", "")
                .row("  API response p50 / p99", Report.ms((double) api.get("p50Ms")) + " / " + Report.ms((double) api.get("p99Ms")),
                        "", "")
                .row("decisions/s, backlog drained to the topic, cold", Report.number(coldRate), "goal 1,000",
                        Report.ratio(coldRate, 1_000))
                .row("  risk consumer: decisions committed/s", Report.number(consumerRate), "PostgreSQL commits/s, 1 client",
                        Report.ratio(consumerRate, pg1Rate))
                .row("  risk consumer, warm: committed/s over the second half", Report.number(
                        (double) drain.get("secondHalfDecisionsPerSecond")), "goal 1,000",
                        Report.ratio((double) drain.get("secondHalfDecisionsPerSecond"), 1_000));
        @SuppressWarnings("unchecked")
        Map<String, Map<String, Object>> byOutcome = (Map<String, Map<String, Object>>) drain.get("byOutcome");
        byOutcome.forEach((outcome, v) -> report.row("  " + outcome + ": share, mean ms per decision",
                v.get("share") + ", " + v.get("meanMsPerDecision") + " ms", "", ""));
        report.row("  service cores while draining (of which JIT compiling)", serviceCores(drain.get("cpu")),
                "of " + ((Map<?, ?>) drain.get("cpu")).get("machineCores"), "");
        if (warmDrain != null) {
            double warmConsumer = (double) warmDrain.get("consumerDecisionsPerSecond");
            report.row("warm-up: decisions/s over " + warmupPhase.get("seconds") + " s (" + warmupPhase.get("decisions")
                            + " copies)", Report.number((double) warmupPhase.get("decisionsPerSecond")), "", "")
                    .row("  service cores (of which JIT compiling)", serviceCores(warmupPhase.get("cpu")),
                            "of " + ((Map<?, ?>) warmupPhase.get("cpu")).get("machineCores"), "")
                    .row("decisions/s, backlog drained to the topic, warm", Report.number(drainRate), "goal 1,000",
                            Report.ratio(drainRate, 1_000))
                    .row("  risk consumer: decisions committed/s", Report.number(warmConsumer),
                            "PostgreSQL commits/s, 1 client", Report.ratio(warmConsumer, pg1Rate))
                    .row("  service cores (of which JIT compiling)", serviceCores(warmDrain.get("cpu")),
                            "of " + ((Map<?, ?>) warmDrain.get("cpu")).get("machineCores"), "")
                    .row("  outcomes (decisions, with an RMA code)", String.valueOf(warmDrain.get("byOutcome")), "", "");
        }
        Map<?, ?> toDecision = (Map<?, ?>) latency.get("recordToDecision");
        Map<?, ?> toTopic = (Map<?, ?>) latency.get("decisionToTopic");
        return report.row("requested-to-decided p50 @ " + rate + "/s", Report.ms((double) lat.get("p50Ms")), "", "")
                .row("requested-to-decided p99 @ " + rate + "/s", censored ? "> " + Report.ms(maxMs) : Report.ms(p99),
                        "goal p99 < 250 ms", censored ? "> " + Report.ratio(maxMs, 250) : Report.ratio(p99, 250))
                .row("  record to decision / decision to topic p50", Report.ms((double) toDecision.get("p50Ms")) + " / "
                        + Report.ms((double) toTopic.get("p50Ms")), "", "")
                .row("  record to decision / decision to topic p99", Report.ms((double) toDecision.get("p99Ms")) + " / "
                        + Report.ms((double) toTopic.get("p99Ms")), "", "")
                .row("  service cores @ " + rate + "/s (of which JIT compiling)", serviceCores(latency.get("cpu")),
                        "of " + ((Map<?, ?>) latency.get("cpu")).get("machineCores"), "")
                .row("measured requests undecided (60 s)", Report.number(missing), "of " + measuredRequests, "")
                .row("requested-to-decided max @ " + rate + "/s", Report.ms(maxMs), "", "")
                .row("achieved rate (requests/s)", Report.number((double) latency.get("achievedPerSecond")), "target " + rate,
                        Report.ratio((double) latency.get("achievedPerSecond"), rate));
    }

    /**
     * Requests created through the API whose return.requested records are kept and then deleted from the topic: the
     * returns wait as REQUESTED, and their records can be offered again at any rate in the latency phase.
     */
    private static Map<String, Object> latencySet(BenchStack stack, Requests requests, Returns returns, int count,
            List<Kept> kept) throws Exception {
        System.out.printf("Latency set: %,d return requests through the API, kept off the topic for later...%n", count);
        Map<String, Object> latencySet = requests.create(count, returns, kept);
        if (kept.size() < count * 99 / 100) {
            throw new IllegalStateException("only " + kept.size() + " of " + count
                    + " return.requested of the latency set were seen on the topic");
        }
        long deleted = stack.truncate(Topics.RETURN_REQUESTS);
        System.out.printf("  kept %,d return.requested records and deleted %,d from %s%n", kept.size(), deleted,
                Topics.RETURN_REQUESTS);
        return latencySet;
    }

    /** "1.35 (0.57)": a phase's service cores and, of them, its JIT compilers'. */
    private static String serviceCores(Object cpu) {
        Map<?, ?> c = (Map<?, ?>) cpu;
        return c.get("serviceCores") + " (" + c.get("serviceJitCores") + ")";
    }

    /** About 70% of the orders get a return request, so returning customers build up a history. */
    private static ConcurrentLinkedQueue<KnownOrder> ordersToReturn(Shop shop, List<KnownOrder> orders, int needed) {
        ConcurrentLinkedQueue<KnownOrder> toReturn = new ConcurrentLinkedQueue<>();
        for (KnownOrder o : orders) {
            if (shop.random().nextDouble() < 0.7) {
                toReturn.add(o);
            }
        }
        if (toReturn.size() < needed) {
            throw new IllegalStateException(toReturn.size() + " orders to return, but " + needed
                    + " requests are needed: raise --orders");
        }
        return toReturn;
    }

    /** The backlog drained by a cold instance: from its first decision to the last return.decided on the topic. */
    private static Map<String, Object> coldDrain(BenchStack stack, Returns returns, int backlog) throws Exception {
        StackCpu.Reading cpuStart = stack.cpu();
        if (!Await.until(Duration.ofMinutes(5), () -> returns.decided.get() >= backlog)) {
            throw new IllegalStateException("only " + returns.decided.get() + " of " + backlog + " return.decided arrived");
        }
        StackCpu.Reading cpuEnd = stack.cpu();
        Map<String, Object> drain = drain(stack, backlog, returns.lastDecidedArrival.get());
        drain.put("cpu", cpuEnd.since(cpuStart));
        return drain;
    }

    /** Publishes delivered orders as order-status-service would and waits until the service knows them all. */
    private static Map<String, Object> preloadOrders(BenchStack bench, Producer producer, Shop shop, int count,
            List<KnownOrder> out) {
        Map<String, Integer> purchases = new HashMap<>();
        Instant now = Instant.now();
        long start = System.nanoTime();
        for (int i = 0; i < count; i++) {
            String customer = shop.customer();
            int purchase = purchases.merge(customer, 1, Integer::sum);
            List<OrderLine> lines = shop.lines();
            Instant delivered = now.minus(Duration.ofHours(24 + shop.random().nextInt(27 * 24)));
            Instant placed = delivered.minus(Duration.ofHours(48 + shop.random().nextInt(72)));
            String orderId = "ORD-" + UUID.randomUUID();
            String carrier = shop.carrier();
            String[] city = shop.city();
            OrderStatusChanged changed = new OrderStatusChanged(orderId, customer, delivered, OrderStatus.OUT_FOR_DELIVERY,
                    OrderStatus.DELIVERED, UUID.randomUUID().toString(), purchase, shop.locale(), shop.channel(), "EUR",
                    Shop.total(lines), lines, placed, placed.atZone(java.time.ZoneId.of("Europe/Madrid")).toLocalDate()
                            .plusDays(4), carrier, carrier + "-" + i + city[2], null, delivered, null);
            producer.send(BenchEvents.contract(EventType.ORDER_STATUS_CHANGED, orderId, UUID.randomUUID().toString(), changed,
                    delivered));
            out.add(new KnownOrder(orderId, customer, lines));
        }
        producer.flush();
        if (!Await.until(Duration.ofMinutes(5), () -> count(bench, "select count(*) from customer_order") >= count)) {
            throw new IllegalStateException("returns-service did not learn all " + count + " orders");
        }
        double secs = (System.nanoTime() - start) / 1e9;
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("orders", count);
        m.put("customers", purchases.size());
        m.put("returningCustomerOrders", purchases.values().stream().filter(n -> n > 1).mapToInt(Integer::intValue).sum());
        m.put("seconds", Latencies.round(secs));
        m.put("ordersPerSecond", count / secs);
        return m;
    }

    /** Customers asking for returns through the API, each with their own token, about orders they received. */
    private static final class Requests {
        private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(5)).build();
        private final Map<String, String> tokens = new ConcurrentHashMap<>();
        private final Shop shop;
        private final ConcurrentLinkedQueue<KnownOrder> toReturn;

        Requests(Shop shop, ConcurrentLinkedQueue<KnownOrder> toReturn) {
            this.shop = shop;
            this.toReturn = toReturn;
        }

        /**
         * Creates {@code count} requests through the API with a few concurrent customers, as fast as it answers, and
         * waits until their return.requested are on the topic; {@code kept} gets those records.
         */
        Map<String, Object> create(int count, Returns returns, List<Kept> kept) throws InterruptedException {
            ConcurrentLinkedQueue<Kept> keeping = new ConcurrentLinkedQueue<>();
            returns.requested.set(0);
            returns.keeping.set(keeping);
            AtomicInteger created = new AtomicInteger();
            AtomicInteger refused = new AtomicInteger();
            List<String> errors = new CopyOnWriteArrayList<>();
            List<Thread> threads = new ArrayList<>();
            long start = System.nanoTime();
            List<HttpRequest> prepared = new ArrayList<>();
            for (int i = 0; i < count; i++) {
                prepared.add(returnRequest(toReturn.poll()));
            }
            AtomicInteger next = new AtomicInteger();
            List<Double> responses = java.util.Collections.synchronizedList(new ArrayList<>());
            for (int w = 0; w < 8; w++) {
                Thread t = new Thread(() -> {
                    for (int i = next.getAndIncrement(); i < count; i = next.getAndIncrement()) {
                        try {
                            long sent = System.nanoTime();
                            HttpResponse<String> r = http.send(prepared.get(i), HttpResponse.BodyHandlers.ofString());
                            responses.add((System.nanoTime() - sent) / 1e6);
                            if (r.statusCode() == 201) {
                                returns.byId.computeIfAbsent(EventJson.readTree(r.body()).path("returnId").asText(),
                                        k -> new Timing());
                                created.incrementAndGet();
                            } else {
                                refused.incrementAndGet();
                                if (errors.size() < 5) {
                                    errors.add(r.statusCode() + " " + r.body());
                                }
                            }
                        } catch (Exception e) {
                            refused.incrementAndGet();
                            if (errors.size() < 5) {
                                errors.add(e.toString());
                            }
                        }
                    }
                });
                threads.add(t);
                t.start();
            }
            for (Thread t : threads) {
                t.join();
            }
            double secs = (System.nanoTime() - start) / 1e9;
            if (refused.get() > count / 100) {
                throw new IllegalStateException(refused.get() + " of " + count + " requests were refused, e.g. " + errors);
            }
            if (!Await.until(Duration.ofMinutes(3), () -> returns.requested.get() >= created.get())) {
                throw new IllegalStateException("only " + returns.requested.get() + " of " + created.get()
                        + " return.requested were relayed");
            }
            returns.keeping.set(null);
            kept.addAll(keeping);
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("requests", count);
            m.put("created", created.get());
            m.put("refused", refused.get());
            m.put("refusedExamples", errors);
            m.put("concurrentClients", 8);
            m.put("seconds", Latencies.round(secs));
            m.put("requestsPerSecond", created.get() / secs);
            m.put("response", summary(responses));
            return m;
        }

        /** One customer's request to return some of an order, as the self-service page would send it. */
        private HttpRequest returnRequest(KnownOrder order) {
            List<Map<String, Object>> lines = new ArrayList<>();
            boolean everything = shop.random().nextDouble() < 0.2;
            int only = shop.random().nextInt(order.lines().size());
            for (int i = 0; i < order.lines().size(); i++) {
                if (!everything && i != only) {
                    continue;
                }
                OrderLine l = order.lines().get(i);
                int quantity = 1 + shop.random().nextInt(l.quantity());
                lines.add(Map.of("sku", l.sku(), "quantity", quantity, "reason", reason(l.category())));
            }
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("orderId", order.orderId());
            body.put("lines", lines);
            body.put("preferredResolution", shop.random().nextDouble() < 0.8 ? "REFUND" : "EXCHANGE");
            body.put("comment", "Requested from the self-service page");
            String token = tokens.computeIfAbsent(order.customerId(), c -> DevTokens.token("customer", c));
            return HttpRequest.newBuilder(URI.create(PlatformService.RETURNS.url() + "/api/v1/returns"))
                    .timeout(Duration.ofSeconds(30))
                    .header("Authorization", "Bearer " + token)
                    .header("Content-Type", "application/json")
                    .header("Idempotency-Key", UUID.randomUUID().toString())
                    .POST(HttpRequest.BodyPublishers.ofString(EventJson.toJson(body)))
                    .build();
        }

        /** Apparel and shoes mostly come back for size; everything else for the usual spread of reasons. */
        private String reason(String category) {
            if ((category.equals("apparel") || category.equals("footwear")) && shop.random().nextDouble() < 0.55) {
                return "SIZE_FIT";
            }
            return GENERAL_REASONS[shop.random().nextInt(GENERAL_REASONS.length)];
        }
    }

    /** The risk consumer's rate from its decisions' timestamps, and the outcome mix with each outcome's cost. */
    private static Map<String, Object> drain(BenchStack bench, int backlog, long lastArrival) throws Exception {
        Map<String, Object> m = new LinkedHashMap<>();
        try (Connection c = bench.db("returns"); Statement s = c.createStatement()) {
            long first;
            long last;
            try (ResultSet r = s.executeQuery("select (extract(epoch from min(decided_at)) * 1000)::bigint,"
                    + " (extract(epoch from max(decided_at)) * 1000)::bigint, count(*) from risk_decision")) {
                r.next();
                first = r.getLong(1);
                last = r.getLong(2);
            }
            m.put("decisions", backlog);
            m.put("consumerSeconds", Latencies.round((last - first) / 1000.0));
            m.put("consumerDecisionsPerSecond", (backlog - 1) / Math.max(0.001, (last - first) / 1000.0));
            m.put("decisionsPerSecond", backlog / Math.max(0.001, (lastArrival - first) / 1000.0));
            m.put("relayLagAtEndSeconds", Latencies.round((lastArrival - last) / 1000.0));
            // The instance starts cold: the first seconds of a drain include JIT compilation. The second half of the
            // decisions, by commit time, is what a warm consumer sustains.
            try (ResultSet r = s.executeQuery("select count(*), extract(epoch from max(decided_at) - min(decided_at)) from ("
                    + " select decided_at from risk_decision order by decided_at offset " + backlog / 2 + ") d")) {
                r.next();
                m.put("secondHalfDecisionsPerSecond", (r.getLong(1) - 1) / Math.max(0.001, r.getDouble(2)));
            }
            // the gap before each decision, by its outcome: what an approval (RMA and label) costs against a review
            Map<String, Map<String, Object>> byOutcome = new LinkedHashMap<>();
            try (ResultSet r = s.executeQuery("select outcome, count(*), avg(gap_ms) from ("
                    + " select outcome, extract(epoch from decided_at - lag(decided_at) over (order by decided_at)) * 1000"
                    + " as gap_ms from risk_decision) d group by outcome order by count(*) desc")) {
                while (r.next()) {
                    Map<String, Object> o = new LinkedHashMap<>();
                    o.put("decisions", r.getLong(2));
                    o.put("share", Latencies.round2(r.getLong(2) / (double) backlog));
                    o.put("meanMsPerDecision", Latencies.round2(r.getDouble(3)));
                    byOutcome.put(r.getString(1), o);
                }
            }
            m.put("byOutcome", byOutcome);
        }
        return m;
    }

    /**
     * Copies of {@code records}: for each, a new return row in the database (the original's order, lines, history and
     * value, REQUESTED again) and the original's return.requested with the new return id and a new event id.
     */
    private static List<Kept> copies(BenchStack bench, List<Kept> records) throws Exception {
        String[] from = new String[records.size()];
        String[] to = new String[records.size()];
        List<Kept> copies = new ArrayList<>(records.size());
        for (int i = 0; i < records.size(); i++) {
            Kept k = records.get(i);
            from[i] = k.key();
            String copy = "RET-" + UUID.randomUUID();
            to[i] = copy;
            Map<String, String> headers = new LinkedHashMap<>(k.headers());
            headers.replaceAll((name, value) -> value.replace(k.key(), copy));
            headers.put("ce_id", UUID.randomUUID().toString());
            copies.add(new Kept(copy, k.value().replace(k.key(), copy), headers));
        }
        try (Connection c = bench.db("returns"); PreparedStatement insert = c.prepareStatement("insert into return_request"
                + " (return_id, order_id, customer_id, status, requested_at, lines, preferred_resolution, comment, currency,"
                + " total_value, delivered_at, policy_version, customer_history, return_shipping_fee, updated_at)"
                + " select m.copy, r.order_id, r.customer_id, 'REQUESTED', now(), r.lines, r.preferred_resolution,"
                + " r.comment, r.currency, r.total_value, r.delivered_at, r.policy_version, r.customer_history,"
                + " r.return_shipping_fee, now() from unnest(?::text[], ?::text[]) m(original, copy)"
                + " join return_request r on r.return_id = m.original")) {
            insert.setArray(1, c.createArrayOf("text", from));
            insert.setArray(2, c.createArrayOf("text", to));
            int rows = insert.executeUpdate();
            if (rows != records.size()) {
                throw new IllegalStateException("copied " + rows + " of " + records.size() + " returns");
            }
        }
        return copies;
    }

    /** Publishes records at once, unchanged but for a fresh timestamp. */
    private static void publish(Producer producer, List<Kept> records) {
        for (Kept k : records) {
            producer.send(k.outgoing());
        }
        producer.flush();
    }

    /** Decides rounds of copies of the backlog, one after the other, until {@code seconds} have passed. */
    private static Map<String, Object> warmUp(BenchStack bench, Producer producer, List<Kept> backlog, int seconds,
            Returns returns) throws Exception {
        AtomicInteger decided = returns.decided;
        StackCpu.Reading cpuStart = bench.cpu();
        long start = System.nanoTime();
        long deadline = start + Duration.ofSeconds(seconds).toNanos();
        int rounds = 0;
        int decisions = 0;
        while (System.nanoTime() < deadline) {
            List<Kept> round = copies(bench, backlog);
            int target = decided.get() + round.size();
            publish(producer, round);
            if (!Await.until(Duration.ofMinutes(5), () -> decided.get() >= target)) {
                throw new IllegalStateException("warm-up round " + (rounds + 1) + ": only " + (round.size() - target
                        + decided.get()) + " of " + round.size() + " return.decided arrived");
            }
            rounds++;
            decisions += round.size();
        }
        double secs = (System.nanoTime() - start) / 1e9;
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("seconds", Latencies.round(secs));
        m.put("rounds", rounds);
        m.put("decisions", decisions);
        m.put("decisionsPerSecond", decisions / secs);
        m.put("cpu", bench.cpu().since(cpuStart));
        return m;
    }

    /** One more set of copies published at once on the warmed instance: to the topic, and committed by the consumer. */
    private static Map<String, Object> warmDrain(BenchStack bench, Producer producer, List<Kept> backlog, Returns returns)
            throws Exception {
        AtomicInteger decided = returns.decided;
        List<Kept> copies = copies(bench, backlog);
        StackCpu.Reading cpuStart = bench.cpu();
        int target = decided.get() + copies.size();
        long start = System.currentTimeMillis();
        publish(producer, copies);
        if (!Await.until(Duration.ofMinutes(5), () -> decided.get() >= target)) {
            throw new IllegalStateException("warm drain: only " + (copies.size() - target + decided.get()) + " of "
                    + copies.size() + " return.decided arrived");
        }
        StackCpu.Reading cpuEnd = bench.cpu();
        long lastArrival = returns.lastDecidedArrival.get();
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("decisions", copies.size());
        long firstDecision;
        try (Connection c = bench.db("returns"); PreparedStatement q = c.prepareStatement("select"
                + " extract(epoch from max(decided_at) - min(decided_at)), (extract(epoch from min(decided_at)) * 1000)::bigint"
                + " from risk_decision where return_id = any(?)")) {
            q.setArray(1, c.createArrayOf("text", copies.stream().map(Kept::key).toArray()));
            try (ResultSet r = q.executeQuery()) {
                r.next();
                m.put("consumerSeconds", Latencies.round(r.getDouble(1)));
                m.put("consumerDecisionsPerSecond", (copies.size() - 1) / Math.max(0.001, r.getDouble(1)));
                firstDecision = r.getLong(2);
            }
            // the copies take the originals' path: the same outcome mix, an RMA code on every approval
            try (PreparedStatement mix = c.prepareStatement("select d.outcome, count(*), count(r.rma_code) from risk_decision d"
                    + " join return_request r on r.return_id = d.return_id where d.return_id = any(?) group by d.outcome"
                    + " order by 2 desc")) {
                mix.setArray(1, c.createArrayOf("text", copies.stream().map(Kept::key).toArray()));
                Map<String, Object> byOutcome = new LinkedHashMap<>();
                try (ResultSet r = mix.executeQuery()) {
                    while (r.next()) {
                        byOutcome.put(r.getString(1), Map.of("decisions", r.getLong(2), "withRma", r.getLong(3)));
                    }
                }
                m.put("byOutcome", byOutcome);
            }
        }
        m.put("firstDecisionAfterPublishMs", firstDecision - start);
        // as the cold drain: from the first decision to the arrival of the last return.decided on the topic
        m.put("seconds", Latencies.round((lastArrival - firstDecision) / 1000.0));
        m.put("decisionsPerSecond", copies.size() / Math.max(0.001, (lastArrival - firstDecision) / 1000.0));
        m.put("cpu", cpuEnd.since(cpuStart));
        return m;
    }

    /** Offers the kept return.requested records again on a fixed schedule and times each to its return.decided. */
    private static Map<String, Object> latency(BenchStack bench, Producer producer, List<Kept> records, int rate, int seconds,
            Returns returns) throws Exception {
        int warmup = WARMUP;
        int total = Math.min(records.size(), rate * (warmup + seconds));
        List<Timing> measured = new ArrayList<>();
        List<String> measuredIds = new ArrayList<>();
        long intervalNanos = 1_000_000_000L / rate;
        long start = System.nanoTime() + 200_000_000L;
        long warmupEnd = start + Duration.ofSeconds(warmup).toNanos();
        StackCpu.Reading cpuStart = null;
        long firstMeasured = 0;
        long lastMeasured = 0;
        for (int i = 0; i < total; i++) {
            long wait = start + i * intervalNanos - System.nanoTime();
            if (wait > 0) {
                LockSupport.parkNanos(wait);
            }
            long now = System.nanoTime();
            Kept k = records.get(i);
            Timing t = returns.byId.computeIfAbsent(k.key(), key -> new Timing());
            long stamp = System.currentTimeMillis();
            t.requestedRecord = stamp;
            producer.send(k.outgoing(), stamp);
            if (now >= warmupEnd) {
                if (firstMeasured == 0) {
                    firstMeasured = now;
                    cpuStart = bench.cpu();
                }
                lastMeasured = now;
                measured.add(t);
                measuredIds.add(k.key());
            }
        }
        producer.flush();
        StackCpu.Reading cpuEnd = bench.cpu();
        Await.until(Duration.ofSeconds(60), () -> measured.stream().allMatch(t -> t.decidedArrived > 0));
        List<Double> toDecided = new ArrayList<>();
        int undecided = 0;
        for (Timing t : measured) {
            if (t.decidedArrived == 0) {
                undecided++;
                continue;
            }
            toDecided.add((double) (t.decidedArrived - t.requestedRecord));
        }
        // where the time goes: the consumer's decision (decided_at, taken in the deciding transaction) and the relay
        // from there to the topic
        Map<String, Long> decidedAt = new HashMap<>();
        try (Connection c = bench.db("returns"); PreparedStatement q = c.prepareStatement("select return_id,"
                + " (extract(epoch from decided_at) * 1000)::bigint from risk_decision where return_id = any(?)")) {
            q.setArray(1, c.createArrayOf("text", measuredIds.toArray()));
            try (ResultSet r = q.executeQuery()) {
                while (r.next()) {
                    decidedAt.put(r.getString(1), r.getLong(2));
                }
            }
        }
        List<Double> toDecision = new ArrayList<>();
        List<Double> decisionToTopic = new ArrayList<>();
        for (int i = 0; i < measured.size(); i++) {
            Timing t = measured.get(i);
            Long at = decidedAt.get(measuredIds.get(i));
            if (at != null && t.decidedArrived > 0) {
                toDecision.add((double) (at - t.requestedRecord));
                decisionToTopic.add((double) (t.decidedArrived - at));
            }
        }
        double measuredSeconds = Math.max(0.001, (lastMeasured - firstMeasured) / 1e9);
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("targetPerSecond", rate);
        m.put("seconds", seconds);
        m.put("warmupSeconds", warmup);
        m.put("requestsSent", total);
        m.put("requestsMeasured", measured.size());
        m.put("achievedPerSecond", (measured.size() - 1) / measuredSeconds);
        m.put("neverDecided", undecided);
        m.put("requestedToDecided", summary(toDecided));
        m.put("recordToDecision", summary(toDecision));
        m.put("decisionToTopic", summary(decisionToTopic));
        m.put("cpu", cpuEnd.since(cpuStart));
        return m;
    }

    private static Map<String, Object> summary(List<Double> values) {
        return Latencies.of(values).summary();
    }

    private static long count(BenchStack bench, String sql) {
        try (Connection c = bench.db("returns"); Statement s = c.createStatement(); ResultSet r = s.executeQuery(sql)) {
            r.next();
            return r.getLong(1);
        } catch (Exception e) {
            return -1;
        }
    }
}
