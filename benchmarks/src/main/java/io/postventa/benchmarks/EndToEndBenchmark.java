package io.postventa.benchmarks;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;

import io.postventa.devstack.PlatformService;
import io.postventa.events.EventType;
import io.postventa.events.Topics;
import io.postventa.events.orders.OrderLifecycleEventType;
import io.postventa.testing.TestStack;

/**
 * The whole platform (all five services, each its packaged jar in a process of its own) under open-loop,
 * fixed-rate order lifecycle traffic on orders.lifecycle.v1, in steps of rising rate: per step the sustained
 * events/s (consumer lag of every service not growing), p50/p99 from the inbound order event to the push
 * provider (a stub in this JVM) receiving the message, the DB commits and Kafka records each inbound event costs,
 * and the CPU each component used. Next to Kafka's and PostgreSQL's ceilings measured in the same run, and the
 * ideal rate those ceilings allow at those costs. Goals (issue #9): 5,000 events/s sustained, p99 under 1 s at
 * 1,000/s, each service under 250 MB RSS idle and under 3 s to ready.
 */
public final class EndToEndBenchmark {
    private static final List<PlatformService> SERVICES = PlatformService.all();
    private static final Map<String, OrderLifecycleEventType> TITLES = Map.of(
            "is on its way", OrderLifecycleEventType.ORDER_SHIPPED,
            "arrives today", OrderLifecycleEventType.SHIPMENT_OUT_FOR_DELIVERY,
            "has been delivered", OrderLifecycleEventType.SHIPMENT_DELIVERED);
    private static final int STAGES = BenchEvents.JOURNEY.size();

    private EndToEndBenchmark() {
    }

    /** When a notifying event was sent and in which step. */
    private record Sent(long epochMillis, int step) {
    }

