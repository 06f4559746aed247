package io.postventa.benchmarks.measure;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
import java.lang.management.ThreadMXBean;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import io.postventa.testing.StackInfo;

/**
 * Where the CPU went during a phase of a benchmark: this JVM's threads (grouped by name, numbers
 * stripped), the stack's processes started by this JVM (Kafka broker, PostgreSQL's walsender, its
 * other backends) read from /proc, and the whole machine (so that what other programs took shows).
 * Figures are CPU seconds per wall second, so 1.0 is one core busy for the whole phase.
 */
public final class CpuSampler {
    private static final double TICKS_PER_SECOND = 100.0; // USER_HZ on Linux
    private final ThreadMXBean threads = ManagementFactory.getThreadMXBean();
    private final long startNanos;
    private final Map<Long, Long> threadCpuAtStart = new HashMap<>();
    private final Map<Long, Long> processTicksAtStart;
    private final long[] machineAtStart;

    private final int postgresPort;

    private CpuSampler(int postgresPort) {
        this.postgresPort = postgresPort;
        if (threads.isThreadCpuTimeSupported() && !threads.isThreadCpuTimeEnabled()) {
            threads.setThreadCpuTimeEnabled(true);
        }
        for (long id : threads.getAllThreadIds()) {
            threadCpuAtStart.put(id, Math.max(0, threads.getThreadCpuTime(id)));
        }
        processTicksAtStart = processTicks();
        machineAtStart = machineTicks();
        startNanos = System.nanoTime();
    }

    /** Starts sampling; the stack's PostgreSQL is found by its port (its postmaster is not our child). */
    public static CpuSampler start(StackInfo stack) {
        return new CpuSampler(URI.create(stack.jdbcUrl("x").substring("jdbc:".length())).getPort());
    }

    /** Cores used per group since {@link #start}, busiest first, plus the machine's totals. */
    public Map<String, Object> stop() {
        return stop(0);
    }

    /** Like {@link #stop()}, adding the CPU microseconds each part spent per event when {@code events} > 0. */
    public Map<String, Object> stop(long events) {
        double wall = (System.nanoTime() - startNanos) / 1e9;
        Map<String, Double> byGroup = new HashMap<>();
        long[] ids = threads.getAllThreadIds();
        ThreadInfo[] infos = threads.getThreadInfo(ids);
        double jvmThreads = 0;
        for (int i = 0; i < ids.length; i++) {
            long cpu = threads.getThreadCpuTime(ids[i]);
            if (cpu < 0 || infos[i] == null) {
                continue;
            }
            double used = (cpu - threadCpuAtStart.getOrDefault(ids[i], 0L)) / 1e9;
            jvmThreads += used;
            byGroup.merge(group(infos[i].getThreadName()), used, Double::sum);
        }
        Map<String, Double> processes = new HashMap<>();
        Map<Long, Long> ticks = processTicks();
        for (Map.Entry<Long, Long> e : ticks.entrySet()) {
            long before = processTicksAtStart.getOrDefault(e.getKey(), 0L);
            processes.merge(processKind(e.getKey()), (e.getValue() - before) / TICKS_PER_SECOND, Double::sum);
        }
        long[] machine = machineTicks();
        double machineBusy = (machine[0] - machineAtStart[0]) / TICKS_PER_SECOND;
        double machineTotal = (machine[1] - machineAtStart[1]) / TICKS_PER_SECOND;
        Map<String, Object> result = new LinkedHashMap<>();
        result.put("wallSeconds", round(wall));
        result.put("machineCoresBusy", round(machineBusy / wall));
        result.put("machineCores", round(machineTotal / wall));
        result.put("benchmarkJvmThreads", round(jvmThreads / wall));
        double stack = processes.values().stream().mapToDouble(Double::doubleValue).sum();
        result.put("stackProcesses", round(stack / wall));
        result.put("otherPrograms", round(Math.max(0, machineBusy - jvmThreads - stack) / wall));
        result.put("processes", sorted(processes, wall, 0.005));
        result.put("jvmThreads", sorted(byGroup, wall, 0.005));
        if (events > 0) {
            Map<String, Double> perEvent = new LinkedHashMap<>();
            perEvent.put("benchmarkJvm", round(jvmThreads * 1e6 / events));
            processes.forEach((k, v) -> perEvent.put(k, round(v * 1e6 / events)));
            perEvent.put("allStack", round((jvmThreads + stack) * 1e6 / events));
            result.put("cpuMicrosPerEvent", perEvent);
        }
        return result;
    }

    private static Map<String, Double> sorted(Map<String, Double> seconds, double wall, double threshold) {
        return seconds.entrySet().stream().filter(e -> e.getValue() / wall >= threshold)
                .sorted(Map.Entry.<String, Double>comparingByValue().reversed())
                .collect(Collectors.toMap(Map.Entry::getKey, e -> round(e.getValue() / wall), (a, b) -> a, LinkedHashMap::new));
    }

    /** A thread's group: its name with numbers replaced, so that pools add up. */
    private static String group(String name) {
        return name.replaceAll("\\d+", "N");
    }

    /**
     * utime+stime of every process this JVM started, directly or not (the stack's Kafka), and of the
     * stack's PostgreSQL: its postmaster (found by its port, as pg_ctl detaches it) and its children.
     */
    private Map<Long, Long> processTicks() {
        Map<Long, Long> ticks = new HashMap<>();
        List<Long> pids = new java.util.ArrayList<>(ProcessHandle.current().descendants().map(ProcessHandle::pid).toList());
        ProcessHandle.allProcesses().filter(p -> isOurPostmaster(p.pid())).forEach(pm -> {
            pids.add(pm.pid());
            pm.children().forEach(c -> pids.add(c.pid()));
        });
        for (long pid : pids) {
            try {
                String stat = Files.readString(Path.of("/proc", Long.toString(pid), "stat"));
                String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
                ticks.put(pid, Long.parseLong(f[11]) + Long.parseLong(f[12]));
            } catch (IOException | RuntimeException e) {
                // gone, or not Linux
            }
        }
        return ticks;
    }

    private boolean isOurPostmaster(long pid) {
        String cmd = ProcessStats.commandLine(pid);
        return cmd.contains("/bin/postgres ") && cmd.contains(" -p " + postgresPort + " ");
    }

    private static String processKind(long pid) {
        String cmd = ProcessStats.commandLine(pid);
        if (cmd.isEmpty()) {
            return "exited";
        }
        if (cmd.contains("kafka.Kafka")) {
            return "kafka broker";
        }
        if (cmd.startsWith("postgres: walsender")) {
            return "postgres walsender";
        }
        if (cmd.startsWith("postgres: walwriter")) {
            return "postgres walwriter";
        }
        if (cmd.startsWith("postgres: ") && cmd.contains("(")) {
            return "postgres backends";
        }
        if (cmd.contains("postgres: ") || cmd.contains("/bin/postgres ")) {
            return "postgres other";
        }
        if (cmd.contains("ProducerPerformance")) {
            return "kafka producer-perf";
        }
        return cmd.contains("devstack") ? "devstack launcher" : "other child";
    }

    /** {busy, total} jiffies of the whole machine. */
    private static long[] machineTicks() {
        double[] seconds = ProcessStats.machineCpuSeconds();
        return new long[] {Math.round(seconds[0] * TICKS_PER_SECOND), Math.round(seconds[1] * TICKS_PER_SECOND)};
    }

    private static double round(double v) {
        return Math.round(v * 1000) / 1000.0;
    }
}
