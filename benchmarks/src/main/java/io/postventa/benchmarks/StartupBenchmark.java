package io.postventa.benchmarks;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import io.postventa.benchmarks.measure.Machine;
import io.postventa.benchmarks.measure.ProcessStats;
import io.postventa.benchmarks.measure.Report;
import io.postventa.benchmarks.stack.BenchStack;
import io.postventa.benchmarks.stack.RunningService;
import io.postventa.devstack.PlatformService;
import io.postventa.devstack.ServiceProcess;

/**
 * How fast the five services start and how small they stay (issue #33, item 3): Kafka and PostgreSQL first, then the
 * five services launched <b>together</b>, as {@code ./postventa up} does, each from its packaged jar with the JVM
 * flags of {@link ServiceProcess#jvmOptions()}. Per service: the time from its launch to {@code /q/health/ready}
 * answering UP, the CPU it spent until then, its threads and its resident memory 5 s after the last one is ready; and
 * the whole stack's time from the first launch to the last ready.
 *
 * <p><b>Cold</b> is the first start after a build: fresh databases whose migrations all run, and no class-data sharing
 * archive (the benchmark deletes the services' archives first; the cold run writes them when it stops, as the first
 * run after a build does). <b>Warm</b> (repeated {@code --warm-rounds} times) stops the services and starts them
 * together again over the same data and archives: a restart without a new build, the migrations up to date. Goals: each service ready in under 3 s and under 250 MB RSS idle, the whole stack ready in under 30 s.
 *
 * <p>On two cores the five share the machine while they start, so the wall-clock times depend on what else runs:
 * the CPU each spent until ready is the figure that compares across runs, and their sum divided by the cores is the
 * least the whole stack can take on this machine when nothing else runs.
 */
public final class StartupBenchmark {
    private static final double GOAL_READY_S = 3;
    private static final double GOAL_RSS_MB = 250;
    private static final double GOAL_STACK_S = 30;
    private static final List<PlatformService> SERVICES = PlatformService.all();

    private StartupBenchmark() {
    }

    /** One service of one start. */
    record Start(String service, double readySeconds, double cpuSecondsToReady, long rssIdleMb, int threadsIdle,
            Map<String, Double> cpuSecondsToReadyByThreads) {
    }

    /** The largest thread groups' CPU until ready (the JIT, main, the relay's, Kafka's...), at most ten. */
    private static Map<String, Double> topThreads(long pid) {
        Map<String, Double> top = new LinkedHashMap<>();
        ProcessStats.cpuSecondsByThreadGroup(pid).entrySet().stream().limit(10).forEach(e -> top.put(e.getKey(), e.getValue()));
        return top;
    }

    /** One start of the five together. */
    record Round(String kind, double stackReadySeconds, List<Start> services) {
    }

    public static void main(String[] args) throws Exception {
        Options options = Options.parse("startup", "the five services started together, as ./postventa up does: time to "
                + "ready and RSS idle of each, and of the whole stack; cold (fresh databases, no CDS archive) and warm.", args);
        int warmRounds = options.integer("warm-rounds", 2, "warm starts after the cold one (the table shows the last)");
        int idleSeconds = options.integer("idle-seconds", 5, "seconds after the last service is ready before RSS is read");
        boolean oneAtATime = options.flag("one-at-a-time", "start the services one after the other, each alone on the "
                + "machine until it is ready, as the e2e benchmark does (default: the five together, as ./postventa up)");
        List<PlatformService> services = services(options.text("services", "all",
                "the services to start, comma-separated names (e.g. returns-service,ticket-service), or all"));
        boolean keepArchives = options.flag("keep-archives", "keep the class-data sharing archives an earlier run wrote "
                + "(the cold round then has fresh databases but maps them; for comparing JVM flags warm, round after round)");
        Machine machine = options.start("Start-up benchmark");
        int deleted = keepArchives ? 0 : deleteArchives(io.postventa.testing.TestStack.projectRoot());
        if (deleted > 0) {
            System.out.printf("Deleted %d class-data sharing archive(s): the cold start is the first after a build.%n", deleted);
        }
        List<Round> rounds = new ArrayList<>();
        try (BenchStack stack = BenchStack.fresh()) {
            for (int i = 0; i <= warmRounds; i++) {
                String kind = i == 0 ? "cold" : "warm";
                Round round = oneAtATime ? startOneAtATime(stack, services, kind, idleSeconds)
                        : startTogether(stack, services, kind, idleSeconds);
                rounds.add(round);
                print(round);
                stack.services().parallelStream().forEach(stack::stopService);
            }
            report(options.report(machine), rounds, !oneAtATime).write();
        }
        System.exit(0);
    }