    public static void main(String[] args) throws Exception {
        BenchLogging.configure();
        int[] rates = Arrays.stream(OutboxRelayBenchmark.option(args, "rates", "250,500,1000,2000,3000,5000").split(","))
                .mapToInt(Integer::parseInt).toArray();
        int stepSeconds = Integer.parseInt(OutboxRelayBenchmark.option(args, "step-seconds", "20"));
        int customers = Integer.parseInt(OutboxRelayBenchmark.option(args, "customers", "5000"));
        int warmUpRate = Integer.parseInt(OutboxRelayBenchmark.option(args, "warmup-rate", "100"));
        int warmUpSeconds = Integer.parseInt(OutboxRelayBenchmark.option(args, "warmup-seconds", "20"));
        Path root = TestStack.projectRoot();
        Machine machine = Machine.current();
        System.out.printf("End-to-end benchmark on %d cores (%s), load average %.2f%n", machine.cores(), machine.cpu(),
                machine.loadAverage());
        try (BenchStack stack = BenchStack.start(root);
             ProviderStub provider = new ProviderStub();
             KafkaStats kafkaStats = new KafkaStats(stack.state().kafkaBootstrapServers());
             FixedRateProducer producer = new FixedRateProducer(stack.state().kafkaBootstrapServers())) {
            System.out.println("Measuring the ceilings: Kafka ProducerPerformance, PostgreSQL commit rate...");
            Map<String, Object> kafka = Ceilings.kafkaProducer(stack.info(), "bench.ceiling.e2e", 100_000, 1024);
            Map<String, Object> pg1 = Ceilings.postgresCommitRate(stack.info(), "benchmarks", 1, Duration.ofSeconds(5));
            Map<String, Object> pg4 = Ceilings.postgresCommitRate(stack.info(), "benchmarks", 4, Duration.ofSeconds(5));

            Map<String, String> notificationProps = NotificationBenchmark.serviceProperties(provider, args);
            notificationProps.put("postventa.notification.triggers.order-out-for-delivery", "PUSH");
            notificationProps.put("postventa.notification.triggers.order-delivered", "PUSH");
            Map<Long, String> pids = new LinkedHashMap<>();
            Map<String, BenchStack.Started> started = new LinkedHashMap<>();
            for (PlatformService s : SERVICES) {
                Map<String, String> props = s == PlatformService.NOTIFICATION ? notificationProps
                        : Map.<String, String>of();
                BenchStack.Started st = stack.startService(s, props);
                started.put(s.serviceName(), st);
                pids.put(st.pid(), s.serviceName());
            }
            Thread.sleep(5000); // let start-up work (seeding, first polls) settle before "idle"
            Map<String, Long> rssIdle = new LinkedHashMap<>();
            pids.forEach((pid, name) -> rssIdle.put(name, ProcessStats.rssMb(pid)));
            RssSampler rss = RssSampler.start(List.copyOf(pids.keySet()));

            System.out.printf("Preloading %,d customers through customers.v1...%n", customers);
            producer.burst(new FixedRateProducer.Source() {
                public FixedRateProducer.Outgoing next(long i) {
                    return BenchEvents.customer(i);
                }
            }, 0, customers);
            producer.requireNoFailures();
            NotificationBenchmark.awaitCount(stack,
                    "select count(*) from customer_contact where customer_id like 'BENCH-C%'", customers, Duration.ofSeconds(60));

            // Warm-up, not measured: every consumer group has joined and fetched, and the hot paths are compiled,
            // before the first step (a cold order-status consumer first fetched 25 s into a 20 s step).
            System.out.printf("Warm-up: %,d events/s for %d s, then until every group's lag is back to zero...%n",
                    warmUpRate, warmUpSeconds);
            producer.atRate(new JourneySource(customers, new ConcurrentHashMap<>(), "BO-W"), 0,
                    (long) warmUpRate * warmUpSeconds, warmUpRate);
            producer.requireNoFailures();
            long warmDeadline = System.nanoTime() + Duration.ofSeconds(120).toNanos();
            while (totalLag(kafkaStats) > 0 && System.nanoTime() < warmDeadline) {
                Thread.sleep(500);
            }
            System.out.printf("  lag after warm-up: %,d%n", totalLag(kafkaStats));

            Map<String, Sent> sent = new ConcurrentHashMap<>();
            List<List<double[]>> perStep = new ArrayList<>();
            for (int i = 0; i < rates.length; i++) {
                perStep.add(java.util.Collections.synchronizedList(new ArrayList<>()));
            }
            long runStart = System.currentTimeMillis();
            AtomicLong unmatched = new AtomicLong();
            provider.onArrival(a -> {
                Matcher m = NotificationBenchmark.ORDER_ID.matcher(a.body());
                OrderLifecycleEventType stage = TITLES.entrySet().stream().filter(e -> a.body().contains(e.getKey()))
                        .map(Map.Entry::getValue).findFirst().orElse(null);
                Sent s = m.find() && stage != null ? sent.remove(m.group() + ":" + stage) : null;
                if (s == null) {
                    unmatched.incrementAndGet();
                    return;
                }
                perStep.get(s.step()).add(new double[] {(s.epochMillis() - runStart) / 1000.0, a.epochMillis() - s.epochMillis()});
            });

            JourneySource source = new JourneySource(customers, sent, "BO-E");
            List<Map<String, Object>> steps = new ArrayList<>();
            Set<String> topics = new TreeSet<>(Topics.ALL);
            Topics.ALL.forEach(t -> topics.add(t + Topics.DLQ_SUFFIX));
            int sustainedRate = 0;
            for (int i = 0; i < rates.length; i++) {
                int rate = rates[i];
                source.step = i;
                System.out.printf("Step %d: %,d events/s for %d s...%n", i + 1, rate, stepSeconds);
                Map<String, Long> commits0 = stack.commitsPerDatabase();
                Map<String, Long> offsets0 = kafkaStats.endOffsets(topics);
                Map<String, Double> cpu0 = ProcessStats.cpuByComponent(pids);
                List<long[]> lagTimeline = new ArrayList<>();
                Thread lagSampler = lagSampler(kafkaStats, lagTimeline);
                long t0 = System.nanoTime();
                FixedRateProducer.Run run = producer.atRate(source, source.sentCount(), (long) rate * stepSeconds, rate);
                double seconds = (System.nanoTime() - t0) / 1e9;
                lagSampler.interrupt();
                lagSampler.join();
                producer.requireNoFailures();
                long lagEnd = totalLag(kafkaStats);
                Map<String, Double> cpu1 = ProcessStats.cpuByComponent(pids);
                Map<String, Long> commits1 = stack.commitsPerDatabase();
                Map<String, Long> offsets1 = kafkaStats.endOffsets(topics);
                long events = run.records();
                Map<String, Object> step = stepFigures(rate, run, seconds, lagTimeline, lagEnd, commits0, commits1,
                        offsets0, offsets1, cpu0, cpu1, events);
                steps.add(step);
                boolean sustained = (boolean) step.get("sustained");
                System.out.printf("  sent %,.0f/s, lag at end %,d (peak %,d), %.2f commits and %.2f records per event: %s%n",
                        run.achievedPerSecond(), lagEnd, (long) step.get("peakLag"), (double) step.get("dbCommitsPerEvent"),
                        (double) step.get("kafkaRecordsPerEvent"), sustained ? "sustained" : "NOT sustained");
                if (sustained) {
                    sustainedRate = rate;
                } else {
                    break;
                }
            }
            System.out.println("Draining: waiting for the last messages (at most 60 s)...");
            long drainDeadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
            while (sent.size() > 0 && System.nanoTime() < drainDeadline) {
                Thread.sleep(250);
            }
            rss.stop();

            List<LatencyChart.Step> chartSteps = new ArrayList<>();
            for (int i = 0; i < steps.size(); i++) {
                List<double[]> points = new ArrayList<>(perStep.get(i));
                double[] at = points.stream().mapToDouble(p -> p[0]).toArray();
                double[] ms = points.stream().mapToDouble(p -> p[1]).toArray();
                Map<String, Object> lat = new Latencies(ms).summary();
                steps.get(i).put("inboundToProvider", lat);
                chartSteps.add(new LatencyChart.Step(steps.get(i).get("targetPerSecond") + " events/s", at, ms));
            }
            long lost = sent.size();
            Path png = LatencyChart.write(root.resolve("benchmarks/results/e2e-latency.png"),
                    "Postventa end to end: order event to push provider, " + machine.cores() + " cores", chartSteps);

            report(OutboxRelayBenchmark.option(args, "name", "e2e"), root, machine, kafka, pg1, pg4, started, rssIdle,
                    rss, steps, sustainedRate, lost, unmatched.get(), png);
        }
        System.exit(0);
    }

