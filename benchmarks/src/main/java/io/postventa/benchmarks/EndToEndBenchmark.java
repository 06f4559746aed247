package io.postventa.benchmarks;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.postventa.benchmarks.load.BenchEvents;
import io.postventa.benchmarks.load.Customers;
import io.postventa.benchmarks.load.Producer;
import io.postventa.benchmarks.measure.Await;
import io.postventa.benchmarks.measure.Ceilings;
import io.postventa.benchmarks.measure.KafkaStats;
import io.postventa.benchmarks.measure.Latencies;
import io.postventa.benchmarks.measure.LatencyChart;
import io.postventa.benchmarks.measure.Machine;
import io.postventa.benchmarks.measure.ProcessStats;
import io.postventa.benchmarks.measure.Report;
import io.postventa.benchmarks.measure.RssSampler;
import io.postventa.benchmarks.measure.Sampler;
import io.postventa.benchmarks.measure.StackCpu;
import io.postventa.benchmarks.stack.BenchStack;
import io.postventa.benchmarks.stack.RunningService;
import io.postventa.devstack.PlatformService;
import io.postventa.events.CloudEventHeaders;
import io.postventa.events.EventType;
import io.postventa.events.Topics;
import io.postventa.events.orders.OrderLifecycleEventType;
import io.postventa.providerstub.ProviderStub;

/**
 * The whole platform (all five services, each its packaged jar in a process of its own) under open-loop,
 * fixed-rate order lifecycle traffic on orders.lifecycle.v1: first a warm-up at a modest rate, measured as the cold
 * figures (the services are seconds old and their JIT compiles the hot paths meanwhile), then a JIT warm-up at a
 * higher rate (reported, not judged), then steps of rising rate on the warm services. Per phase: whether the consumer lag of every service stayed flat (sustained), p50/p99 from the
 * inbound order event to the push provider (a stub in this JVM) receiving the message, the DB commits and Kafka
 * records each inbound event costs, and the CPU each component used. Next to Kafka's and PostgreSQL's ceilings
 * measured in the same run, and the ideal rate those ceilings allow at those costs. Goals (issue #9, #33): 5,000
 * events/s sustained, p99 under 1 s at 1,000/s, 0.4 ms of machine CPU per event, each service under 250 MB RSS
 * idle and under 3 s to ready. With {@code --instances N}, N instances of every service run side by side (replicas
 * sharing the service's database, consumer groups and relay lock); each phase then also counts the messages lost and
 * duplicated at the provider and which instance of each service relays its outbox.
 */
public final class EndToEndBenchmark {
    private static final List<PlatformService> SERVICES = PlatformService.all();
    private static final List<String> GROUPS = SERVICES.stream().map(PlatformService::serviceName).toList();
    /** The journey's stages that notify the customer by push, by the title of their message. */
    private static final Map<String, OrderLifecycleEventType> TITLES = Map.of(
            "is on its way", OrderLifecycleEventType.ORDER_SHIPPED,
            "arrives today", OrderLifecycleEventType.SHIPMENT_OUT_FOR_DELIVERY,
            "has been delivered", OrderLifecycleEventType.SHIPMENT_DELIVERED);
    private static final int STAGES = BenchEvents.JOURNEY.size();
    private static final int GOAL_PER_SECOND = 5_000;
    /** The phase between the cold one and the steps: listed with the steps, never judged. */
    private static final String JIT_WARMUP = "jit warm-up";