    /** The class-data sharing archives {@link ServiceProcess} keeps beside each service's jar. */
    private static int deleteArchives(Path root) throws IOException {
        int deleted = 0;
        for (PlatformService s : SERVICES) {
            if (Files.deleteIfExists(ServiceProcess.sharedArchive(s.runnerJar(root)))) {
                deleted++;
            }
        }
        return deleted;
    }

    private static List<PlatformService> services(String names) {
        if (names.equals("all")) {
            return SERVICES;
        }
        List<PlatformService> chosen = new ArrayList<>();
        for (String name : names.split(",")) {
            chosen.add(SERVICES.stream().filter(s -> s.serviceName().equals(name.trim())).findFirst()
                    .orElseThrow(() -> new IllegalArgumentException("no such service: " + name)));
        }
        return chosen;
    }

    /**
     * Each service started alone, the next once the previous is ready (as the e2e benchmark starts them): its time to
     * ready and CPU until ready are its own, not shared with the others' starts; RSS and threads are read
     * {@code idleSeconds} after the last one is ready, as in {@link #startTogether}.
     */
    private static Round startOneAtATime(BenchStack stack, List<PlatformService> services, String kind, int idleSeconds)
            throws InterruptedException {
        System.out.printf("%s start: the services one after the other...%n", kind);
        long started = System.nanoTime();
        Map<String, RunningService> running = new LinkedHashMap<>();
        Map<String, Double> cpuAtReady = new LinkedHashMap<>();
        Map<String, Map<String, Double>> threadsAtReady = new LinkedHashMap<>();
        for (PlatformService s : services) {
            RunningService r = stack.startService(s, Map.of());
            cpuAtReady.put(s.serviceName(), ProcessStats.cpuSeconds(r.pid()));
            threadsAtReady.put(s.serviceName(), topThreads(r.pid()));
            running.put(s.serviceName(), r);
        }
        double stackReady = (System.nanoTime() - started) / 1e9;
        Thread.sleep(idleSeconds * 1000L);
        List<Start> starts = new ArrayList<>();
        running.forEach((name, s) -> starts.add(new Start(name, round1(s.readySeconds()), round1(cpuAtReady.get(name)),
                ProcessStats.rssMb(s.pid()), threads(s.pid()), threadsAtReady.get(name))));
        return new Round(kind, round1(stackReady), starts);
    }

    private static Round startTogether(BenchStack stack, List<PlatformService> services, String kind, int idleSeconds)
            throws InterruptedException {
        System.out.printf("%s start: the services together...%n", kind);
        long started = System.nanoTime();
        ExecutorService pool = Executors.newFixedThreadPool(services.size());
        Map<String, CompletableFuture<RunningService>> starting = new LinkedHashMap<>();
        try {
            for (PlatformService s : services) {
                starting.put(s.serviceName(), CompletableFuture.supplyAsync(() -> stack.startService(s, Map.of()), pool));
            }
            CompletableFuture.allOf(starting.values().toArray(CompletableFuture[]::new)).join();
        } finally {
            pool.shutdown();
        }
        double stackReady = (System.nanoTime() - started) / 1e9;
        Map<String, Double> cpuAtReady = new LinkedHashMap<>();
        Map<String, Map<String, Double>> threadsAtReady = new LinkedHashMap<>();
        starting.forEach((name, f) -> {
            cpuAtReady.put(name, ProcessStats.cpuSeconds(f.join().pid()));
            threadsAtReady.put(name, topThreads(f.join().pid()));
        });
        Thread.sleep(idleSeconds * 1000L);
        List<Start> starts = new ArrayList<>();
        starting.forEach((name, f) -> {
            RunningService s = f.join();
            starts.add(new Start(name, round1(s.readySeconds()), round1(cpuAtReady.get(name)), ProcessStats.rssMb(s.pid()),
                    threads(s.pid()), threadsAtReady.get(name)));
        });
        return new Round(kind, round1(stackReady), starts);
    }

