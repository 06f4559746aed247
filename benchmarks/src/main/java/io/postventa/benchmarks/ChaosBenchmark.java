package io.postventa.benchmarks;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;

import io.postventa.benchmarks.chaos.ChaosStack;
import io.postventa.benchmarks.chaos.ChaosTraffic;
import io.postventa.benchmarks.chaos.FaultPlan;
import io.postventa.benchmarks.chaos.LagWatch;
import io.postventa.benchmarks.chaos.Ledger;
import io.postventa.benchmarks.chaos.Reconciliation;
import io.postventa.benchmarks.chaos.Target;
import io.postventa.benchmarks.measure.Machine;
import io.postventa.benchmarks.measure.ProcessStats;
import io.postventa.benchmarks.measure.Report;
import io.postventa.benchmarks.measure.Sampler;
import io.postventa.devstack.PlatformService;
import io.postventa.devstack.Supervisor;
import io.postventa.events.Topics;
import io.postventa.testing.TestStack;

/**
 * The fault run ({@code ./postventa chaos}, issue 32): the demo's store sends its traffic at a fixed rate through
 * all five services on a stack of the run's own, while each service, the Kafka broker and PostgreSQL are killed with
 * SIGKILL several times each, in a seeded order at random moments. The services come back by the launcher's
 * supervision (with back-off, as Kubernetes restarts a pod); the broker and the database are started again by the
 * run on the same data. After each kill the run waits until every consumer group has caught up and says how long it
 * took. At the end, once everything has settled, what went in (the shop's ledger) is compared with what came out:
 * every inbound event applied once, every consumer's events applied, every return decided once, every contact on a
 * ticket once, every message recorded as sent received once at the SMTP server or the HTTP provider stand-in, and
 * nothing in a dead-letter topic. Goal: 0 lost, 0 duplicated customer messages, lag back to zero within 30 s.
 */
public final class ChaosBenchmark {
    private static final double LAG_GOAL_SECONDS = 30;

    private ChaosBenchmark() {
    }

    public static void main(String[] args) {
        try {
            run(args);
        } catch (Throwable t) {
            // the stack's threads would keep the JVM up: exit, which runs the hook that stops the stack
            t.printStackTrace();
            System.exit(1);
        }
        System.exit(0);
    }