    private EndToEndBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        Options options = Options.parse("e2e", "All five services: order events/s sustained through the whole platform, "
                + "p50/p99 from the order event to the push provider, CPU per event, start time and RSS; cold, then warm.",
                args);
        List<Integer> rates = options.integers("rates", "250,500,1000,2000,3000,5000", "events/s of the warm steps, in "
                + "order; the run stops at the first step not sustained");
        int stepSeconds = options.integer("step-seconds", 20, "length of each step");
        int customers = options.integer("customers", 5000, "customers preloaded on customers.v1");
        int warmupRate = options.integer("warmup-rate", 100, "events/s of the warm-up, measured as the cold phase");
        int warmupSeconds = options.integer("warmup-seconds", 120, "length of the warm-up (the services' JIT compiles "
                + "for two minutes or so under load); then the lag drains to zero before the steps");
        int jitSeconds = options.integer("jit-warmup", 120, "seconds of load at --jit-warmup-rate after the cold phase "
                + "and before the steps, so that five JVMs' compilers are done before a step is judged (at 100/s they "
                + "still took a quarter of the machine after 150 s); reported, not judged; 0 skips it");
        int jitRate = options.integer("jit-warmup-rate", 400, "events/s of the JIT warm-up");
        List<String> props = options.repeated("prop", "key=value, a setting of notification-service");
        int instances = options.integer("instances", 1, "instances of every service, each on its own port, sharing "
                + "the service's database, consumer groups and outbox relay lock (replicas)");
        int partitions = options.integer("partitions", 6, "partitions of every platform topic (and its .dlq), created "
                + "before the services start; as deployed (deploy/ uses 6), and enough for each instance of a group");
        if (instances < 1 || partitions < instances) {
            throw new IllegalArgumentException("--instances must be at least 1 and at most --partitions (" + partitions + ")");
        }
        Machine machine = options.start("End-to-end benchmark");
        try (BenchStack stack = BenchStack.fresh();
             ProviderStub provider = ProviderStub.builder().keepRequests(false).start();
             KafkaStats kafka = new KafkaStats(stack.kafka());
             Producer producer = new Producer(stack.kafka())) {
            stack.createPlatformTopics(partitions);
            Ceilings ceilings = Ceilings.measure(stack.info(), 1024);
            Map<String, RunningService> services = startServices(stack, provider, props, instances);
            Map<String, Long> rssIdle = idleRss(services);
            try (RssSampler rss = RssSampler.start(services.values().stream().map(RunningService::pid).toList())) {
                Customers.preload(stack, producer, customers);
                Deliveries deliveries = new Deliveries(provider);
                JourneySource journeys = new JourneySource(customers, deliveries);

                System.out.printf("Cold: %,d events/s for %d s on services seconds old, measured...%n", warmupRate,
                        warmupSeconds);
                Map<String, Object> cold = phase(stack, kafka, producer, journeys, services, "cold", warmupRate,
                        warmupSeconds);
                cold.put("secondsUntilLagZero", drainLag(kafka));
                List<Map<String, Object>> steps = new ArrayList<>();
                if (jitSeconds > 0) {
                    System.out.printf("JIT warm-up: %,d events/s for %d s (reported, not judged)...%n", jitRate,
                            jitSeconds);
                    Map<String, Object> warmup = phase(stack, kafka, producer, journeys, services, JIT_WARMUP, jitRate,
                            jitSeconds);
                    warmup.put("secondsUntilLagZero", drainLag(kafka));
                    steps.add(warmup);
                }
                int sustainedRate = 0;
                for (int i = 0; i < rates.size(); i++) {
                    int rate = rates.get(i);
                    System.out.printf("Step %d (warm): %,d events/s for %d s...%n", i + 1, rate, stepSeconds);
                    Map<String, Object> step = phase(stack, kafka, producer, journeys, services, "step " + (i + 1), rate,
                            stepSeconds);
                    steps.add(step);
                    if (!(boolean) step.get("sustained")) {
                        break;
                    }
                    sustainedRate = rate;
                }
                System.out.println("Draining: waiting for the last messages (at most 60 s)...");
                Await.until(Duration.ofSeconds(60), () -> deliveries.pending() == 0);
                rss.stop();

                Report report = options.report(machine);
                Path chart = deliveries.chart(report.sibling("-latency.png"), machine, cold, steps);
                report(report, stack.root(), ceilings, services, instances, partitions, rssIdle, rss, cold, steps,
                        sustainedRate, deliveries, chart).write();
                System.out.println("Chart written to " + chart);
            }
        }
        System.exit(0);
    }

    /**
     * The lag is read from the groups' committed offsets, and SmallRye's throttled strategy commits what was processed
     * every {@code auto.commit.interval.ms}, 5 s by default: a group that keeps up at 250 events/s then still shows
     * thousands of records of lag before each commit, and no step could be judged. Committing every 500 ms costs a
     * commit request per channel twice a second and leaves the committed lag within half a second of the real one.
     */
    static final Map<String, String> COMMIT_EVERY =
            Map.of("mp.messaging.connector.smallrye-kafka.auto.commit.interval.ms", "500");

    /**
     * The five services one after the other, so that each one's time to ready is its own; then, with more than one
     * instance, the further instances of each in the same order (the first instance of a service runs its migrations
     * and takes its relay lock; the others find both done). Keyed by instance name ({@code ticket-service-2}).
     */
    private static Map<String, RunningService> startServices(BenchStack stack, ProviderStub provider, List<String> props,
            int instances) {
        Map<String, String> notification = new LinkedHashMap<>(provider.notificationSettings());
        for (String trigger : List.of("order-shipped", "order-out-for-delivery", "order-delivered")) {
            notification.put("postventa.notification.triggers." + trigger, "PUSH");
        }
        notification.put("postventa.notification.order-updates-per-day", "1000000");
        notification.putAll(NotificationBenchmark.properties(props));
        notification.putAll(COMMIT_EVERY);
        Map<String, RunningService> services = new LinkedHashMap<>();
        for (int instance = 1; instance <= instances; instance++) {
            for (PlatformService s : SERVICES) {
                RunningService running = stack.startService(s, instance,
                        s == PlatformService.NOTIFICATION ? notification : COMMIT_EVERY);
                services.put(running.name(), running);
            }
        }
        return services;
    }

    /** Each service's resident memory once its start-up work (seeding, first polls) has settled. */
    private static Map<String, Long> idleRss(Map<String, RunningService> services) throws InterruptedException {
        Thread.sleep(5000);
        Map<String, Long> rss = new LinkedHashMap<>();
        services.forEach((name, s) -> rss.put(name, ProcessStats.rssMb(s.pid())));
        return rss;
    }

    /** The service an instance name ({@code ticket-service}, {@code ticket-service-2}) belongs to. */
    private static PlatformService serviceOf(String instanceName) {
        for (PlatformService s : SERVICES) {
            String name = s.serviceName();
            if (instanceName.equals(name) || instanceName.matches(Pattern.quote(name) + "-\\d+")) {
                return s;
            }
        }
        return null;
    }

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private static final ObjectMapper JSON = new ObjectMapper();

    /**
     * Per service: each instance's outbox relay role and events relayed so far (from its readiness check), and the
     * instances that lead, of which there must be exactly one.
     */
    private static Map<String, Object> relays(Map<String, RunningService> services) {
        Map<String, Object> out = new LinkedHashMap<>();
        for (PlatformService s : SERVICES) {
            Map<String, Object> byInstance = new LinkedHashMap<>();
            List<String> leaders = new ArrayList<>();
            services.values().stream().filter(r -> r.service() == s).forEach(r -> {
                Map<String, Object> relay = relayOf(r);
                byInstance.put(r.name(), relay);
                if ("leader".equals(relay.get("role"))) {
                    leaders.add(r.name());
                }
            });
            Map<String, Object> service = new LinkedHashMap<>();
            service.put("leaders", leaders);
            service.put("instances", byInstance);
            out.put(s.serviceName(), service);
        }
        return out;
    }

    private static Map<String, Object> relayOf(RunningService r) {
        HttpRequest ready = HttpRequest.newBuilder(URI.create(r.url() + "/q/health/ready")).timeout(Duration.ofSeconds(10))
                .build();
        try {
            // 503 too carries the checks
            JsonNode checks = JSON.readTree(HTTP.send(ready, HttpResponse.BodyHandlers.ofString()).body()).path("checks");
            for (JsonNode check : checks) {
                if ("Outbox relay".equals(check.path("name").asText())) {
                    Map<String, Object> relay = new LinkedHashMap<>();
                    relay.put("role", check.path("data").path("role").asText("?"));
                    relay.put("relayed", check.path("data").path("relayed").asLong());
                    return relay;
                }
            }
            return Map.of("role", "no relay check");
        } catch (IOException e) {
            return Map.of("role", "unreachable: " + e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Map.of("role", "interrupted");
        }
    }

    /** Waits until every group has read everything (at most 120 s); returns how long it took. */
    private static double drainLag(KafkaStats kafka) {
        long start = System.nanoTime();
        Await.until(Duration.ofSeconds(120), () -> kafka.totalLag(GROUPS) == 0);
        double seconds = (System.nanoTime() - start) / 1e9;
        System.out.printf("  lag %,d after %.0f s of draining%n", kafka.totalLag(GROUPS), seconds);
        return Latencies.round(seconds);
    }

    /** One phase: {@code rate} events/s for {@code seconds}, open loop, and what it cost. */
    private static Map<String, Object> phase(BenchStack stack, KafkaStats kafka, Producer producer, JourneySource journeys,
            Map<String, RunningService> services, String label, int rate, int seconds) {
        Set<String> topics = new TreeSet<>(Topics.ALL);
        Topics.ALL.forEach(t -> topics.add(t + Topics.DLQ_SUFFIX));
        journeys.phase = journeys.deliveries.startPhase(label + ": " + rate + " events/s");
        Map<String, Long> commits0 = stack.commitsPerDatabase();
        Map<String, Long> offsets0 = kafka.endOffsets(topics);
        StackCpu.Reading cpu0 = stack.cpu();
        Producer.Run run;
        List<long[]> lagTimeline;
        Map<String, Object> lagByChannel;
        try (LagTimeline lag = new LagTimeline(kafka)) {
            run = producer.atRate(journeys, journeys.sentCount(), (long) rate * seconds, rate);
            lagTimeline = lag.stop();
            // a channel that fell a second of the phase's traffic behind at some point
            lagByChannel = lag.channels(Math.max(100, rate));
        }
        producer.requireNoFailures();
        StackCpu.Reading cpu1 = stack.cpu();
        long lagEnd = kafka.totalLag(GROUPS);
        Map<String, java.util.Set<String>> topicsByGroup = new LinkedHashMap<>();
        GROUPS.forEach(g -> topicsByGroup.put(g, kafka.topicsOf(g)));
        Map<String, Object> phase = figures(label, rate, run, lagTimeline, lagEnd, stack.commitsPerDatabase(), commits0,
                kafka.endOffsets(topics), offsets0, cpu1.since(cpu0), topicsByGroup);
        phase.put("relay", relays(services));
        phase.put("lagByChannel", lagByChannel);
        System.out.printf("  sent %,.0f/s, lag at end %,d (peak %,d), %.2f commits and %.2f records per event, %.1f ms of "
                + "machine CPU per event: %s%n", run.achievedPerSecond(), lagEnd, (long) phase.get("peakLag"),
                (double) phase.get("dbCommitsPerEvent"), (double) phase.get("kafkaRecordsPerEvent"),
                (double) phase.get("machineCpuMsPerEvent"), (boolean) phase.get("sustained") ? "sustained" : "NOT sustained");
        lagByChannel.entrySet().stream().limit(4).forEach(e -> System.out.printf("  behind: %s, peak %,d%n", e.getKey(),
                (long) ((Map<?, ?>) e.getValue()).get("peak")));
        return phase;
    }

    private static Map<String, Object> figures(String label, int rate, Producer.Run run, List<long[]> lagTimeline,
            long lagEnd, Map<String, Long> commits1, Map<String, Long> commits0, Map<String, Long> offsets1,
            Map<String, Long> offsets0, Map<String, Object> cpu, Map<String, java.util.Set<String>> topicsByGroup) {
        long events = run.records();
        // A second of traffic for the consumer groups: each inbound event becomes a record on several topics, and
        // several groups read each (order-status.v1 by four services), so the groups together receive about five
        // records a second per inbound event a second; the lag is their sum.
        double groupRecordsPerEvent = 0;
        for (Map.Entry<String, java.util.Set<String>> g : topicsByGroup.entrySet()) {
            for (String t : g.getValue()) {
                groupRecordsPerEvent += (offsets1.getOrDefault(t, 0L) - offsets0.getOrDefault(t, 0L)) / (double) events;
            }
        }
        long secondOfTraffic = Math.max(500, Math.round(rate * groupRecordsPerEvent));
        Map<String, Object> phase = new LinkedHashMap<>();
        phase.put("phase", label);
        phase.put("targetPerSecond", rate);
        phase.put("achievedPerSecond", run.achievedPerSecond());
        phase.put("producerMaxBehindScheduleMs", run.maxBehindMs());
        phase.put("events", events);
        long peakLag = Math.max(lagEnd, lagTimeline.stream().mapToLong(l -> l[1]).max().orElse(0));
        long midLag = lagTimeline.isEmpty() ? 0 : lagTimeline.get(lagTimeline.size() / 2)[1];
        // sustained: at the end the groups are less than about a second of their traffic behind, or at most three
        // seconds and the lag did not keep climbing through the second half
        boolean sustained = lagEnd <= secondOfTraffic || (lagEnd <= midLag && lagEnd <= 3L * secondOfTraffic);
        phase.put("groupRecordsPerSecond", secondOfTraffic);
        phase.put("lagAtEnd", lagEnd);
        phase.put("lagAtMiddle", midLag);
        phase.put("peakLag", peakLag);
        phase.put("lagTimeline", lagTimeline.stream().map(l -> List.of(l[0], l[1])).toList());
        phase.put("sustained", sustained);
        Map<String, Object> commits = new LinkedHashMap<>();
        long totalCommits = 0;
        for (String db : commits1.keySet()) {
            long d = commits1.get(db) - commits0.getOrDefault(db, 0L);
            totalCommits += d;
            commits.put(db, Latencies.round2(d / (double) events));
        }
        phase.put("dbCommitsPerEventByDatabase", commits);
        phase.put("dbCommitsPerEvent", totalCommits / (double) events);
        Map<String, Object> records = new LinkedHashMap<>();
        long totalRecords = 0;
        for (String t : offsets1.keySet()) {
            long d = offsets1.get(t) - offsets0.getOrDefault(t, 0L);
            if (d > 0) {
                totalRecords += d;
                records.put(t, Latencies.round2(d / (double) events));
            }
        }
        phase.put("kafkaRecordsPerEventByTopic", records);
        phase.put("kafkaRecordsPerEvent", totalRecords / (double) events);
        Map<String, Object> cores = new LinkedHashMap<>();
        Map<String, Object> byInstance = new LinkedHashMap<>();
        ((Map<?, ?>) cpu.get("byService")).forEach((name, s) -> byInstance.put((String) name, ((Map<?, ?>) s).get("cores")));
        // a service's cores are the sum of its instances'
        for (PlatformService s : SERVICES) {
            double sum = byInstance.entrySet().stream().filter(e -> serviceOf(e.getKey()) == s)
                    .mapToDouble(e -> ((Number) e.getValue()).doubleValue()).sum();
            cores.put(s.serviceName(), Latencies.round2(sum));
        }
        cores.put("kafka", cpu.get("kafkaCores"));
        cores.put("postgres", cpu.get("postgresCores"));
        cores.put("stack JVM (SMTP)", cpu.get("stackJvmCores"));
        cores.put("benchmark JVM", cpu.get("benchmarkJvmCores"));
        double total = cores.values().stream().mapToDouble(c -> ((Number) c).doubleValue()).sum();
        double wall = ((Number) cpu.get("wallSeconds")).doubleValue();
        phase.put("cpu", cpu);
        phase.put("cpuCoresByComponent", cores);
        phase.put("cpuCoresByServiceInstance", byInstance);
        phase.put("cpuCoresTotal", Latencies.round2(total));
        phase.put("cpuMsPerEvent", Latencies.round2(total * wall * 1000 / events));
        phase.put("machineCpuMsPerEvent", Latencies.round2(((Number) cpu.get("machineBusyCores")).doubleValue() * wall * 1000
                / events));
        return phase;
    }

    private static Report report(Report report, Path root, Ceilings ceilings, Map<String, RunningService> services,
            int instances, int partitions, Map<String, Long> rssIdle, RssSampler rss, Map<String, Object> cold, List<Map<String, Object>> steps,
            int sustainedRate, Deliveries deliveries, Path chart) {
        double kafkaRate = ceilings.kafkaRecordsPerSecond();
        double pgCommits = ceilings.commitsPerSecond4();
        List<Map<String, Object>> phases = new ArrayList<>(steps);
        phases.add(0, cold);
        deliveries.latencies(phases);
        List<Map<String, Object>> judged = steps.stream().filter(s -> !JIT_WARMUP.equals(s.get("phase"))).toList();
        Map<String, Object> costPhase = judged.stream().filter(s -> (int) s.get("targetPerSecond") == 1000).findFirst()
                .orElse(judged.isEmpty() ? cold : judged.get(judged.size() - 1));
        double commitsPerEvent = (double) costPhase.get("dbCommitsPerEvent");
        double recordsPerEvent = (double) costPhase.get("kafkaRecordsPerEvent");
        double idealByPg = pgCommits / commitsPerEvent;
        double idealByKafka = kafkaRate / recordsPerEvent;
        double ideal = Math.min(idealByPg, idealByKafka);
        Map<String, Object> servicesJson = new LinkedHashMap<>();
        services.forEach((name, s) -> servicesJson.put(name, Map.of("readySeconds", s.readySeconds(), "rssIdleMb",
                rssIdle.get(name), "rssPeakUnderLoadMb", rss.peak(s.pid()))));
        long lost = 0;
        long duplicated = 0;
        long sameKey = 0;
        for (Map<String, Object> p : phases) {
            Map<?, ?> m = (Map<?, ?>) p.get("messagesAtProvider");
            lost += ((Number) m.get("lost")).longValue();
            duplicated += ((Number) m.get("duplicated")).longValue();
            sameKey += ((Number) m.get("duplicatedSameMessageId")).longValue();
        }
        // A request repeated with an Idempotency-Key the provider already has is the adapter's retry of one message
        // (at least once, by design); a provider that honours the key delivers it once. Counted as the fault run does.
        long twice = duplicated - sameKey;
        // one relay per service in every phase
        boolean oneRelayEach = phases.stream().allMatch(p -> ((Map<?, ?>) p.get("relay")).values().stream()
                .allMatch(r -> ((List<?>) ((Map<?, ?>) r).get("leaders")).size() == 1));
        ceilings.addTo(report)
                .put("instancesPerService", instances)
                .put("partitionsPerTopic", partitions)
                .put("messagesLost", lost)
                .put("messagesDuplicated", duplicated)
                .put("messagesDuplicatedHonouringKeys", twice)
                .put("oneActiveRelayPerService", oneRelayEach)
                .put("services", servicesJson)
                .put("costsPerInboundEvent", Map.of("measuredAtPerSecond", costPhase.get("targetPerSecond"),
                        "dbCommits", commitsPerEvent, "dbCommitsByDatabase", costPhase.get("dbCommitsPerEventByDatabase"),
                        "kafkaRecords", recordsPerEvent, "kafkaRecordsByTopic", costPhase.get("kafkaRecordsPerEventByTopic")))
                .put("ideal", Map.of("eventsPerSecondByPostgres", idealByPg, "eventsPerSecondByKafka", idealByKafka,
                        "eventsPerSecond", ideal))
                .put("sustainedEventsPerSecond", sustainedRate)
                .put("cold", cold)
                .put("steps", steps)
                .put("notifyingEventsNeverDelivered", deliveries.pending())
                .put("providerRequestsNotMatched", deliveries.unmatched())
                .put("chart", root.relativize(chart).toString())
                .put("goals", Map.of("sustainedEventsPerSecond", GOAL_PER_SECOND, "p99MsAt1000PerSecond", 1_000,
                        "machineCpuMsPerEvent", 0.4, "rssIdleMbPerService", 250, "readySecondsPerService", 3))
                .row("instances of each service", Integer.toString(instances), partitions + " partitions a topic", "")
                .row("messages lost / duplicated at the provider", lost + " / " + twice,
                        "goal 0 / 0; raw " + duplicated + " (" + sameKey + " under a key seen)", "")
                .row("active outbox relays per service", oneRelayEach ? "1 each, every phase" : "NOT 1 each (see relay)",
                        "goal 1", "")
                .row("DB commits per inbound event", String.format("%.2f", commitsPerEvent),
                        "at " + costPhase.get("targetPerSecond") + "/s", "")
                .row("Kafka records per inbound event", String.format("%.2f", recordsPerEvent),
                        "at " + costPhase.get("targetPerSecond") + "/s", "")
                .row("ideal events/s (PG / Kafka bound)", Report.number(idealByPg) + " / " + Report.number(idealByKafka), "", "")
                .row("sustained events/s, warm", Report.number(sustainedRate), "goal 5,000",
                        Report.ratio(sustainedRate, GOAL_PER_SECOND))
                .row("  vs ideal from the ceilings", Report.number(sustainedRate), "ideal " + Report.number(ideal),
                        Report.ratio(sustainedRate, ideal));
        for (Map<String, Object> p : phases) {
            Map<?, ?> lat = (Map<?, ?>) p.get("inboundToProvider");
            Map<?, ?> cpu = (Map<?, ?>) p.get("cpu");
            String what = (p == cold ? "cold " : JIT_WARMUP.equals(p.get("phase")) ? "JIT warm-up " : "warm ")
                    + p.get("targetPerSecond") + "/s";
            report.row(what + ": p50 / p99", Report.ms((double) lat.get("p50Ms")) + " / " + Report.ms((double) lat.get("p99Ms")),
                    ((boolean) p.get("sustained") ? "sustained, lag " : "NOT sustained, lag ") + p.get("lagAtEnd"),
                    String.format("%.1f cores", ((Number) cpu.get("machineBusyCores")).doubleValue()))
                    .row("  machine CPU per event", StackCpu.perEvent(cpu, (double) p.get("achievedPerSecond")),
                            String.format("goal 0.4 ms; JIT %.2f cores", ((Number) cpu.get("serviceJitCores")).doubleValue()),
                            Report.ratio((double) p.get("machineCpuMsPerEvent"), 0.4));
            Map<?, ?> m = (Map<?, ?>) p.get("messagesAtProvider");
            report.row("  messages expected / received", m.get("expected") + " / " + m.get("received"),
                    "lost " + m.get("lost") + ", duplicated " + m.get("duplicated") + " (same id "
                            + m.get("duplicatedSameMessageId") + ")", "");
            if (instances > 1) {
                StringBuilder perInstance = new StringBuilder();
                ((Map<?, ?>) p.get("cpuCoresByServiceInstance")).forEach((name, cores) -> perInstance
                        .append(perInstance.isEmpty() ? "" : ", ").append(name).append(' ').append(cores));
                List<String> leaders = new ArrayList<>();
                ((Map<?, ?>) p.get("relay")).forEach((name, r) -> leaders.addAll(((List<?>) ((Map<?, ?>) r).get("leaders"))
                        .stream().map(Object::toString).toList()));
                report.row("  cores per instance", perInstance.toString(), "relays: " + String.join(", ", leaders), "");
            }
        }
        judged.stream().filter(s -> (int) s.get("targetPerSecond") == 1000).findFirst().ifPresent(at1000 -> {
            double p99 = (double) ((Map<?, ?>) at1000.get("inboundToProvider")).get("p99Ms");
            report.row("p99 at 1,000 events/s, warm", Report.ms(p99), "goal < 1,000 ms", Report.ratio(p99, 1_000));
        });
        services.forEach((name, s) -> report.row(name + " ready / RSS idle / peak",
                String.format("%.1f s / %d / %d MB", s.readySeconds(), rssIdle.get(name), rss.peak(s.pid())),
                "goal < 3 s, < 250 MB", Report.ratio(s.readySeconds(), 3) + " " + Report.ratio(rssIdle.get(name), 250)));
        return report;
    }

    /**
     * The consumers' total lag once a second, until stopped (a {@link Sampler}: stopping never hangs), and each
     * channel's (a group and a topic it reads): which consumer fell behind when the total climbs.
     */
    private static final class LagTimeline implements AutoCloseable {
        private final List<long[]> timeline = Collections.synchronizedList(new ArrayList<>());
        private final Map<String, List<long[]>> byChannel = Collections.synchronizedMap(new TreeMap<>());
        private final Sampler sampler;

        LagTimeline(KafkaStats kafka) {
            long start = System.nanoTime();
            Sampler[] self = new Sampler[1];
            sampler = Sampler.every(Duration.ofSeconds(1), "lag-sampler", () -> {
                Map<String, Long> channels = new LinkedHashMap<>();
                for (String group : GROUPS) {
                    kafka.lagByTopic(group).forEach((topic, lag) -> channels.put(group + " < " + topic, lag));
                }
                long lag = channels.values().stream().mapToLong(Long::longValue).sum();
                if (self[0] == null || !self[0].stopped()) {
                    long at = (System.nanoTime() - start) / 1_000_000;
                    timeline.add(new long[] {at, lag});
                    channels.forEach((channel, l) ->
                            byChannel.computeIfAbsent(channel, c -> new ArrayList<>()).add(new long[] {at, l}));
                }
            });
            self[0] = sampler;
        }

        List<long[]> stop() {
            sampler.stop();
            synchronized (timeline) {
                return List.copyOf(timeline);
            }
        }

        /**
         * Per channel whose lag reached {@code floor} at some second: its peak and its lag every second, the largest
         * peak first.
         */
        Map<String, Object> channels(long floor) {
            Map<String, List<long[]>> copy;
            synchronized (byChannel) {
                copy = new TreeMap<>(byChannel);
            }
            Map<String, Object> out = new LinkedHashMap<>();
            copy.entrySet().stream()
                    .filter(e -> e.getValue().stream().anyMatch(l -> l[1] >= floor))
                    .sorted((a, b) -> Long.compare(peak(b.getValue()), peak(a.getValue())))
                    .forEach(e -> out.put(e.getKey(), Map.of("peak", peak(e.getValue()),
                            "every1s", e.getValue().stream().map(l -> l[1]).toList())));
            return out;
        }

        private static long peak(List<long[]> samples) {
            return samples.stream().mapToLong(l -> l[1]).max().orElse(0);
        }

        @Override
        public void close() {
            sampler.stop();
        }
    }

    /**
     * The notifying events sent (by order and stage) and the provider requests they became: the first request for an
     * order and stage is one latency of the phase the event was sent in; a further one for the same order and stage
     * is a duplicate (and, with the same {@code Idempotency-Key}, the same message sent twice); an expected one that
     * never came is lost.
     */
    private static final class Deliveries {
        /** When a notifying event was sent and in which phase. */
        private record Sent(long epochMillis, int phase) {
        }

        /** What the provider got of one phase's notifying events. */
        private static final class Counts {
            final AtomicLong expected = new AtomicLong();
            final AtomicLong received = new AtomicLong();
            final AtomicLong duplicatedOrderStage = new AtomicLong();
            final AtomicLong duplicatedMessageId = new AtomicLong();
        }

        private final Map<String, Sent> sent = new ConcurrentHashMap<>();
        private final Map<String, AtomicInteger> received = new ConcurrentHashMap<>();
        private final Set<String> messageIds = ConcurrentHashMap.newKeySet();
        private final List<String> phases = Collections.synchronizedList(new ArrayList<>());
        private final List<List<double[]>> points = Collections.synchronizedList(new ArrayList<>());
        private final List<Counts> counts = Collections.synchronizedList(new ArrayList<>());
        private final AtomicLong unmatched = new AtomicLong();
        private final long start = System.currentTimeMillis();

        Deliveries(ProviderStub provider) {
            provider.onRequest(a -> {
                Matcher m = NotificationBenchmark.ORDER_ID.matcher(a.body());
                OrderLifecycleEventType stage = TITLES.entrySet().stream().filter(e -> a.body().contains(e.getKey()))
                        .map(Map.Entry::getValue).findFirst().orElse(null);
                String key = m.find() && stage != null ? m.group() + ":" + stage : null;
                Sent s = key == null ? null : sent.get(key);
                if (s == null) {
                    unmatched.incrementAndGet();
                    return;
                }
                Counts phase = counts.get(s.phase());
                String messageId = a.header("Idempotency-Key");
                if (messageId != null && !messageIds.add(messageId)) {
                    phase.duplicatedMessageId.incrementAndGet();
                }
                if (received.computeIfAbsent(key, k -> new AtomicInteger()).incrementAndGet() > 1) {
                    phase.duplicatedOrderStage.incrementAndGet();
                    return;
                }
                phase.received.incrementAndGet();
                points.get(s.phase()).add(new double[] {(s.epochMillis() - start) / 1000.0, a.at().toEpochMilli() - s.epochMillis()});
            });
        }

        /** A new phase; events sent from now on count in it. Returns its index. */
        int startPhase(String label) {
            synchronized (phases) {
                phases.add(label);
                points.add(Collections.synchronizedList(new ArrayList<>()));
                counts.add(new Counts());
                return phases.size() - 1;
            }
        }

        void sent(String orderId, OrderLifecycleEventType stage, long epochMillis, int phase) {
            if (sent.putIfAbsent(orderId + ":" + stage, new Sent(epochMillis, phase)) == null) {
                counts.get(phase).expected.incrementAndGet();
            }
        }

        /** Notifying events sent whose message has not reached the provider (yet). */
        long pending() {
            return sent.size() - received.size();
        }

        long unmatched() {
            return unmatched.get();
        }

        /**
         * Phase {@code i}'s messages at the provider: expected, received, lost (expected and never received),
         * duplicated (an order and stage received more than once) and, of those, the same message id twice.
         */
        Map<String, Object> messages(int i) {
            Counts c = counts.get(i);
            Map<String, Object> out = new LinkedHashMap<>();
            out.put("expected", c.expected.get());
            out.put("received", c.received.get());
            out.put("lost", c.expected.get() - c.received.get());
            out.put("duplicated", c.duplicatedOrderStage.get());
            out.put("duplicatedSameMessageId", c.duplicatedMessageId.get());
            return out;
        }

        /** Puts each phase's latency summary ({@code inboundToProvider}) and its messages into its figures. */
        void latencies(List<Map<String, Object>> figures) {
            for (int i = 0; i < figures.size(); i++) {
                List<double[]> mine = new ArrayList<>(points.get(i));
                figures.get(i).put("inboundToProvider", new Latencies(mine.stream().mapToDouble(p -> p[1]).toArray()).summary());
                figures.get(i).put("messagesAtProvider", messages(i));
            }
        }

        Path chart(Path file, Machine machine, Map<String, Object> cold, List<Map<String, Object>> steps)
                throws java.io.IOException {
            List<LatencyChart.Step> chartSteps = new ArrayList<>();
            for (int i = 0; i <= steps.size(); i++) {
                List<double[]> mine = new ArrayList<>(points.get(i));
                chartSteps.add(new LatencyChart.Step(phases.get(i), mine.stream().mapToDouble(p -> p[0]).toArray(),
                        mine.stream().mapToDouble(p -> p[1]).toArray()));
            }
            return LatencyChart.write(file, "Postventa end to end: order event to push provider, " + machine.cores()
                    + " cores", chartSteps);
        }
    }

    /**
     * The inbound traffic: many orders in flight, each taking one step of its journey every seventh event, so that
     * an order's events arrive in order, spread over time, as a shop's would. Event slot j carries stage j % 7 of
     * order j / 7 - j % 7 (the first slots, of orders before the first, are skipped).
     */
    private static final class JourneySource implements Producer.Source {
        private final int customers;
        private final Deliveries deliveries;
        private long slot = -1;
        private long sent;
        volatile int phase;

        JourneySource(int customers, Deliveries deliveries) {
            this.customers = customers;
            this.deliveries = deliveries;
        }

        long sentCount() {
            return sent;
        }

        @Override
        public Producer.Outgoing next(long i) {
            long order;
            int stage;
            do {
                slot++;
                stage = (int) (slot % STAGES);
                order = slot / STAGES - stage;
            } while (order < 0);
            sent++;
            return BenchEvents.lifecycle("BO-E" + order, BenchEvents.customerId(order % customers),
                    BenchEvents.JOURNEY.get(stage));
        }

        @Override
        public void sent(long i, Producer.Outgoing record, long timestampMillis) {
            String type = record.headers().get(CloudEventHeaders.TYPE);
            for (OrderLifecycleEventType t : TITLES.values()) {
                if (EventType.valueOf(t.name()).ceType().equals(type)) {
                    deliveries.sent(record.key(), t, timestampMillis, phase);
                }
            }
        }
    }
}
