package io.postventa.benchmarks;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.postventa.devstack.PlatformService;
import io.postventa.events.Topics;
import io.postventa.testing.TestStack;

/**
 * Notifications rendered and dispatched per second by one notification-service instance (its packaged jar, a
 * process of its own) to an HTTP push provider (a stub in this JVM), and the latency from the
 * order-status.changed record's timestamp to the provider receiving the request at a fixed rate, next to
 * Kafka's and PostgreSQL's ceilings measured in the same run. Goal (issue #5): at least 2,000/s, and p99 under
 * 300 ms at 500/s.
 *
 * <p>A production instance runs for days; this one is minutes old. With the JVM's tiered JIT, C2 compiles the hot
 * paths for the first two minutes or so of load, on up to half of a two-core machine, while they run in C1's
 * profiled code. So a warm-up backlog ({@code --warmup-events}, default 60,000, reported as the cold rate) is drained
 * first, and the measured backlog and the fixed-rate phase run on the warmed instance. {@code --warmup-events 0}
 * measures a cold instance.
 */
public final class NotificationBenchmark {
    static final Pattern ORDER_ID = Pattern.compile("BO-[A-Z]\\d+");
    private static final String DB = PlatformService.NOTIFICATION.database();

    private NotificationBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        BenchLogging.configure();
        int customers = Integer.parseInt(OutboxRelayBenchmark.option(args, "customers", "5000"));
        int burst = Integer.parseInt(OutboxRelayBenchmark.option(args, "events", "20000"));
        int warmupBurst = Integer.parseInt(OutboxRelayBenchmark.option(args, "warmup-events", "60000"));
        int rate = Integer.parseInt(OutboxRelayBenchmark.option(args, "rate", "500"));
        int seconds = Integer.parseInt(OutboxRelayBenchmark.option(args, "seconds", "30"));
        int warmup = 5;
        Machine machine = Machine.current();
        System.out.printf("Notification benchmark on %d cores (%s), load average %.2f%n", machine.cores(), machine.cpu(),
                machine.loadAverage());
        // --jars DIR: run the service from DIR/notification-service/target/quarkus-app (e.g. a saved older build)
        java.nio.file.Path jars = java.nio.file.Path.of(OutboxRelayBenchmark.option(args, "jars",
                TestStack.projectRoot().toString())).toAbsolutePath();
        String resultName = OutboxRelayBenchmark.option(args, "name", "notification");
        try (BenchStack stack = BenchStack.start(TestStack.projectRoot(), jars);
             ProviderStub provider = new ProviderStub();
             KafkaStats kafkaStats = new KafkaStats(stack.state().kafkaBootstrapServers());
             FixedRateProducer producer = new FixedRateProducer(stack.state().kafkaBootstrapServers())) {
            System.out.println("Measuring the ceilings: Kafka ProducerPerformance, PostgreSQL commit rate...");
            Map<String, Object> kafka = Ceilings.kafkaProducer(stack.info(), "bench.ceiling.notification", 100_000, 1024);
            Map<String, Object> pg1 = Ceilings.postgresCommitRate(stack.info(), "benchmarks", 1, Duration.ofSeconds(5));
            Map<String, Object> pg4 = Ceilings.postgresCommitRate(stack.info(), "benchmarks", 4, Duration.ofSeconds(5));

            Map<String, String> properties = serviceProperties(provider, args);
            BenchStack.Started service = stack.startService(PlatformService.NOTIFICATION, properties);
            long pid = service.pid();
            long rssIdle = ProcessStats.rssMb(pid);
            RssSampler rss = RssSampler.start(List.of(pid));

            System.out.printf("Preloading %,d customers through customers.v1...%n", customers);
            long t0 = System.nanoTime();
            producer.burst(new FixedRateProducer.Source() {
                public FixedRateProducer.Outgoing next(long i) {
                    return BenchEvents.customer(i);
                }
            }, 0, customers);
            producer.requireNoFailures();
            awaitCount(stack, "select count(*) from customer_contact where customer_id like 'BENCH-C%'", customers,
                    Duration.ofSeconds(60));
            double preloadSeconds = (System.nanoTime() - t0) / 1e9;
            System.out.printf("  %,d customers stored in %.1f s (%,.0f/s)%n", customers, preloadSeconds,
                    customers / preloadSeconds);

            Map<String, Object> cold = null;
            if (warmupBurst > 0) {
                System.out.printf("Warm-up: %,d order-status.changed (SHIPPED) events published at once, the instance"
                        + " cold...%n", warmupBurst);
                cold = throughput(stack, provider, kafkaStats, producer, pid, customers, warmupBurst, "BO-W");
            }
            System.out.printf("Throughput: %,d order-status.changed (SHIPPED) events published at once...%n", burst);
            Map<String, Object> throughput = throughput(stack, provider, kafkaStats, producer, pid, customers, burst, "BO-T");
            System.out.printf("Latency: %,d events/s for %d s after %d s of warm-up...%n", rate, seconds, warmup);
            Map<String, Object> latency = latency(stack, provider, producer, pid, customers, rate, seconds, warmup);
            rss.stop();

            double perSecond = (double) throughput.get("notificationsPerSecond");
            @SuppressWarnings("unchecked")
            Map<String, Object> endToEnd = (Map<String, Object>) latency.get("recordToProvider");
            double p99 = (double) endToEnd.get("p99Ms");
            double kafkaRate = (double) kafka.get("recordsPerSecond");
            double pgCommits = ((Number) pg4.get("commitsPerSecond")).doubleValue();
            double commitsPer = (double) throughput.get("dbCommitsPerNotification");
            double recordsPer = (double) throughput.get("kafkaRecordsPerNotification");
            double ideal = Math.min(pgCommits / commitsPer, kafkaRate / recordsPer);
            Map<String, Object> serviceFigures = new LinkedHashMap<>();
            serviceFigures.put("readySeconds", service.readySeconds());
            serviceFigures.put("rssIdleMb", rssIdle);
            serviceFigures.put("rssPeakUnderLoadMb", rss.peak(pid));
            serviceFigures.put("properties", properties);

            @SuppressWarnings("unchecked")
            Map<String, Object> stages = (Map<String, Object>) latency.get("stages");
            Report report = new Report(resultName, machine)
                    .put("ceilings", Map.of("kafkaProducer", kafka, "postgres1Client", pg1, "postgres4Clients", pg4))
                    .put("service", serviceFigures)
                    .put("serviceJars", jars.toString())
                    .put("preload", Map.of("customers", customers, "seconds", preloadSeconds))
                    .put("warmup", cold == null ? Map.of("events", 0) : cold)
                    .put("throughput", throughput)
                    .put("latency", latency)
                    .put("idealNotificationsPerSecond", ideal)
                    .put("goals", Map.of("notificationsPerSecond", 2_000, "p99MsAt500PerSecond", 300))
                    .row("Kafka producer ceiling (1 KB, acks=all)", Report.number(kafkaRate) + " rec/s", "", "")
                    .row("PostgreSQL commits/s, 1 client", Report.number(((Number) pg1.get("commitsPerSecond")).doubleValue()), "", "")
                    .row("PostgreSQL commits/s, 4 clients", Report.number(pgCommits), "", "")
                    .row("DB commits per notification", String.format("%.2f", commitsPer), "", "")
                    .row("Kafka records per notification", String.format("%.2f", recordsPer), "", "")
                    .row("ideal notifications/s (ceilings / costs)", Report.number(ideal), "", "");
            if (cold != null) {
                double coldRate = (double) cold.get("notificationsPerSecond");
                report.row("warm-up: notifications/s, backlog of " + warmupBurst + ", cold", Report.number(coldRate),
                                "goal >= 2,000/s", Report.ratio(coldRate, 2_000))
                        .row("  service CPU per notification (of which JIT compiling)", String.format("%.2f ms (%.2f cores)",
                                (double) cold.get("serviceCpuMsPerNotification"), (double) cold.get("serviceJitCoresUsed")),
                                "", "")
                        .row("  machine cores busy", StackCpu.cell((Map<?, ?>) cold.get("cpu")), "", "");
            }
            report.row("notifications/s, backlog of " + burst + (cold == null ? ", cold" : ", warm"),
                            Report.number(perSecond), "goal >= 2,000/s",
                            Report.ratio(perSecond, 2_000))
                    .row("  same, vs ideal from ceilings", Report.number(perSecond), "ideal " + Report.number(ideal),
                            Report.ratio(perSecond, ideal))
                    .row("  planned (consumed+rendered)/s", Report.number((double) throughput.get("plannedPerSecond")), "", "")
                    .row("  service CPU per notification", String.format("%.2f ms", (double) throughput.get("serviceCpuMsPerNotification")), "", "")
                    .row("  service cores (of which JIT compiling)", String.format("%.2f (%.2f)",
                            (double) throughput.get("serviceCpuCoresUsed"), (double) throughput.get("serviceJitCoresUsed")),
                            "", "")
                    .row("  machine cores busy", StackCpu.cell((Map<?, ?>) throughput.get("cpu")), "", "")
                    .row("  machine CPU per notification", StackCpu.perEvent((Map<?, ?>) throughput.get("cpu"), perSecond),
                            String.format("budget at the goal %.1f ms", ((Number) ((Map<?, ?>) throughput.get("cpu"))
                                    .get("machineCores")).doubleValue() * 1000 / 2_000), "")
                    .row("record-to-provider p50 @ " + rate + "/s", Report.ms((double) endToEnd.get("p50Ms")), "", "")
                    .row("record-to-provider p99 @ " + rate + "/s", Report.ms(p99), "goal p99 < 300 ms", Report.ratio(p99, 300))
                    .row("record-to-provider max @ " + rate + "/s", Report.ms((double) endToEnd.get("maxMs")), "", "")
                    .row("  machine cores busy @ " + rate + "/s", StackCpu.cell((Map<?, ?>) latency.get("cpu")), "", "");
            for (Map.Entry<String, Object> stage : stages.entrySet()) {
                @SuppressWarnings("unchecked")
                Map<String, Object> s = (Map<String, Object>) stage.getValue();
                report.row("  " + stage.getKey() + " p50 / p99", Report.ms((double) s.get("p50Ms")) + " / "
                        + Report.ms((double) s.get("p99Ms")), "", "");
            }
            report.row("achieved rate @ " + rate + "/s", Report.number((double) latency.get("achievedPerSecond")),
                            "target " + rate, Report.ratio((double) latency.get("achievedPerSecond"), rate))
                    .row("notification-service ready", String.format("%.1f s", service.readySeconds()), "goal < 3 s",
                            Report.ratio(service.readySeconds(), 3))
                    .row("notification-service RSS idle / peak", rssIdle + " / " + rss.peak(pid) + " MB", "goal idle < 250 MB",
                            Report.ratio(rssIdle, 250))
                    .write(TestStack.projectRoot());
        }
        System.exit(0);
    }

    /** Points the push channel at the stub, sends order-shipped by push only, lifts the frequency cap. */
    static Map<String, String> serviceProperties(ProviderStub provider, String[] args) {
        Map<String, String> p = new LinkedHashMap<>();
        for (String channel : List.of("sms", "whatsapp", "push")) {
            p.put("postventa.notification.providers." + channel + ".url", provider.url() + "/" + channel);
        }
        p.put("postventa.notification.triggers.order-shipped", "PUSH");
        p.put("postventa.notification.order-updates-per-day", "1000000");
        // --prop key=value (repeatable) to try a setting without rebuilding
        for (int i = 0; i + 1 < args.length; i++) {
            if (args[i].equals("--prop")) {
                String[] kv = args[i + 1].split("=", 2);
                p.put(kv[0], kv[1]);
            }
        }
        return p;
    }

    /** Publishes {@code events} order-shipped events at once (order ids {@code prefix} + i) and times their delivery. */
    private static Map<String, Object> throughput(BenchStack stack, ProviderStub provider, KafkaStats kafkaStats,
            FixedRateProducer producer, long pid, int customers, int events, String prefix) throws InterruptedException {
        AtomicLong arrived = new AtomicLong();
        AtomicLong lastArrival = new AtomicLong();
        provider.onArrival(a -> {
            if (a.body().contains(prefix)) {
                arrived.incrementAndGet();
                lastArrival.set(a.nanoTime());
            }
        });
        Set<String> topics = Set.of(Topics.NOTIFICATIONS, Topics.ORDER_STATUS);
        Map<String, Long> offsets0 = kafkaStats.endOffsets(topics);
        long commits0 = stack.commits(DB);
        StackCpu.Snapshot cpuStart = stack.cpu(pid);
        long start = System.nanoTime();
        FixedRateProducer.Run run = producer.burst(new FixedRateProducer.Source() {
            public FixedRateProducer.Outgoing next(long i) {
                return BenchEvents.shipped(prefix + i, BenchEvents.customerId(i % customers));
            }
        }, 0, events);
        producer.requireNoFailures();
        awaitArrivals(arrived, events, Duration.ofSeconds(30));
        double seconds = (lastArrival.get() - start) / 1e9;
        StackCpu.Snapshot cpuEnd = stack.cpu(pid);
        double cpu = cpuEnd.service() - cpuStart.service();
        double jit = ProcessStats.jitCpuSecondsBetween(cpuStart.serviceJit(), cpuEnd.serviceJit());
        double benchCpu = cpuEnd.benchmarkJvm() - cpuStart.benchmarkJvm();
        Map<String, Object> parts = cpuEnd.since(cpuStart);
        // let the relay publish the last notification.sent and the statistics collector catch up
        Thread.sleep(2000);
        long commits = stack.commits(DB) - commits0;
        Map<String, Long> offsets1 = kafkaStats.endOffsets(topics);
        long notificationRecords = offsets1.get(Topics.NOTIFICATIONS) - offsets0.get(Topics.NOTIFICATIONS);
        double plannedSeconds = stack.scalar(DB, "select extract(epoch from max(created_at) - min(created_at))"
                + " from delivery where order_id like '" + prefix + "%'");
        long n = arrived.get();
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("events", events);
        out.put("publishSeconds", run.seconds());
        out.put("delivered", n);
        out.put("secondsFromFirstPublishToLastDelivery", seconds);
        out.put("notificationsPerSecond", n / seconds);
        out.put("plannedPerSecond", events / plannedSeconds);
        out.put("dbCommits", commits);
        out.put("dbCommitsPerNotification", commits / (double) n);
        out.put("kafkaRecordsPerNotification", (notificationRecords + events) / (double) n);
        out.put("notificationsV1Records", notificationRecords);
        out.put("serviceCpuSeconds", cpu);
        out.put("serviceCpuMsPerNotification", cpu * 1000 / n);
        out.put("serviceCpuCoresUsed", cpu / seconds);
        // of the service's CPU: its JIT compiler threads, still warming the instance up
        out.put("serviceJitCoresUsed", jit / seconds);
        out.put("benchmarkJvmCpuCoresUsed", benchCpu / seconds);
        // the whole machine meanwhile: on two cores the service shares them with PostgreSQL, Kafka and this JVM
        out.put("cpu", parts);
        System.out.printf("  %,d delivered in %.1f s: %,.0f/s (planned %,.0f/s), %.2f commits and %.2f ms CPU each%n", n,
                seconds, n / seconds, events / plannedSeconds, commits / (double) n, cpu * 1000 / n);
        System.out.println("  machine cores busy " + StackCpu.cell(parts));
        return out;
    }

    private static Map<String, Object> latency(BenchStack stack, ProviderStub provider, FixedRateProducer producer,
            long pid, int customers, int rate, int seconds, int warmup) throws InterruptedException {
        Map<String, Long> sentAt = new ConcurrentHashMap<>();
        Map<String, Long> arrivedAt = new ConcurrentHashMap<>();
        long measuredFrom = (long) warmup * rate;
        provider.onArrival(a -> {
            Matcher m = ORDER_ID.matcher(a.body());
            if (m.find() && m.group().startsWith("BO-L")) {
                arrivedAt.putIfAbsent(m.group(), a.epochMillis());
            }
        });
        long total = (long) rate * (seconds + warmup);
        StackCpu.Snapshot cpuStart = stack.cpu(pid);
        FixedRateProducer.Run run = producer.atRate(new FixedRateProducer.Source() {
            public FixedRateProducer.Outgoing next(long i) {
                return BenchEvents.shipped("BO-L" + i, BenchEvents.customerId((i * 7919) % customers));
            }

            public void sent(long i, FixedRateProducer.Outgoing record, long timestampMillis) {
                if (i >= measuredFrom) {
                    sentAt.put(record.key(), timestampMillis);
                }
            }
        }, 0, total, rate);
        producer.requireNoFailures();
        Map<String, Object> cpu = stack.cpu(pid).since(cpuStart);
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (arrivedAt.size() < total && System.nanoTime() < deadline) {
            Thread.sleep(100);
        }
        Thread.sleep(1000); // the SENT commits of the last ones
        List<Double> endToEnd = new ArrayList<>();
        sentAt.forEach((order, sent) -> {
            Long arrived = arrivedAt.get(order);
            if (arrived != null) {
                endToEnd.add((double) (arrived - sent));
            }
        });
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("targetPerSecond", rate);
        out.put("seconds", seconds);
        out.put("warmupSeconds", warmup);
        out.put("achievedPerSecond", run.achievedPerSecond());
        out.put("producerMaxBehindScheduleMs", run.maxBehindMs());
        out.put("cpu", cpu);
        out.put("measured", endToEnd.size());
        out.put("neverArrived", sentAt.size() - endToEnd.size());
        out.put("recordToProvider", new Latencies(toArray(endToEnd)).summary());
        out.put("stages", stages(stack, sentAt, arrivedAt));
        return out;
    }

    /**
     * Where the time goes, per delivery, from the delivery row's own timestamps: record timestamp to planned
     * (Kafka fetch, dedupe, render, insert: created_at is taken inside that transaction), planned to provider
     * (the commit, the dispatcher's poll interval, claim, load, HTTP), provider to SENT recorded (the response and
     * the SENT transaction with its outbox row; updated_at is taken inside it).
     */
    private static Map<String, Object> stages(BenchStack stack, Map<String, Long> sentAt, Map<String, Long> arrivedAt) {
        Map<String, double[]> rows = new ConcurrentHashMap<>();
        try (var c = Ceilings.connect(stack.info(), DB);
             var s = c.prepareStatement("select order_id, extract(epoch from created_at) * 1000,"
                     + " extract(epoch from updated_at) * 1000 from delivery where order_id like 'BO-L%' and status = 'SENT'");
             var rs = s.executeQuery()) {
            while (rs.next()) {
                rows.put(rs.getString(1), new double[] {rs.getDouble(2), rs.getDouble(3)});
            }
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(e);
        }
        List<Double> planned = new ArrayList<>();
        List<Double> toProvider = new ArrayList<>();
        List<Double> recorded = new ArrayList<>();
        sentAt.forEach((order, sent) -> {
            double[] r = rows.get(order);
            Long arrived = arrivedAt.get(order);
            if (r != null && arrived != null) {
                planned.add(r[0] - sent);
                toProvider.add(arrived - r[0]);
                recorded.add(r[1] - arrived);
            }
        });
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("record to planned", new Latencies(toArray(planned)).summary());
        out.put("planned to provider", new Latencies(toArray(toProvider)).summary());
        out.put("provider to SENT recorded", new Latencies(toArray(recorded)).summary());
        return out;
    }

    static double[] toArray(List<Double> values) {
        return values.stream().mapToDouble(Double::doubleValue).toArray();
    }

    static void awaitArrivals(AtomicLong arrived, long expected, Duration quiet) throws InterruptedException {
        long last = -1;
        long lastChange = System.nanoTime();
        while (arrived.get() < expected) {
            long now = arrived.get();
            if (now != last) {
                last = now;
                lastChange = System.nanoTime();
            } else if (System.nanoTime() - lastChange > quiet.toNanos()) {
                System.out.printf("  only %,d of %,d arrived; no progress for %d s%n", now, expected, quiet.toSeconds());
                return;
            }
            Thread.sleep(50);
        }
    }

    /** Waits until the query counts {@code expected}; gives up only when the count stops moving for {@code quiet}. */
    static void awaitCount(BenchStack stack, String sql, long expected, Duration quiet) throws InterruptedException {
        double last = -1;
        long lastChange = System.nanoTime();
        for (double n = stack.scalar(DB, sql); n < expected; n = stack.scalar(DB, sql)) {
            if (n != last) {
                last = n;
                lastChange = System.nanoTime();
            } else if (System.nanoTime() - lastChange > quiet.toNanos()) {
                throw new IllegalStateException("stuck at " + (long) n + " of " + expected + ": " + sql);
            }
            Thread.sleep(200);
        }
    }
}