    private static void run(String[] args) throws Exception {
        Options options = Options.parse("chaos", "The fault run: the demo's traffic through all five services while "
                + "each service, Kafka and PostgreSQL are killed with SIGKILL; then what went in against what came out.",
                args);
        double rate = options.integer("rate", 10, "inbound events per second (customer records and order facts; "
                + "about 7.4 per order, whose contacts, returns and survey answers follow)");
        int killsEach = options.integer("kills-each", 3, "how many times each target is killed");
        String targetNames = options.text("targets", "all", "what to kill, comma-separated: service names, kafka, "
                + "postgres, or all");
        long seed = Long.parseLong(options.text("seed", "32", "seed of the traffic and of the kill plan"));
        int warmup = options.integer("warmup-seconds", 45, "traffic before the first kill");
        int minPause = options.integer("min-pause-seconds", 5, "shortest pause between one kill's recovery and the next kill");
        int maxPause = options.integer("max-pause-seconds", 25, "longest such pause");
        int recoveryTimeout = options.integer("recovery-timeout-seconds", 300, "how long to wait for a killed target to be "
                + "back and every group caught up before the next kill");
        int settleTimeout = options.integer("settle-timeout-seconds", 480, "how long to wait at the end for everything "
                + "to settle (a message whose send was cut by a crash is queued again after 5 minutes)");
        int restartDelayMs = options.integer("restart-delay-ms", 1000, "how long Kafka and PostgreSQL stay down");
        int answerPercent = options.integer("answer-percent", 60, "share of survey invitations the shoppers answer");
        int lagAllowance = options.integer("lag-allowance-seconds", 6, "how far behind the topics' ends a group may be and "
                + "still count as caught up (the services commit offsets every 5 s; see benchmarks/README.md)");
        int readyTimeout = options.integer("ready-timeout-seconds", 600, "how long the services may take to be ready");
        List<String> props = options.repeated("prop", "<service-name>.<key>=value, a setting of one service");
        Machine machine = options.start("Fault run");

        List<Target> targets = targetNames.equals("all") ? Target.all()
                : List.of(targetNames.split(",")).stream().map(Target::parse).toList();
        FaultPlan plan = FaultPlan.of(seed, targets, killsEach, Duration.ofSeconds(minPause), Duration.ofSeconds(maxPause));
        System.out.println("Kill plan (seed " + seed + "): " + plan.faults().stream().map(f -> f.target().name()).toList());

        Path root = TestStack.projectRoot();
        Instant runStart = Instant.now();
        double[] cpu0 = ProcessStats.machineCpuSeconds();
        List<Double> loads = java.util.Collections.synchronizedList(new ArrayList<>());
        Sampler load = Sampler.every(Duration.ofSeconds(5), "chaos-load", () -> loads.add(Machine.current().loadAverage()));
        Ledger ledger = new Ledger();
        List<Map<String, Object>> kills = new ArrayList<>();
        Map<String, Object> settle = new LinkedHashMap<>();
        Reconciliation result;
        Map<PlatformService, Boolean> readiness;
        List<Supervisor.Event> supervision;
        List<List<Object>> lagTimeline;
        try (ChaosStack stack = ChaosStack.start(root, serviceSettings(props), Duration.ofSeconds(readyTimeout),
                System.out::println);
             LagWatch lag = new LagWatch(stack.kafka(), PlatformService.all().stream().map(PlatformService::serviceName)
                     .toList(), Topics.ALL, Duration.ofSeconds(lagAllowance));
             ChaosTraffic traffic = new ChaosTraffic(stack.kafka(), ledger, seed,
                     Long.toString(seed % 1_000_000, 36).toUpperCase(Locale.ROOT), answerPercent)) {
            Instant trafficStart = Instant.now();
            AtomicReference<Throwable> trafficFailure = new AtomicReference<>();
            Thread shop = new Thread(() -> {
                try {
                    traffic.play(rate);
                } catch (Throwable t) {
                    trafficFailure.set(t);
                }
            }, "chaos-shop");
            shop.start();
            System.out.printf("Traffic: %.0f inbound events/s; first kill in %d s%n", rate, warmup);
            Thread.sleep(warmup * 1000L);

            int n = 0;
            for (FaultPlan.Fault fault : plan.faults()) {
                n++;
                Thread.sleep(fault.pauseBefore().toMillis());
                System.out.printf("Kill %d of %d: %s (%.0f s into the run; lag %s)%n", n, plan.faults().size(),
                        fault.target(), Duration.between(trafficStart, Instant.now()).toMillis() / 1000.0, lag.lagNow());
                ChaosStack.Kill kill = stack.kill(fault.target(), Duration.ofMillis(restartDelayMs),
                        Duration.ofSeconds(recoveryTimeout));
                kills.add(recovery(n, kill, lag, recoveryTimeout, trafficStart));
            }

            System.out.println("Faults done; traffic for 20 s more, then no new orders");
            Thread.sleep(20_000);
            traffic.stopOrdering();
            shop.join();
            if (trafficFailure.get() != null) {
                throw new IllegalStateException("the traffic stopped", trafficFailure.get());
            }
            Instant ordersStopped = Instant.now();
            System.out.println("Waiting for the last orders to play out and everything to settle (at most "
                    + settleTimeout + " s)...");
            settle.putAll(settle(stack, traffic, lag, Duration.ofSeconds(settleTimeout)));
            settle.put("secondsFromLastOrderToSettled", Duration.between(ordersStopped, Instant.now()).toMillis() / 1000.0);
            readiness = stack.readiness();
            supervision = stack.serviceEvents();
            lagTimeline = lag.timeline(trafficStart, Duration.ofSeconds(5));
            System.out.println("Comparing what went in with what came out...");
            result = Reconciliation.of(ledger, stack);
        } finally {
            load.stop();
        }
        double[] cpu1 = ProcessStats.machineCpuSeconds();
        double wall = Duration.between(runStart, Instant.now()).toMillis() / 1000.0;
        report(options.report(machine), machine, rate, seed, plan, kills, ledger, settle, result, readiness, supervision,
                lagTimeline, loads, (cpu1[0] - cpu0[0]) / wall, wall).write();
    }