    private static Map<String, Object> stepFigures(int rate, FixedRateProducer.Run run, double seconds,
            List<long[]> lagTimeline, long lagEnd, Map<String, Long> commits0, Map<String, Long> commits1,
            Map<String, Long> offsets0, Map<String, Long> offsets1, Map<String, Double> cpu0, Map<String, Double> cpu1,
            long events) {
        Map<String, Object> step = new LinkedHashMap<>();
        step.put("targetPerSecond", rate);
        step.put("achievedPerSecond", run.achievedPerSecond());
        step.put("producerMaxBehindScheduleMs", run.maxBehindMs());
        step.put("events", events);
        long peakLag = lagTimeline.stream().mapToLong(l -> l[1]).max().orElse(lagEnd);
        long midLag = lagTimeline.isEmpty() ? 0 : lagTimeline.get(lagTimeline.size() / 2)[1];
        // sustained: at the end of the step the services are less than about a second of traffic behind, and
        // the lag did not keep climbing through the second half
        boolean sustained = lagEnd <= Math.max(rate, 500) || (lagEnd <= midLag && lagEnd <= 3L * rate);
        step.put("lagAtEnd", lagEnd);
        step.put("lagAtMiddle", midLag);
        step.put("peakLag", peakLag);
        step.put("lagTimeline", lagTimeline.stream().map(l -> List.of(l[0], l[1])).toList());
        step.put("sustained", sustained);
        Map<String, Object> commits = new LinkedHashMap<>();
        long totalCommits = 0;
        for (String db : commits1.keySet()) {
            long d = commits1.get(db) - commits0.getOrDefault(db, 0L);
            totalCommits += d;
            commits.put(db, Math.round(d * 100.0 / events) / 100.0);
        }
        step.put("dbCommitsPerEventByDatabase", commits);
        step.put("dbCommitsPerEvent", totalCommits / (double) events);
        Map<String, Object> records = new LinkedHashMap<>();
        long totalRecords = 0;
        for (String t : offsets1.keySet()) {
            long d = offsets1.get(t) - offsets0.getOrDefault(t, 0L);
            if (d > 0) {
                totalRecords += d;
                records.put(t, Math.round(d * 100.0 / events) / 100.0);
            }
        }
        step.put("kafkaRecordsPerEventByTopic", records);
        step.put("kafkaRecordsPerEvent", totalRecords / (double) events);
        Map<String, Object> cores = new LinkedHashMap<>();
        double totalCpu = 0;
        for (String c : cpu1.keySet()) {
            double d = cpu1.get(c) - cpu0.getOrDefault(c, 0.0);
            totalCpu += d;
            cores.put(c, Math.round(d / seconds * 100) / 100.0);
        }
        step.put("cpuCoresByComponent", cores);
        step.put("cpuCoresTotal", totalCpu / seconds);
        step.put("cpuMsPerEvent", totalCpu * 1000 / events);
        return step;
    }

