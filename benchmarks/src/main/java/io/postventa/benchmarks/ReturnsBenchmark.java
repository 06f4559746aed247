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
import java.util.Arrays;
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

import io.postventa.devstack.DevTokens;
import io.postventa.devstack.PlatformService;
import io.postventa.devstack.ServiceProcess;
import io.postventa.events.EventJson;
import io.postventa.events.EventType;
import io.postventa.events.Topics;
import io.postventa.events.common.OrderLine;
import io.postventa.events.common.OrderStatus;
import io.postventa.events.orderstatus.OrderStatusChanged;

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
    private static final String[] GENERAL_REASONS = {"CHANGED_MIND", "DEFECTIVE", "DAMAGED", "NOT_AS_DESCRIBED",
            "WRONG_ITEM", "MISSING_PARTS", "LATE_DELIVERY", "OTHER"};

    private ReturnsBenchmark() {
    }

    /** An order the service knows, to ask a return of. */
    private record KnownOrder(String orderId, String customerId, List<OrderLine> lines) {
    }

    /** A return.requested record as the relay published it, to be offered again. */
    private record Kept(String key, String value, Map<String, String> headers) {
    }

    /** What is known of one return: request on the topic, decision on the topic. */
    private static final class Timing {
        volatile long requestedRecord;
        volatile long requestedArrived;
        volatile long decidedArrived;
        volatile String outcome;
    }

    public static void main(String[] args) throws Exception {
        BenchLogging.configure();
        int backlog = Integer.parseInt(ServiceBench.option(args, "backlog", "5000"));
        int rate = Integer.parseInt(ServiceBench.option(args, "rate", "200"));
        int seconds = Integer.parseInt(ServiceBench.option(args, "seconds", "20"));
        int warmupSeconds = Integer.parseInt(ServiceBench.option(args, "warmup-seconds", "120"));
        // settings for the deciding instance, e.g. --set mp.messaging.incoming.return-requests-risk.concurrency=2
        List<String> settings = Arrays.stream(ServiceBench.option(args, "set", "").split(","))
                .filter(setting -> !setting.isBlank()).map(setting -> "-D" + setting.strip()).toList();
        int warmup = 5;
        int latencyRequests = rate * (warmup + seconds);
        // About 70% of orders get a request; by default preload enough for both phases with room to spare.
        int ordersCount = Integer.parseInt(ServiceBench.option(args, "orders",
                Integer.toString((int) Math.ceil((backlog + latencyRequests) / 0.65))));
        Machine machine = Machine.current();
        System.out.printf("returns-service benchmark on %d cores (%s), load average %.2f%n", machine.cores(), machine.cpu(),
                machine.loadAverage());
        try (ServiceBench bench = ServiceBench.start()) {
            System.out.println("Measuring the ceilings: Kafka ProducerPerformance, PostgreSQL commit rate...");
            Map<String, Object> kafka = Ceilings.kafkaProducer(bench.stack(), "bench.ceiling." + UUID.randomUUID(), 100_000, 1024);
            Map<String, Object> pg1 = Ceilings.postgresCommitRate(bench.stack(), "benchmarks", 1, Duration.ofSeconds(5));
            Map<String, Object> pg4 = Ceilings.postgresCommitRate(bench.stack(), "benchmarks", 4, Duration.ofSeconds(5));

            Map<String, Timing> returns = new ConcurrentHashMap<>();
            AtomicInteger requested = new AtomicInteger();
            AtomicInteger decided = new AtomicInteger();
            AtomicLong lastDecidedArrival = new AtomicLong();
            // where the return.requested seen on the topic are kept, if anywhere
            AtomicReference<ConcurrentLinkedQueue<Kept>> keeping = new AtomicReference<>();
            bench.tap(Topics.RETURN_REQUESTS, (r, at) -> {
                if (EventType.RETURN_REQUESTED.ceType().equals(header(r, "ce_type"))) {
                    Timing t = returns.computeIfAbsent(r.key(), k -> new Timing());
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
            bench.tap(Topics.RETURN_DECISIONS, (r, at) -> {
                if (EventType.RETURN_DECIDED.ceType().equals(header(r, "ce_type"))) {
                    Timing t = returns.computeIfAbsent(r.key(), k -> new Timing());
                    t.decidedArrived = at;
                    t.outcome = EventJson.readTree(r.value()).path("outcome").asText();
                    lastDecidedArrival.set(at);
                    decided.incrementAndGet();
                }
            });

            System.out.println("Instance 1: returns-service with the risk consumer off...");
            ServiceProcess first = bench.startService(PlatformService.RETURNS, List.of("-D" + RISK_SWITCH + "=false"));
            Shop shop = new Shop(6L, UUID.randomUUID().toString().substring(0, 6), 1500, 0.6);
            System.out.printf("Orders: %,d delivered orders on %s...%n", ordersCount, Topics.ORDER_STATUS);
            List<KnownOrder> orders = new ArrayList<>();
            Map<String, Object> ordersPhase = preloadOrders(bench, shop, ordersCount, orders);
            // about 70% of orders get a return request: returning customers build up a history
            ConcurrentLinkedQueue<KnownOrder> toReturn = new ConcurrentLinkedQueue<>();
            for (KnownOrder o : orders) {
                if (shop.random().nextDouble() < 0.7) {
                    toReturn.add(o);
                }
            }
            if (toReturn.size() < backlog + latencyRequests) {
                throw new IllegalStateException(toReturn.size() + " orders to return, but " + (backlog + latencyRequests)
                        + " requests are needed: raise --orders");
            }

            HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(5)).build();
            Map<String, String> tokens = new ConcurrentHashMap<>();
            System.out.printf("Latency set: %,d return requests through the API, kept off the topic for later...%n",
                    latencyRequests);
            ConcurrentLinkedQueue<Kept> kept = new ConcurrentLinkedQueue<>();
            keeping.set(kept);
            Map<String, Object> latencySet = createBacklog(bench, http, tokens, shop, toReturn, latencyRequests, returns,
                    requested);
            keeping.set(null);
            List<Kept> latencyRecords = List.copyOf(kept);
            if (latencyRecords.size() < latencyRequests * 99 / 100) {
                throw new IllegalStateException("only " + latencyRecords.size() + " of " + latencyRequests
                        + " return.requested of the latency set were seen on the topic");
            }
            long deleted = bench.truncate(Topics.RETURN_REQUESTS);
            System.out.printf("  kept %,d return.requested records and deleted %,d from %s%n", latencyRecords.size(), deleted,
                    Topics.RETURN_REQUESTS);

            System.out.printf("Backlog: %,d return requests through the API, the risk consumer off...%n", backlog);
            requested.set(0);
            ConcurrentLinkedQueue<Kept> backlogKept = new ConcurrentLinkedQueue<>();
            keeping.set(backlogKept);
            Map<String, Object> backlogPhase = createBacklog(bench, http, tokens, shop, toReturn, backlog, returns, requested);
            keeping.set(null);
            List<Kept> backlogRecords = List.copyOf(backlogKept);
            bench.stopService(first);

            System.out.println("Instance 2: returns-service with the default settings (risk consumer on) drains it...");
            ServiceProcess second = bench.startService(PlatformService.RETURNS, settings);
            StackCpu.Snapshot cpuStart = bench.cpu(second);
            if (!ServiceBench.await(Duration.ofMinutes(5), () -> decided.get() >= backlog)) {
                throw new IllegalStateException("only " + decided.get() + " of " + backlog + " return.decided arrived");
            }
            StackCpu.Snapshot cpuEnd = bench.cpu(second);
            Map<String, Object> drain = drain(bench, backlog, lastDecidedArrival.get());
            drain.put("cpu", cpuEnd.since(cpuStart));

            Map<String, Object> warmupPhase = Map.of("seconds", 0);
            Map<String, Object> warmDrain = null;
            if (warmupSeconds > 0) {
                System.out.printf("Warm-up: copies of the backlog's %,d requests decided for %d s...%n",
                        backlogRecords.size(), warmupSeconds);
                warmupPhase = warmUp(bench, second, backlogRecords, warmupSeconds, decided);
                System.out.printf("Warm drain: %,d more copies at once...%n", backlogRecords.size());
                warmDrain = warmDrain(bench, second, backlogRecords, decided, lastDecidedArrival);
            }

            System.out.printf("Latency: the kept return.requested at %d/s on %s for %d s (after %d s of warm-up)...%n", rate,
                    Topics.RETURN_REQUESTS, seconds, warmup);
            Map<String, Object> latency = latency(bench, second, latencyRecords, rate, seconds, warmup, returns);

            double kafkaRate = (double) kafka.get("recordsPerSecond");
            double coldRate = (double) drain.get("decisionsPerSecond");
            double drainRate = warmDrain == null ? coldRate : (double) warmDrain.get("decisionsPerSecond");
            double consumerRate = (double) drain.get("consumerDecisionsPerSecond");
            double pg1Rate = ((Number) pg1.get("commitsPerSecond")).doubleValue();
            @SuppressWarnings("unchecked")
            Map<String, Object> lat = (Map<String, Object>) latency.get("requestedToDecided");
            @SuppressWarnings("unchecked")
            Map<String, Object> api = (Map<String, Object>) backlogPhase.get("response");
            // requests still undecided when the run gave up waiting count as slower than any decided one
            int missing = (int) latency.get("neverDecided");
            int measuredRequests = (int) latency.get("requestsMeasured");
            boolean censored = missing > measuredRequests / 100;
            double p99 = censored ? Double.POSITIVE_INFINITY : (double) lat.get("p99Ms");
            latency.put("p99Censored", censored);
            Report report = new Report(OutboxRelayBenchmark.option(args, "name", "returns"), machine)
                    .put("service", "returns-service from its packaged jar; latency set and backlog made through the API with"
                            + " the risk consumer off, backlog drained by a second instance with the default settings, then the"
                            + " latency set's return.requested records offered again on the topic at the target rate")
                    .put("ceilings", Map.of("kafkaProducer", kafka, "postgres1Client", pg1, "postgres4Clients", pg4))
                    .put("deciderSettings", settings)
                    .put("orders", ordersPhase)
                    .put("latencySet", latencySet)
                    .put("backlog", backlogPhase)
                    .put("throughput", drain)
                    .put("warmup", warmupPhase)
                    .put("warmThroughput", warmDrain == null ? Map.of() : warmDrain)
                    .put("latency", latency)
                    .put("goals", Map.of("decisionsPerSecond", 1_000, "p99MsAt200PerSecond", 250))
                    .put("ratios", Map.of("decisionsPerSecondToGoal", round2(drainRate / 1_000), "p99ToGoal",
                            censored ? "over " + round2((double) lat.get("maxMs") / 250) : round2(p99 / 250)))
                    .row("Kafka producer ceiling (1 KB, acks=all)", Report.number(kafkaRate) + " rec/s", "", "")
                    .row("PostgreSQL commits/s, 1 client", Report.number(pg1Rate), "", "")
                    .row("PostgreSQL commits/s, 4 clients", Report.number(((Number) pg4.get("commitsPerSecond")).doubleValue()),
                            "", "")
                    .row("orders learnt from order-status.v1 (/s)", Report.number((double) ordersPhase.get("ordersPerSecond")), "",
                            "")
                    .row("return requests created through the API (/s, 8 clients)",
                            Report.number((double) backlogPhase.get("requestsPerSecond")), "", "")
                    .row("  API response p50 / p99", Report.ms((double) api.get("p50Ms")) + " / "
                            + Report.ms((double) api.get("p99Ms")), "", "")
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
            Map<?, ?> drainCpu = (Map<?, ?>) drain.get("cpu");
            Map<?, ?> latencyCpu = (Map<?, ?>) latency.get("cpu");
            report.row("  service cores while draining (of which JIT compiling)", drainCpu.get("serviceCores") + " ("
                    + drainCpu.get("serviceJitCores") + ")", "of " + drainCpu.get("machineCores"), "");
            if (warmDrain != null) {
                Map<?, ?> warmupCpu = (Map<?, ?>) warmupPhase.get("cpu");
                Map<?, ?> warmCpu = (Map<?, ?>) warmDrain.get("cpu");
                double warmConsumer = (double) warmDrain.get("consumerDecisionsPerSecond");
                report.row("warm-up: decisions/s over " + warmupPhase.get("seconds") + " s (" + warmupPhase.get("decisions")
                                + " copies)", Report.number((double) warmupPhase.get("decisionsPerSecond")), "", "")
                        .row("  service cores (of which JIT compiling)", warmupCpu.get("serviceCores") + " ("
                                + warmupCpu.get("serviceJitCores") + ")", "of " + warmupCpu.get("machineCores"), "")
                        .row("decisions/s, backlog drained to the topic, warm", Report.number(drainRate), "goal 1,000",
                                Report.ratio(drainRate, 1_000))
                        .row("  risk consumer: decisions committed/s", Report.number(warmConsumer),
                                "PostgreSQL commits/s, 1 client", Report.ratio(warmConsumer, pg1Rate))
                        .row("  service cores (of which JIT compiling)", warmCpu.get("serviceCores") + " ("
                                + warmCpu.get("serviceJitCores") + ")", "of " + warmCpu.get("machineCores"), "")
                        .row("  outcomes (decisions, with an RMA code)", String.valueOf(warmDrain.get("byOutcome")), "", "");
            }
            report.row("requested-to-decided p50 @ " + rate + "/s", Report.ms((double) lat.get("p50Ms")), "", "")
                    .row("requested-to-decided p99 @ " + rate + "/s", censored ? "> " + Report.ms((double) lat.get("maxMs"))
                            : Report.ms(p99), "goal p99 < 250 ms", censored ? "> " + Report.ratio((double) lat.get("maxMs"), 250)
                            : Report.ratio(p99, 250))
                    .row("  record to decision / decision to topic p50", Report.ms((double) ((Map<?, ?>) latency.get(
                            "recordToDecision")).get("p50Ms")) + " / " + Report.ms((double) ((Map<?, ?>) latency.get(
                            "decisionToTopic")).get("p50Ms")), "", "")
                    .row("  record to decision / decision to topic p99", Report.ms((double) ((Map<?, ?>) latency.get(
                            "recordToDecision")).get("p99Ms")) + " / " + Report.ms((double) ((Map<?, ?>) latency.get(
                            "decisionToTopic")).get("p99Ms")), "", "")
                    .row("  service cores @ " + rate + "/s (of which JIT compiling)", latencyCpu.get("serviceCores") + " ("
                            + latencyCpu.get("serviceJitCores") + ")", "of " + latencyCpu.get("machineCores"), "")
                    .row("measured requests undecided (60 s)", Report.number(missing), "of " + measuredRequests, "")
                    .row("requested-to-decided max @ " + rate + "/s", Report.ms((double) lat.get("maxMs")), "", "")
                    .row("achieved rate (requests/s)", Report.number((double) latency.get("achievedPerSecond")), "target " + rate,
                            Report.ratio((double) latency.get("achievedPerSecond"), rate))
                    .write(bench.root());
        }
        System.exit(0);
    }

    /** Publishes delivered orders as order-status-service would and waits until the service knows them all. */
    private static Map<String, Object> preloadOrders(ServiceBench bench, Shop shop, int count, List<KnownOrder> out)
            throws Exception {
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
            bench.sendEvent(EventType.ORDER_STATUS_CHANGED, orderId, UUID.randomUUID().toString(), changed, delivered, null);
            out.add(new KnownOrder(orderId, customer, lines));
        }
        bench.flush();
        if (!ServiceBench.await(Duration.ofMinutes(5), () -> count(bench, "select count(*) from customer_order") >= count)) {
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

    /** Creates {@code count} requests through the API with a few concurrent customers, as fast as it answers. */
    private static Map<String, Object> createBacklog(ServiceBench bench, HttpClient http, Map<String, String> tokens, Shop shop,
            ConcurrentLinkedQueue<KnownOrder> toReturn, int count, Map<String, Timing> returns, AtomicInteger requested)
            throws Exception {
        AtomicInteger created = new AtomicInteger();
        AtomicInteger refused = new AtomicInteger();
        List<String> errors = new CopyOnWriteArrayList<>();
        List<Thread> threads = new ArrayList<>();
        long start = System.nanoTime();
        List<HttpRequest> prepared = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            prepared.add(returnRequest(shop, tokens, toReturn.poll()));
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
                            returns.computeIfAbsent(EventJson.readTree(r.body()).path("returnId").asText(), k -> new Timing());
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
        if (!ServiceBench.await(Duration.ofMinutes(3), () -> requested.get() >= created.get())) {
            throw new IllegalStateException("only " + requested.get() + " of " + created.get() + " return.requested were relayed");
        }
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

    /** The risk consumer's rate from its decisions' timestamps, and the outcome mix with each outcome's cost. */
    private static Map<String, Object> drain(ServiceBench bench, int backlog, long lastArrival) throws Exception {
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
                    o.put("share", round2(r.getLong(2) / (double) backlog));
                    o.put("meanMsPerDecision", round2(r.getDouble(3)));
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
    private static List<Kept> copies(ServiceBench bench, List<Kept> records) throws Exception {
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
    private static void publish(ServiceBench bench, List<Kept> records) {
        for (Kept k : records) {
            bench.send(Topics.RETURN_REQUESTS, k.key(), k.value(), k.headers(), System.currentTimeMillis(), null);
        }
        bench.flush();
    }

    /** Decides rounds of copies of the backlog, one after the other, until {@code seconds} have passed. */
    private static Map<String, Object> warmUp(ServiceBench bench, ServiceProcess service, List<Kept> backlog, int seconds,
            AtomicInteger decided) throws Exception {
        StackCpu.Snapshot cpuStart = bench.cpu(service);
        long start = System.nanoTime();
        long deadline = start + Duration.ofSeconds(seconds).toNanos();
        int rounds = 0;
        int decisions = 0;
        while (System.nanoTime() < deadline) {
            List<Kept> round = copies(bench, backlog);
            int target = decided.get() + round.size();
            publish(bench, round);
            if (!ServiceBench.await(Duration.ofMinutes(5), () -> decided.get() >= target)) {
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
        m.put("cpu", bench.cpu(service).since(cpuStart));
        return m;
    }

    /** One more set of copies published at once on the warmed instance: to the topic, and committed by the consumer. */
    private static Map<String, Object> warmDrain(ServiceBench bench, ServiceProcess service, List<Kept> backlog,
            AtomicInteger decided, AtomicLong lastDecidedArrival) throws Exception {
        List<Kept> copies = copies(bench, backlog);
        StackCpu.Snapshot cpuStart = bench.cpu(service);
        int target = decided.get() + copies.size();
        long start = System.currentTimeMillis();
        publish(bench, copies);
        if (!ServiceBench.await(Duration.ofMinutes(5), () -> decided.get() >= target)) {
            throw new IllegalStateException("warm drain: only " + (copies.size() - target + decided.get()) + " of "
                    + copies.size() + " return.decided arrived");
        }
        StackCpu.Snapshot cpuEnd = bench.cpu(service);
        long lastArrival = lastDecidedArrival.get();
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
    private static Map<String, Object> latency(ServiceBench bench, ServiceProcess service, List<Kept> records, int rate,
            int seconds, int warmup, Map<String, Timing> returns) throws Exception {
        int total = Math.min(records.size(), rate * (warmup + seconds));
        List<Timing> measured = new ArrayList<>();
        List<String> measuredIds = new ArrayList<>();
        long intervalNanos = 1_000_000_000L / rate;
        long start = System.nanoTime() + 200_000_000L;
        long warmupEnd = start + Duration.ofSeconds(warmup).toNanos();
        StackCpu.Snapshot cpuStart = null;
        long firstMeasured = 0;
        long lastMeasured = 0;
        for (int i = 0; i < total; i++) {
            long wait = start + i * intervalNanos - System.nanoTime();
            if (wait > 0) {
                LockSupport.parkNanos(wait);
            }
            long now = System.nanoTime();
            Kept k = records.get(i);
            Timing t = returns.computeIfAbsent(k.key(), key -> new Timing());
            long stamp = System.currentTimeMillis();
            t.requestedRecord = stamp;
            bench.send(Topics.RETURN_REQUESTS, k.key(), k.value(), k.headers(), stamp, null);
            if (now >= warmupEnd) {
                if (firstMeasured == 0) {
                    firstMeasured = now;
                    cpuStart = bench.cpu(service);
                }
                lastMeasured = now;
                measured.add(t);
                measuredIds.add(k.key());
            }
        }
        bench.flush();
        StackCpu.Snapshot cpuEnd = bench.cpu(service);
        ServiceBench.await(Duration.ofSeconds(60), () -> measured.stream().allMatch(t -> t.decidedArrived > 0));
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

    /** One customer's request to return some of an order, as the self-service page would send it. */
    private static HttpRequest returnRequest(Shop shop, Map<String, String> tokens, KnownOrder order) {
        List<Map<String, Object>> lines = new ArrayList<>();
        boolean everything = shop.random().nextDouble() < 0.2;
        int only = shop.random().nextInt(order.lines().size());
        for (int i = 0; i < order.lines().size(); i++) {
            if (!everything && i != only) {
                continue;
            }
            OrderLine l = order.lines().get(i);
            int quantity = 1 + shop.random().nextInt(l.quantity());
            lines.add(Map.of("sku", l.sku(), "quantity", quantity, "reason", reason(shop, l.category())));
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
    private static String reason(Shop shop, String category) {
        if ((category.equals("apparel") || category.equals("footwear")) && shop.random().nextDouble() < 0.55) {
            return "SIZE_FIT";
        }
        return GENERAL_REASONS[shop.random().nextInt(GENERAL_REASONS.length)];
    }

    private static Map<String, Object> summary(List<Double> values) {
        return new Latencies(values.stream().mapToDouble(Double::doubleValue).toArray()).summary();
    }

    private static long count(ServiceBench bench, String sql) {
        try (Connection c = bench.db("returns"); Statement s = c.createStatement(); ResultSet r = s.executeQuery(sql)) {
            r.next();
            return r.getLong(1);
        } catch (Exception e) {
            return -1;
        }
    }

    private static String header(org.apache.kafka.clients.consumer.ConsumerRecord<?, ?> r, String name) {
        var h = r.headers().lastHeader(name);
        return h == null ? null : new String(h.value(), java.nio.charset.StandardCharsets.UTF_8);
    }

    private static double round2(double v) {
        return Math.round(v * 100.0) / 100.0;
    }
}