    /** The settings the services run with: the demo's short waits, so that surveys and delays happen within the run. */
    static Map<PlatformService, Map<String, String>> serviceSettings(List<String> props) {
        Map<PlatformService, Map<String, String>> out = new EnumMap<>(PlatformService.class);
        for (PlatformService s : PlatformService.all()) {
            Map<String, String> p = new HashMap<>();
            // five services, Kafka and PostgreSQL starting together on a small machine: Flyway's first connection waits
            p.put("quarkus.datasource.jdbc.acquisition-timeout", "PT60S");
            p.put("quarkus.transaction-manager.default-transaction-timeout", "PT5M");
            p.put("quarkus.log.console.json.enabled", "false");
            out.put(s, p);
        }
        out.get(PlatformService.ORDER_STATUS).put("postventa.order-status.delay.check-every", "5s");
        Map<String, String> feedback = out.get(PlatformService.FEEDBACK);
        feedback.put("feedback.surveys.nps-after-delivery", "PT20S");
        feedback.put("feedback.surveys.csat-after-ticket-solved", "PT10S");
        feedback.put("feedback.surveys.csat-after-return-refunded", "PT10S");
        feedback.put("feedback.surveys.check-every", "3s");
        Map<String, String> notification = out.get(PlatformService.NOTIFICATION);
        notification.put("postventa.notification.personal-moments-interval", "PT30S");
        // quiet hours would hold SMS and push back until morning, whenever the run happens: no real channel waits
        notification.put("postventa.notification.quiet-hours-channels", "LOG");
        for (String prop : props) {
            int dot = prop.indexOf('.');
            int eq = prop.indexOf('=');
            if (dot < 0 || eq < dot) {
                throw new IllegalArgumentException("--prop takes <service-name>.<key>=value, not " + prop);
            }
            String name = prop.substring(0, dot);
            PlatformService service = PlatformService.all().stream().filter(s -> s.serviceName().equals(name)).findFirst()
                    .orElseThrow(() -> new IllegalArgumentException("--prop: no service " + name));
            out.get(service).put(prop.substring(dot + 1, eq), prop.substring(eq + 1));
        }
        return out;
    }

