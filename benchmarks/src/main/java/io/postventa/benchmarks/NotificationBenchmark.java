package io.postventa.benchmarks;

import java.nio.file.Path;
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

import io.postventa.benchmarks.load.BenchEvents;
import io.postventa.benchmarks.load.Customers;
import io.postventa.benchmarks.load.Producer;
import io.postventa.benchmarks.measure.Await;
import io.postventa.benchmarks.measure.Ceilings;
import io.postventa.benchmarks.measure.KafkaStats;
import io.postventa.benchmarks.measure.Latencies;
import io.postventa.benchmarks.measure.Machine;
import io.postventa.benchmarks.measure.ProcessStats;
import io.postventa.benchmarks.measure.Report;
import io.postventa.benchmarks.measure.RssSampler;
import io.postventa.benchmarks.measure.StackCpu;
import io.postventa.benchmarks.stack.BenchStack;
import io.postventa.benchmarks.stack.RunningService;
import io.postventa.devstack.PlatformService;
import io.postventa.events.Topics;
import io.postventa.providerstub.ProviderStub;
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
    /** The order ids the benchmarks' notifications are about (BO-W.., BO-T.., BO-L.., BO-E..), found in a message. */
    static final Pattern ORDER_ID = Pattern.compile("BO-[A-Z]\\d+");
    private static final String DB = PlatformService.NOTIFICATION.database();
    /** Seconds of the latency phase that are sent but not measured. */
    private static final int WARMUP = 5;

    private NotificationBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        Options options = Options.parse("notification", "Notifications/s one notification-service renders and sends to an "
                + "HTTP push provider (a stub in this JVM), cold and warm, and record-to-provider latency at a fixed rate.",
                args);
        int customers = options.integer("customers", 5000, "customers preloaded on customers.v1");
        int events = options.integer("events", 20_000, "order-status.changed published at once, on the warm instance "
                + "(throughput)");
        int warmupEvents = options.integer("warmup-events", 60_000, "the same first, on the cold instance: its rate is the "
                + "cold one (0: no warm-up, everything measured cold)");
        int rate = options.integer("rate", 500, "events/s published on schedule (latency)");
        int seconds = options.integer("seconds", 30, "length of the latency phase, after 5 s of warm-up");
        Path jars = Path.of(options.text("jars", TestStack.projectRoot().toString(), "run the service from "
                + "DIR/notification-service/target/quarkus-app (e.g. a saved older build)")).toAbsolutePath();
        List<String> props = options.repeated("prop", "key=value, a setting of the service (e.g. "
                + "postventa.notification.dispatch-interval=PT0.05S)");
        Machine machine = options.start("Notification benchmark");
        try (BenchStack stack = BenchStack.fresh().jarsFrom(jars);
             ProviderStub provider = ProviderStub.builder().keepRequests(false).start();
             KafkaStats kafkaStats = new KafkaStats(stack.kafka());
             Producer producer = new Producer(stack.kafka())) {
            Ceilings ceilings = Ceilings.measure(stack.info(), 1024);
            Map<String, String> settings = settings(provider, props);
            RunningService service = stack.startService(PlatformService.NOTIFICATION, settings);
            long rssIdle = ProcessStats.rssMb(service.pid());
            try (RssSampler rss = RssSampler.start(List.of(service.pid()))) {
                double preloadSeconds = Customers.preload(stack, producer, customers);
                Map<String, Object> cold = null;
                if (warmupEvents > 0) {
                    System.out.printf("Warm-up: %,d order-status.changed (SHIPPED) events published at once, the instance"
                            + " cold...%n", warmupEvents);
                    cold = throughput(stack, provider, kafkaStats, producer, customers, warmupEvents, "BO-W");
                }
                System.out.printf("Throughput: %,d order-status.changed (SHIPPED) events published at once...%n", events);
                Map<String, Object> throughput = throughput(stack, provider, kafkaStats, producer, customers, events, "BO-T");
                System.out.printf("Latency: %,d events/s for %d s after %d s of warm-up...%n", rate, seconds, WARMUP);
                Map<String, Object> latency = latency(stack, provider, producer, customers, rate, seconds);
                Map<String, Object> serviceFigures = new LinkedHashMap<>();
                serviceFigures.put("readySeconds", service.readySeconds());
                serviceFigures.put("rssIdleMb", rssIdle);
                serviceFigures.put("rssPeakUnderLoadMb", rss.peak(service.pid()));
                serviceFigures.put("properties", settings);
                report(options.report(machine), ceilings, serviceFigures, jars, customers, preloadSeconds, cold,
                        throughput, latency, warmupEvents, events, rate).write();
            }
        }
        System.exit(0);
    }

    /** The provider stub for every channel, order-shipped by push only, and no frequency cap; then --prop. */
    private static Map<String, String> settings(ProviderStub provider, List<String> props) {
        Map<String, String> p = new LinkedHashMap<>(provider.notificationSettings());
        p.put("postventa.notification.triggers.order-shipped", "PUSH");
        p.put("postventa.notification.order-updates-per-day", "1000000");
        p.putAll(properties(props));
        return p;
    }

    /** key=value settings, as --prop gives them. */
    static Map<String, String> properties(List<String> props) {
        Map<String, String> p = new LinkedHashMap<>();
        for (String prop : props) {
            String[] kv = prop.split("=", 2);
            p.put(kv[0], kv.length > 1 ? kv[1] : "");
        }
        return p;
    }

    private static Report report(Report report, Ceilings ceilings, Map<String, Object> service, Path jars, int customers,
            double preloadSeconds, Map<String, Object> cold, Map<String, Object> throughput, Map<String, Object> latency,
            int warmupEvents, int events, int rate) {
        double perSecond = (double) throughput.get("notificationsPerSecond");
        Map<?, ?> endToEnd = (Map<?, ?>) latency.get("recordToProvider");
        double p99 = (double) endToEnd.get("p99Ms");
        double kafkaRate = ceilings.kafkaRecordsPerSecond();
        double pgCommits = ceilings.commitsPerSecond4();
        double commitsPer = (double) throughput.get("dbCommitsPerNotification");
        double recordsPer = (double) throughput.get("kafkaRecordsPerNotification");
        double ideal = Math.min(pgCommits / commitsPer, kafkaRate / recordsPer);
        double readySeconds = (double) service.get("readySeconds");
        long rssIdle = (long) service.get("rssIdleMb");
        ceilings.addTo(report)
                .put("service", service)
                .put("serviceJars", jars.toString())
                .put("preload", Map.of("customers", customers, "seconds", preloadSeconds))
                .put("warmup", cold == null ? Map.of("events", 0) : cold)
                .put("throughput", throughput)
                .put("latency", latency)
                .put("idealNotificationsPerSecond", ideal)
                .put("goals", Map.of("notificationsPerSecond", 2_000, "p99MsAt500PerSecond", 300))
                .row("DB commits per notification", String.format("%.2f", commitsPer), "", "")
                .row("Kafka records per notification", String.format("%.2f", recordsPer), "", "")
                .row("ideal notifications/s (ceilings / costs)", Report.number(ideal), "", "");
        if (cold != null) {
            double coldRate = (double) cold.get("notificationsPerSecond");
            report.row("warm-up: notifications/s, backlog of " + warmupEvents + ", cold", Report.number(coldRate),
                            "goal >= 2,000/s", Report.ratio(coldRate, 2_000))
                    .row("  service CPU per notification (of which JIT compiling)", String.format("%.2f ms (%.2f cores)",
                            (double) cold.get("serviceCpuMsPerNotification"), (double) cold.get("serviceJitCoresUsed")), "", "")
                    .row("  machine cores busy", StackCpu.cell((Map<?, ?>) cold.get("cpu")), "", "");
        }
        Map<?, ?> cpu = (Map<?, ?>) throughput.get("cpu");
        report.row("notifications/s, backlog of " + events + (cold == null ? ", cold" : ", warm"), Report.number(perSecond),
                        "goal >= 2,000/s", Report.ratio(perSecond, 2_000))
                .row("  same, vs ideal from ceilings", Report.number(perSecond), "ideal " + Report.number(ideal),
                        Report.ratio(perSecond, ideal))
                .row("  planned (consumed+rendered)/s", Report.number((double) throughput.get("plannedPerSecond")), "", "")
                .row("  service CPU per notification", String.format("%.2f ms",
                        (double) throughput.get("serviceCpuMsPerNotification")), "", "")
                .row("  service cores (of which JIT compiling)", String.format("%.2f (%.2f)",
                        (double) throughput.get("serviceCpuCoresUsed"), (double) throughput.get("serviceJitCoresUsed")), "", "")
                .row("  machine cores busy", StackCpu.cell(cpu), "", "")
                .row("  machine CPU per notification", StackCpu.perEvent(cpu, perSecond),
                        String.format("budget at the goal %.1f ms", StackCpu.budgetMs(cpu, 2_000)), "")
                .row("record-to-provider p50 @ " + rate + "/s", Report.ms((double) endToEnd.get("p50Ms")), "", "")
                .row("record-to-provider p99 @ " + rate + "/s", Report.ms(p99), "goal p99 < 300 ms", Report.ratio(p99, 300))
                .row("record-to-provider max @ " + rate + "/s", Report.ms((double) endToEnd.get("maxMs")), "", "")
                .row("  machine cores busy @ " + rate + "/s", StackCpu.cell((Map<?, ?>) latency.get("cpu")), "", "");
        ((Map<?, ?>) latency.get("stages")).forEach((stage, s) -> report.row("  " + stage + " p50 / p99",
                Report.ms((double) ((Map<?, ?>) s).get("p50Ms")) + " / " + Report.ms((double) ((Map<?, ?>) s).get("p99Ms")),
                "", ""));
        return report.row("achieved rate @ " + rate + "/s", Report.number((double) latency.get("achievedPerSecond")),
                        "target " + rate, Report.ratio((double) latency.get("achievedPerSecond"), rate))
                .row("notification-service ready", String.format("%.1f s", readySeconds), "goal < 3 s",
                        Report.ratio(readySeconds, 3))
                .row("notification-service RSS idle / peak", rssIdle + " / " + service.get("rssPeakUnderLoadMb") + " MB",
                        "goal idle < 250 MB", Report.ratio(rssIdle, 250));
    }

    /** Publishes {@code events} order-shipped events at once (order ids {@code prefix} + i) and times their delivery. */
    private static Map<String, Object> throughput(BenchStack stack, ProviderStub provider, KafkaStats kafkaStats,
            Producer producer, int customers, int events, String prefix) throws InterruptedException {
        AtomicLong arrived = new AtomicLong();
        AtomicLong lastArrival = new AtomicLong();
        provider.onRequest(a -> {
            if (a.body().contains(prefix)) {
                arrived.incrementAndGet();
                lastArrival.set(a.nanoTime());
            }
        });
        Set<String> topics = Set.of(Topics.NOTIFICATIONS, Topics.ORDER_STATUS);
        Map<String, Long> offsets0 = kafkaStats.endOffsets(topics);
        long commits0 = stack.commits(DB);
        StackCpu.Reading cpuStart = stack.cpu();
        long start = System.nanoTime();
        Producer.Run run = producer.burst(i -> BenchEvents.shipped(prefix + i, BenchEvents.customerId(i % customers)), 0,
                events);
        producer.requireNoFailures();
        Await.progress(arrived::get, events, Duration.ofSeconds(30));
        double seconds = (lastArrival.get() - start) / 1e9;
        StackCpu.Reading cpuEnd = stack.cpu();
        double cpu = cpuEnd.service() - cpuStart.service();
        double jit = cpuEnd.serviceJitSeconds(cpuStart);
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

    private static Map<String, Object> latency(BenchStack stack, ProviderStub provider, Producer producer, int customers,
            int rate, int seconds) throws InterruptedException {
        int warmup = WARMUP;
        Map<String, Long> sentAt = new ConcurrentHashMap<>();
        Map<String, Long> arrivedAt = new ConcurrentHashMap<>();
        long measuredFrom = (long) warmup * rate;
        provider.onRequest(a -> {
            Matcher m = ORDER_ID.matcher(a.body());
            if (m.find() && m.group().startsWith("BO-L")) {
                arrivedAt.putIfAbsent(m.group(), a.at().toEpochMilli());
            }
        });
        long total = (long) rate * (seconds + warmup);
        StackCpu.Reading cpuStart = stack.cpu();
        Producer.Run run = producer.atRate(new Producer.Source() {
            public Producer.Outgoing next(long i) {
                return BenchEvents.shipped("BO-L" + i, BenchEvents.customerId((i * 7919) % customers));
            }

            public void sent(long i, Producer.Outgoing record, long timestampMillis) {
                if (i >= measuredFrom) {
                    sentAt.put(record.key(), timestampMillis);
                }
            }
        }, 0, total, rate);
        producer.requireNoFailures();
        Map<String, Object> cpu = stack.cpu().since(cpuStart);
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
        out.put("recordToProvider", Latencies.of(endToEnd).summary());
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
        try (var c = stack.db(DB);
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
        out.put("record to planned", Latencies.of(planned).summary());
        out.put("planned to provider", Latencies.of(toProvider).summary());
        out.put("provider to SENT recorded", Latencies.of(recorded).summary());
        return out;
    }
}