    /** Threads: of /proc/PID/status, or -1 if the process is gone. */
    static int threads(long pid) {
        try {
            for (String line : Files.readAllLines(Path.of("/proc", Long.toString(pid), "status"))) {
                if (line.startsWith("Threads:")) {
                    return Integer.parseInt(line.substring("Threads:".length()).trim());
                }
            }
        } catch (IOException | NumberFormatException e) {
            // gone
        }
        return -1;
    }

    private static double round1(double v) {
        return Math.round(v * 10) / 10.0;
    }

    private static void print(Round r) {
        System.out.printf("  %s: whole stack ready in %.1f s, %.1f CPU seconds%n", r.kind(), r.stackReadySeconds(), cpuToReady(r));
        for (Start s : r.services()) {
            System.out.printf("    %-22s ready %5.1f s (CPU %5.1f s), RSS idle %4d MB, %3d threads%n", s.service(),
                    s.readySeconds(), s.cpuSecondsToReady(), s.rssIdleMb(), s.threadsIdle());
            System.out.printf("      CPU until ready by threads: %s%n", s.cpuSecondsToReadyByThreads());
        }
    }

    /** CPU seconds the five spent until ready, together. */
    private static double cpuToReady(Round r) {
        return round1(r.services().stream().mapToDouble(Start::cpuSecondsToReady).sum());
    }

    private static Report report(Report report, List<Round> rounds, boolean together) {
        Round cold = rounds.get(0);
        Round warm = rounds.get(rounds.size() - 1);
        boolean met = rounds.stream().allMatch(r -> r.stackReadySeconds() < GOAL_STACK_S && r.services().stream()
                .allMatch(s -> s.readySeconds() < GOAL_READY_S && s.rssIdleMb() < GOAL_RSS_MB));
        Map<String, Double> cpuByKind = new LinkedHashMap<>();
        rounds.forEach(r -> cpuByKind.merge(r.kind(), cpuToReady(r), (a, b) -> b));
        report.put("rounds", rounds)
                .put("cpuSecondsToReadyAllServices", cpuByKind)
                .put("startedTogether", together)
                .put("goals", Map.of("readySecondsPerService", GOAL_READY_S, "rssIdleMbPerService", GOAL_RSS_MB,
                        "stackReadySeconds", GOAL_STACK_S, "met", met))
                .put("machineLoadAverageAtEnd", Machine.current().loadAverage());
        for (Round r : rounds.size() > 1 ? List.of(cold, warm) : List.of(cold)) {
            report.row(r.kind() + ": whole stack ready", String.format(Locale.ROOT, "%.1f s", r.stackReadySeconds()),
                    "goal < 30 s", Report.ratio(r.stackReadySeconds(), GOAL_STACK_S));
            double cpu = cpuToReady(r);
            int cores = report.machine().cores();
            report.row(r.kind() + ": CPU until ready, all services", String.format(Locale.ROOT, "%.1f s", cpu),
                    String.format(Locale.ROOT, "%.1f s on %d idle cores", cpu / cores, cores), "");
            for (Start s : r.services()) {
                report.row(r.kind() + ": " + s.service(), String.format(Locale.ROOT, "%.1f s (CPU %.1f s) / %d MB",
                        s.readySeconds(), s.cpuSecondsToReady(), s.rssIdleMb()), "ready < 3 s / RSS idle < 250 MB",
                        Report.ratio(s.readySeconds(), GOAL_READY_S) + " " + Report.ratio(s.rssIdleMb(), GOAL_RSS_MB));
            }
        }
        return report.row("load average (start / end)", String.format(Locale.ROOT, "%.2f / %.2f", report.machine().loadAverage(),
                Machine.current().loadAverage()), "", "");
    }
}