    /** Waits until every group has caught up after the kill; what it took, per group. */
    private static Map<String, Object> recovery(int n, ChaosStack.Kill kill, LagWatch lag, int timeoutSeconds,
            Instant trafficStart) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(timeoutSeconds).toNanos();
        Map<String, Double> byGroup = new LinkedHashMap<>();
        while (true) {
            byGroup.clear();
            boolean all = true;
            for (String group : lag.groups()) {
                Optional<Instant> at = lag.caughtUp(group, kill.killedAt());
                if (at.isPresent()) {
                    byGroup.put(group, Duration.between(kill.killedAt(), at.get()).toMillis() / 1000.0);
                } else {
                    all = false;
                }
            }
            if (all || System.nanoTime() > deadline) {
                break;
            }
            Thread.sleep(500);
        }
        double slowest = byGroup.size() < lag.groups().size() ? Double.POSITIVE_INFINITY
                : byGroup.values().stream().mapToDouble(Double::doubleValue).max().orElse(0);
        String slowestGroup = lag.groups().stream().filter(g -> !byGroup.containsKey(g)).findFirst()
                .orElse(byGroup.entrySet().stream().max(Map.Entry.comparingByValue()).map(Map.Entry::getKey).orElse(""));
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("kill", n);
        out.put("target", kill.target().name());
        out.put("pid", kill.pid());
        out.put("secondsIntoRun", Duration.between(trafficStart, kill.killedAt()).toMillis() / 1000.0);
        out.put("secondsUntilBack", kill.secondsDown());
        out.put("secondsUntilLagZeroByGroup", byGroup);
        out.put("secondsUntilEveryGroupLagZero", Double.isInfinite(slowest) ? null : slowest);
        out.put("slowestGroup", slowestGroup);
        System.out.printf("  %s back after %.1f s; every group caught up after %s (slowest: %s)%n", kill.target(),
                kill.secondsDown(), Double.isInfinite(slowest) ? "more than " + timeoutSeconds + " s" : String.format("%.1f s", slowest),
                slowestGroup);
        return out;
    }

    /**
     * After the last order: waits until the shop's clients are done, every group's lag is zero, no delivery waits to
     * be sent and no survey is due, for ten seconds in a row (or the timeout).
     */
    private static Map<String, Object> settle(ChaosStack stack, ChaosTraffic traffic, LagWatch lag, Duration timeout)
            throws Exception {
        long deadline = System.nanoTime() + timeout.toNanos();
        long quietSince = -1;
        Map<String, Object> last = Map.of();
        while (System.nanoTime() < deadline) {
            Map<String, Object> now = new LinkedHashMap<>();
            now.put("clientsBusy", traffic.pending());
            now.put("lag", lag.lagNow());
            now.put("deliveriesWaiting", scalar(stack, PlatformService.NOTIFICATION,
                    "select count(*) from delivery where status in ('QUEUED', 'SENDING', 'DEFERRED')"));
            now.put("heldEvents", scalar(stack, PlatformService.NOTIFICATION, "select count(*) from held_event"));
            now.put("surveysDue", scalar(stack, PlatformService.FEEDBACK,
                    "select count(*) from survey where status = 'PENDING' and held_reason is null"
                    + " and due_at < now() + interval '30 seconds'"));
            boolean quiet = traffic.pending() == 0 && lag.lagNow().values().stream().allMatch(v -> v == 0)
                    && (long) now.get("deliveriesWaiting") == 0 && (long) now.get("heldEvents") == 0
                    && (long) now.get("surveysDue") == 0;
            if (!now.equals(last)) {
                System.out.println("  " + now);
                last = now;
            }
            if (quiet) {
                if (quietSince < 0) {
                    quietSince = System.nanoTime();
                } else if (System.nanoTime() - quietSince > 10_000_000_000L) {
                    Map<String, Object> out = new LinkedHashMap<>(now);
                    out.put("settled", true);
                    return out;
                }
            } else {
                quietSince = -1;
            }
            Thread.sleep(1000);
        }
        Map<String, Object> out = new LinkedHashMap<>(last);
        out.put("settled", false);
        System.out.println("  not settled within " + timeout.toSeconds() + " s: " + last);
        return out;
    }

    private static long scalar(ChaosStack stack, PlatformService service, String sql) {
        try (Connection c = stack.db(service.database()); Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            return rs.next() ? rs.getLong(1) : 0;
        } catch (Exception e) {
            return -1;
        }
    }

    private static Report report(Report report, Machine machine, double rate, long seed, FaultPlan plan,
            List<Map<String, Object>> kills, Ledger ledger, Map<String, Object> settle, Reconciliation result,
            Map<PlatformService, Boolean> readiness, List<Supervisor.Event> supervision, List<List<Object>> lagTimeline,
            List<Double> loads, double machineBusyCores, double wallSeconds) {
        double worstLag = kills.stream().mapToDouble(k -> k.get("secondsUntilEveryGroupLagZero") == null
                ? Double.POSITIVE_INFINITY : ((Number) k.get("secondsUntilEveryGroupLagZero")).doubleValue()).max().orElse(0);
        long within = kills.stream().filter(k -> k.get("secondsUntilEveryGroupLagZero") != null
                && ((Number) k.get("secondsUntilEveryGroupLagZero")).doubleValue() <= LAG_GOAL_SECONDS).count();
        Map<String, Object> messages = result.customerMessages();
        long messagesLost = ((Number) messages.get("lost")).longValue();
        long messagesDuplicated = ((Number) messages.get("duplicatedForAProviderHonouringTheKey")).longValue();
        long messagesDuplicatedRaw = ((Number) messages.get("duplicatedAsTheStandInSawThem")).longValue();
        boolean allReady = readiness.values().stream().allMatch(Boolean::booleanValue);
        boolean goal = messagesLost == 0 && messagesDuplicated == 0 && result.lost() == 0 && result.duplicated() == 0
                && worstLag <= LAG_GOAL_SECONDS && allReady && Boolean.TRUE.equals(settle.get("settled"));
        List<Double> loadCopy;
        synchronized (loads) {
            loadCopy = List.copyOf(loads);
        }
        double loadAvg = loadCopy.stream().mapToDouble(Double::doubleValue).average().orElse(Double.NaN);
        double loadMax = loadCopy.stream().mapToDouble(Double::doubleValue).max().orElse(Double.NaN);

        Map<String, Object> summary = new LinkedHashMap<>();
        summary.put("goalMet", goal);
        summary.put("lost", result.lost());
        summary.put("duplicated", result.duplicated());
        summary.put("customerMessagesLost", messagesLost);
        summary.put("customerMessagesDuplicated", messagesDuplicated);
        summary.put("customerMessagesDuplicatedRaw", messagesDuplicatedRaw);
        summary.put("kills", kills.size());
        summary.put("killsWithLagZeroWithin30s", within);
        summary.put("worstSecondsUntilEveryGroupLagZero", Double.isInfinite(worstLag) ? null : worstLag);
        summary.put("everyServiceReadyAtTheEnd", allReady);
        summary.put("settled", settle.get("settled"));

        Map<String, Object> load = new LinkedHashMap<>();
        load.put("loadAverageAtStart", machine.loadAverage());
        load.put("loadAverageDuringRunMean", loadAvg);
        load.put("loadAverageDuringRunMax", loadMax);
        load.put("machineBusyCoresMean", machineBusyCores);
        load.put("wallSeconds", wallSeconds);
        load.put("note", "the machine is shared; the load average counts every program on it, the run's own stack "
                + "(five services, Kafka, PostgreSQL, this JVM) included");

        report.put("summary", summary)
                .put("settings", Map.of("ratePerSecond", rate, "seed", seed, "plan", plan.faults().stream()
                        .map(f -> Map.of("target", f.target().name(), "pauseBeforeSeconds", f.pauseBefore().toMillis() / 1000.0))
                        .toList()))
                .put("load", load)
                .put("traffic", ledger.summary())
                .put("kills", kills)
                .put("settle", settle)
                .put("checks", result.checks())
                .put("customerMessages", messages)
                .put("deadLetters", result.deadLetterTopics())
                .put("readinessAtTheEnd", readiness.entrySet().stream()
                        .collect(java.util.stream.Collectors.toMap(e -> e.getKey().serviceName(), Map.Entry::getValue)))
                .put("supervisor", supervision.stream().map(e -> Map.of("event", e.kind().name(), "service", e.name(),
                        "pid", e.pid(), "exitCode", e.exitCode(), "restart", e.restart(), "delayMs", e.delay().toMillis(),
                        "at", e.at().toString())).toList())
                .put("lagTimeline", Map.of("columns", columns(), "every5s", lagTimeline));

        report.row("load average (mean / max during the run)", String.format(Locale.ROOT, "%.1f / %.1f", loadAvg, loadMax),
                String.format(Locale.ROOT, "%d cores, %.2f busy on average", machine.cores(), machineBusyCores), "")
                .row("inbound events / orders", ledger.summary().get("inboundEvents") + " / " + ledger.summary().get("orders"),
                        String.format(Locale.ROOT, "%.0f/s", rate), "")
                .row("contacts / returns / survey answers", ledger.summary().get("contactsCreated") + " / "
                        + ledger.summary().get("returnsCreated") + " / " + ledger.summary().get("surveyAnswersTaken"),
                        "HTTP retries " + ledger.summary().get("httpRetries"), "");
        for (Map<String, Object> k : kills) {
            Object lagZero = k.get("secondsUntilEveryGroupLagZero");
            report.row("kill " + k.get("kill") + ": " + k.get("target"),
                    String.format(Locale.ROOT, "back %.1f s, lag 0 %s", ((Number) k.get("secondsUntilBack")).doubleValue(),
                            lagZero == null ? "never" : String.format(Locale.ROOT, "%.1f s", ((Number) lagZero).doubleValue())),
                    "goal lag 0 < 30 s; slowest " + k.get("slowestGroup"),
                    lagZero == null ? "-" : Report.ratio(((Number) lagZero).doubleValue(), LAG_GOAL_SECONDS));
        }
        for (Reconciliation.Check c : result.checks()) {
            report.row(c.name(), "lost " + c.lost() + ", dup " + c.duplicated(), "of " + c.expected(),
                    c.passed() ? "ok" : "FAIL");
        }
        report.row("customer messages sent / lost", messages.get("sent") + " / " + messagesLost, "goal 0 lost",
                messagesLost == 0 ? "ok" : "FAIL")
                .row("  duplicated (stand-in raw / honouring key)", messagesDuplicatedRaw + " / " + messagesDuplicated,
                        "goal 0", messagesDuplicated == 0 ? "ok" : "FAIL")
                .row("every service ready at the end", allReady ? "yes" : "no: " + readiness, "", allReady ? "ok" : "FAIL")
                .row("lost / duplicated, all checks", result.lost() + " / " + result.duplicated(), "goal 0 / 0",
                        goal ? "GOAL MET" : "GOAL MISSED");
        return report;
    }

    private static List<String> columns() {
        List<String> c = new ArrayList<>();
        c.add("seconds");
        PlatformService.all().forEach(s -> c.add(s.serviceName()));
        return c;
    }
}
