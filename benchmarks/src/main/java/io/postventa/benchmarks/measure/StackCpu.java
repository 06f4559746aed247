package io.postventa.benchmarks;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import io.postventa.devstack.StackState;

/**
 * Where a benchmark stack's CPU goes: the service under test (and its JIT compilers), the stack's Kafka broker and
 * PostgreSQL, this benchmark JVM (the load generator and the provider stub), and the whole machine. On two cores
 * they all share, a phase whose machine is busy all the time is limited by the sum of what each part spends per
 * event, not by the service alone.
 */
final class StackCpu {
    private final Path stackDir;
    private final int postgresPort;

    /** The stack whose Kafka writes its logs under {@code stackDir} and whose PostgreSQL listens on the state's port. */
    StackCpu(Path stackDir, StackState state) {
        this.stackDir = stackDir;
        String prefix = state.postgresJdbcPrefix();
        String hostPort = prefix.substring(prefix.indexOf("//") + 2, prefix.lastIndexOf('/'));
        this.postgresPort = Integer.parseInt(hostPort.substring(hostPort.indexOf(':') + 1));
    }

    /** A reading of every part now, to compare with a later one. */
    Snapshot now(long servicePid) {
        double[] machine = machineCpuSeconds();
        return new Snapshot(System.nanoTime(), ProcessStats.cpuSeconds(servicePid),
                ProcessStats.jitCpuSeconds(servicePid), kafkaCpuSeconds(), postgresCpuSeconds(),
                ProcessStats.ownCpuSeconds(), machine[0], machine[1]);
    }

    /** CPU seconds used so far by this stack's Kafka broker (the one writing its logs in the stack's directory). */
    double kafkaCpuSeconds() {
        String marker = "-Dkafka.logs.dir=" + stackDir;
        return ProcessHandle.allProcesses().filter(p -> commandLine(p.pid()).contains(marker))
                .mapToDouble(p -> ProcessStats.cpuSeconds(p.pid())).filter(d -> !Double.isNaN(d)).sum();
    }

    /** CPU seconds used so far by the stack's PostgreSQL server and its live backends. */
    double postgresCpuSeconds() {
        Optional<ProcessHandle> postmaster = ProcessHandle.allProcesses()
                .filter(p -> commandLine(p.pid()).contains("-p " + postgresPort + " "))
                .filter(p -> commandLine(p.pid()).contains("/bin/postgres "))
                .findFirst();
        if (postmaster.isEmpty()) {
            return Double.NaN;
        }
        return ProcessStats.cpuSeconds(postmaster.get().pid()) + postmaster.get().descendants()
                .mapToDouble(p -> ProcessStats.cpuSeconds(p.pid())).filter(d -> !Double.isNaN(d)).sum();
    }

    /** Busy and total CPU time of the whole machine so far (from /proc/stat), in seconds of all cores. */
    static double[] machineCpuSeconds() {
        try {
            String[] f = Files.readAllLines(Path.of("/proc/stat")).get(0).trim().split("\\s+");
            long total = 0;
            for (int i = 1; i < f.length; i++) {
                total += Long.parseLong(f[i]);
            }
            long idle = Long.parseLong(f[4]) + Long.parseLong(f[5]);
            return new double[] {(total - idle) / 100.0, total / 100.0};
        } catch (IOException | RuntimeException e) {
            return new double[] {Double.NaN, Double.NaN};
        }
    }

    /** A process's command line, its arguments separated by spaces ("" if it cannot be read). */
    private static String commandLine(long pid) {
        try {
            return new String(Files.readAllBytes(Path.of("/proc", Long.toString(pid), "cmdline")), StandardCharsets.UTF_8)
                    .replace('\0', ' ');
        } catch (IOException | RuntimeException e) {
            return "";
        }
    }

    /** CPU seconds of each part at one moment. */
    record Snapshot(long nanos, double service, Map<String, Double> serviceJit, double kafka, double postgres,
            double benchmarkJvm, double machineBusy, double machineTotal) {

        /** CPU used between {@code earlier} and this snapshot, in cores (1.0 = one core busy all the time). */
        Map<String, Object> since(Snapshot earlier) {
            double wall = (nanos - earlier.nanos) / 1e9;
            Map<String, Object> out = new LinkedHashMap<>();
            out.put("wallSeconds", Latencies.round(wall));
            out.put("serviceCores", round2((service - earlier.service) / wall));
            // of serviceCores: its JIT compiler threads (a service still warming up); a lower bound
            out.put("serviceJitCores", round2(ProcessStats.jitCpuSecondsBetween(earlier.serviceJit, serviceJit) / wall));
            out.put("kafkaCores", round2((kafka - earlier.kafka) / wall));
            out.put("postgresCores", round2((postgres - earlier.postgres) / wall));
            out.put("benchmarkJvmCores", round2((benchmarkJvm - earlier.benchmarkJvm) / wall));
            out.put("machineBusyCores", round2((machineBusy - earlier.machineBusy) / wall));
            out.put("machineCores", round2((machineTotal - earlier.machineTotal) / wall));
            return out;
        }

        private static double round2(double v) {
            return Math.round(v * 100.0) / 100.0;
        }
    }

    /**
     * A table cell of a phase's {@link Snapshot#since} figures: "1.98 of 2.00: service 1.15, PostgreSQL 0.41,
     * Kafka 0.14, benchmark 0.12".
     */
    static String cell(Map<?, ?> cpu) {
        return String.format(Locale.ROOT, "%s of %s: service %s, PostgreSQL %s, Kafka %s, benchmark %s", cpu.get("machineBusyCores"),
                cpu.get("machineCores"), cpu.get("serviceCores"), cpu.get("postgresCores"), cpu.get("kafkaCores"),
                cpu.get("benchmarkJvmCores"));
    }

    /**
     * The same figures as CPU milliseconds per event at {@code perSecond} events/s, for a table cell: "13.1 ms
     * (service 8.0, PostgreSQL 2.7, Kafka 1.0, benchmark 1.3)". Against a goal of G events/s, the machine has
     * machineCores / G of CPU per event to spend.
     */
    static String perEvent(Map<?, ?> cpu, double perSecond) {
        return String.format(Locale.ROOT, "%.1f ms (service %.1f, PostgreSQL %.1f, Kafka %.1f, benchmark %.1f)",
                ms(cpu, "machineBusyCores", perSecond), ms(cpu, "serviceCores", perSecond),
                ms(cpu, "postgresCores", perSecond), ms(cpu, "kafkaCores", perSecond),
                ms(cpu, "benchmarkJvmCores", perSecond));
    }

    private static double ms(Map<?, ?> cpu, String part, double perSecond) {
        return ((Number) cpu.get(part)).doubleValue() * 1000 / perSecond;
    }
}