    private static void report(String resultName, Path root, Machine machine, Map<String, Object> kafka,
            Map<String, Object> pg1, Map<String, Object> pg4, Map<String, BenchStack.Started> started,
            Map<String, Long> rssIdle, RssSampler rss,
            List<Map<String, Object>> steps, int sustainedRate, long lost, long unmatched, Path png) throws Exception {
        double kafkaRate = (double) kafka.get("recordsPerSecond");
        double pgCommits = ((Number) pg4.get("commitsPerSecond")).doubleValue();
        Map<String, Object> costStep = steps.stream().filter(s -> (int) s.get("targetPerSecond") == 1000).findFirst()
                .orElse(steps.get(steps.size() - 1));
        double commitsPerEvent = (double) costStep.get("dbCommitsPerEvent");
        double recordsPerEvent = (double) costStep.get("kafkaRecordsPerEvent");
        double idealByPg = pgCommits / commitsPerEvent;
        double idealByKafka = kafkaRate / recordsPerEvent;
        double ideal = Math.min(idealByPg, idealByKafka);
        Map<String, Object> at1000 = steps.stream().filter(s -> (int) s.get("targetPerSecond") == 1000).findFirst()
                .orElse(null);
        Map<String, Object> services = new LinkedHashMap<>();
        started.forEach((name, st) -> services.put(name, Map.of("readySeconds", st.readySeconds(), "rssIdleMb",
                rssIdle.get(name), "rssPeakUnderLoadMb", rss.peak(st.pid()))));

        Report report = new Report(resultName, machine)
                .put("ceilings", Map.of("kafkaProducer", kafka, "postgres1Client", pg1, "postgres4Clients", pg4))
                .put("services", services)
                .put("costsPerInboundEvent", Map.of("measuredAtPerSecond", costStep.get("targetPerSecond"),
                        "dbCommits", commitsPerEvent, "dbCommitsByDatabase", costStep.get("dbCommitsPerEventByDatabase"),
                        "kafkaRecords", recordsPerEvent, "kafkaRecordsByTopic", costStep.get("kafkaRecordsPerEventByTopic")))
                .put("ideal", Map.of("eventsPerSecondByPostgres", idealByPg, "eventsPerSecondByKafka", idealByKafka,
                        "eventsPerSecond", ideal))
                .put("sustainedEventsPerSecond", sustainedRate)
                .put("steps", steps)
                .put("notifyingEventsNeverDelivered", lost)
                .put("providerRequestsNotMatched", unmatched)
                .put("chart", root.relativize(png).toString())
                .put("goals", Map.of("sustainedEventsPerSecond", 5_000, "p99MsAt1000PerSecond", 1_000,
                        "rssIdleMbPerService", 250, "readySecondsPerService", 3))
                .row("Kafka producer ceiling (1 KB, acks=all)", Report.number(kafkaRate) + " rec/s", "", "")
                .row("PostgreSQL commits/s, 1 / 4 clients", Report.number(((Number) pg1.get("commitsPerSecond")).doubleValue())
                        + " / " + Report.number(pgCommits), "", "")
                .row("DB commits per inbound event", String.format("%.2f", commitsPerEvent), "at " + costStep.get("targetPerSecond") + "/s", "")
                .row("Kafka records per inbound event", String.format("%.2f", recordsPerEvent), "at " + costStep.get("targetPerSecond") + "/s", "")
                .row("ideal events/s (PG / Kafka bound)", Report.number(idealByPg) + " / " + Report.number(idealByKafka), "", "")
                .row("sustained events/s", Report.number(sustainedRate), "goal 5,000", Report.ratio(sustainedRate, 5_000))
                .row("  vs ideal from the ceilings", Report.number(sustainedRate), "ideal " + Report.number(ideal),
                        Report.ratio(sustainedRate, ideal));
        for (Map<String, Object> s : steps) {
            @SuppressWarnings("unchecked")
            Map<String, Object> lat = (Map<String, Object>) s.get("inboundToProvider");
            report.row("step " + s.get("targetPerSecond") + "/s: p50 / p99", Report.ms((double) lat.get("p50Ms")) + " / "
                    + Report.ms((double) lat.get("p99Ms")), (boolean) s.get("sustained") ? "sustained, lag "
                    + s.get("lagAtEnd") : "NOT sustained, lag " + s.get("lagAtEnd"),
                    String.format("%.1f cores", (double) s.get("cpuCoresTotal")));
        }
        if (at1000 != null) {
            @SuppressWarnings("unchecked")
            double p99 = (double) ((Map<String, Object>) at1000.get("inboundToProvider")).get("p99Ms");
            report.row("p99 at 1,000 events/s", Report.ms(p99), "goal < 1,000 ms", Report.ratio(p99, 1_000));
        }
        started.forEach((name, st) -> report.row(name + " ready / RSS idle / peak",
                String.format("%.1f s / %d / %d MB", st.readySeconds(), rssIdle.get(name), rss.peak(st.pid())),
                "goal < 3 s, < 250 MB", Report.ratio(st.readySeconds(), 3) + " " + Report.ratio(rssIdle.get(name), 250)));
        report.write(root);
        System.out.println("Chart written to " + png);
    }

    private static Thread lagSampler(KafkaStats kafkaStats, List<long[]> timeline) {
        long start = System.nanoTime();
        Thread t = new Thread(() -> {
            while (!Thread.currentThread().isInterrupted()) {
                try {
                    long lag = totalLag(kafkaStats);
                    synchronized (timeline) {
                        timeline.add(new long[] {(System.nanoTime() - start) / 1_000_000, lag});
                    }
                    Thread.sleep(1000);
                } catch (InterruptedException e) {
                    return;
                } catch (RuntimeException e) {
                    if (Thread.currentThread().isInterrupted()) {
                        return;
                    }
                }
            }
        }, "lag-sampler");
        t.setDaemon(true);
        t.start();
        return t;
    }

    /** The records every service's consumer group still has to read. */
    static long totalLag(KafkaStats kafkaStats) {
        long lag = 0;
        for (PlatformService s : SERVICES) {
            lag += kafkaStats.lag(s.serviceName());
        }
        return lag;
    }

    /**
     * The inbound traffic: many orders in flight, each taking one step of its journey every seventh event, so that
     * an order's events arrive in order, spread over time, as a shop's would. Event slot j carries stage j % 7 of
     * order j / 7 - j % 7 (the first slots, of orders before the first, are skipped).
     */
    private static final class JourneySource implements FixedRateProducer.Source {
        private final int customers;
        private final Map<String, Sent> notifying;
        private final String orderPrefix;
        private long slot = -1;
        private long sent;
        volatile int step;

        JourneySource(int customers, Map<String, Sent> notifying, String orderPrefix) {
            this.customers = customers;
            this.notifying = notifying;
            this.orderPrefix = orderPrefix;
        }

        long sentCount() {
            return sent;
        }

        @Override
        public FixedRateProducer.Outgoing next(long i) {
            long order;
            int stage;
            do {
                slot++;
                stage = (int) (slot % STAGES);
                order = slot / STAGES - stage;
            } while (order < 0);
            sent++;
            String orderId = orderPrefix + order;
            return BenchEvents.lifecycle(orderId, BenchEvents.customerId(order % customers), BenchEvents.JOURNEY.get(stage));
        }

        @Override
        public void sent(long i, FixedRateProducer.Outgoing record, long timestampMillis) {
            String type = record.headers().get(io.postventa.events.CloudEventHeaders.TYPE);
            for (OrderLifecycleEventType t : TITLES.values()) {
                if (EventType.valueOf(t.name()).ceType().equals(type)) {
                    notifying.put(record.key() + ":" + t, new Sent(timestampMillis, step));
                }
            }
        }
    }
}
