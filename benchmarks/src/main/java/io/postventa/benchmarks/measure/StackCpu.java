package io.postventa.benchmarks.measure;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import io.postventa.benchmarks.stack.RunningService;
import io.postventa.devstack.StackState;

/**
 * Where a benchmark stack's CPU goes: the services under test (and their JIT compilers), the stack's Kafka broker,
 * PostgreSQL and SMTP JVM, this benchmark JVM (the load generator and the provider stub), and the whole machine.
 * On two cores they all share, a phase whose machine is busy all the time is limited by the sum of what each part
 * spends per event, not by a service alone.
 */
public final class StackCpu {
    private final Path stackDir;
    private final int postgresPort;

    /** The stack whose Kafka writes its logs under {@code stackDir} and whose PostgreSQL listens on the state's port. */
    public StackCpu(Path stackDir, StackState state) {
        this.stackDir = stackDir;
        String prefix = state.postgresJdbcPrefix();
        String hostPort = prefix.substring(prefix.indexOf("//") + 2, prefix.lastIndexOf('/'));
        this.postgresPort = Integer.parseInt(hostPort.substring(hostPort.indexOf(':') + 1));
    }

    /** A reading of every part now, to compare with a later one. */
    public Reading now(List<RunningService> services) {
        Map<String, Double> serviceCpu = new LinkedHashMap<>();
        Map<String, Map<String, Double>> serviceJit = new LinkedHashMap<>();
        for (RunningService s : services) {
            serviceCpu.put(s.name(), ProcessStats.cpuSeconds(s.pid()));
            serviceJit.put(s.name(), ProcessStats.jitCpuSeconds(s.pid()));
        }
        double[] machine = ProcessStats.machineCpuSeconds();
        return new Reading(System.nanoTime(), serviceCpu, serviceJit, kafkaCpuSeconds(), postgresCpuSeconds(),
                stackJvmCpuSeconds(), ProcessStats.ownCpuSeconds(), machine[0], machine[1]);
    }

    /** CPU seconds used so far by this stack's Kafka broker (the one writing its logs in the stack's directory). */
    private double kafkaCpuSeconds() {
        String marker = "-Dkafka.logs.dir=" + stackDir;
        return sum(ProcessHandle.allProcesses().filter(p -> ProcessStats.commandLine(p.pid()).contains(marker)));
    }

    /** The devstack JVM that runs the stack (and its SMTP server), a child of this JVM. */
    private double stackJvmCpuSeconds() {
        return sum(ProcessHandle.current().children()
                .filter(p -> ProcessStats.commandLine(p.pid()).contains("io.postventa.devstack.Cli")));
    }

    /** CPU seconds used so far by the stack's PostgreSQL server and its live backends (found by its port). */
    private double postgresCpuSeconds() {
        Optional<ProcessHandle> postmaster = ProcessHandle.allProcesses()
                .filter(p -> {
                    String cmd = ProcessStats.commandLine(p.pid());
                    return cmd.contains("/bin/postgres ") && cmd.contains("-p " + postgresPort + " ");
                })
                .findFirst();
        return postmaster.map(p -> ProcessStats.cpuSeconds(p.pid()) + sum(p.descendants())).orElse(Double.NaN);
    }

    private static double sum(java.util.stream.Stream<ProcessHandle> processes) {
        return processes.mapToDouble(p -> ProcessStats.cpuSeconds(p.pid())).filter(d -> !Double.isNaN(d)).sum();
    }

    /** CPU seconds of each part at one moment. */
    public record Reading(long nanos, Map<String, Double> services, Map<String, Map<String, Double>> serviceJit,
            double kafka, double postgres, double stackJvm, double benchmarkJvm, double machineBusy, double machineTotal) {

        /** CPU seconds the services used so far, together. */
        public double service() {
            return services.values().stream().mapToDouble(Double::doubleValue).filter(d -> !Double.isNaN(d)).sum();
        }

        /**
         * CPU used between {@code earlier} and this reading, in cores (1.0 = one core busy all the time): the services
         * (and, of that, their JIT compilers), Kafka, PostgreSQL, this JVM and the whole machine; with several
         * services, each one's share too.
         */
        public Map<String, Object> since(Reading earlier) {
            double wall = (nanos - earlier.nanos) / 1e9;
            Map<String, Object> out = new LinkedHashMap<>();
            out.put("wallSeconds", Latencies.round(wall));
            out.put("serviceCores", Latencies.round2((service() - earlier.service()) / wall));
            // of serviceCores: their JIT compiler threads (services still warming up); a lower bound
            out.put("serviceJitCores", Latencies.round2(jitSeconds(earlier, null) / wall));
            out.put("kafkaCores", Latencies.round2((kafka - earlier.kafka) / wall));
            out.put("postgresCores", Latencies.round2((postgres - earlier.postgres) / wall));
            out.put("stackJvmCores", Latencies.round2((stackJvm - earlier.stackJvm) / wall));
            out.put("benchmarkJvmCores", Latencies.round2((benchmarkJvm - earlier.benchmarkJvm) / wall));
            out.put("machineBusyCores", Latencies.round2((machineBusy - earlier.machineBusy) / wall));
            out.put("machineCores", Latencies.round2((machineTotal - earlier.machineTotal) / wall));
            if (services.size() > 1) {
                Map<String, Object> byService = new LinkedHashMap<>();
                services.forEach((name, cpu) -> byService.put(name, Map.of(
                        "cores", Latencies.round2((cpu - earlier.services.getOrDefault(name, cpu)) / wall),
                        "jitCores", Latencies.round2(jitSeconds(earlier, name) / wall))));
                out.put("byService", byService);
            }
            return out;
        }

        /** CPU seconds the services' JIT compilers used since {@code earlier} (a lower bound). */
        public double serviceJitSeconds(Reading earlier) {
            return jitSeconds(earlier, null);
        }

        /** JIT compiler seconds since {@code earlier}, of one service or (null) of all. */
        private double jitSeconds(Reading earlier, String only) {
            double seconds = 0;
            for (Map.Entry<String, Map<String, Double>> e : serviceJit.entrySet()) {
                if (only == null || only.equals(e.getKey())) {
                    seconds += ProcessStats.jitCpuSecondsBetween(earlier.serviceJit.getOrDefault(e.getKey(), Map.of()),
                            e.getValue());
                }
            }
            return seconds;
        }
    }

    /**
     * A table cell of a phase's {@link Reading#since} figures: "1.98 of 2.00: service 1.15, PostgreSQL 0.41, Kafka
     * 0.14, benchmark 0.12".
     */
    public static String cell(Map<?, ?> cpu) {
        return String.format(Locale.ROOT, "%s of %s: service %s, PostgreSQL %s, Kafka %s, benchmark %s",
                cpu.get("machineBusyCores"), cpu.get("machineCores"), cpu.get("serviceCores"), cpu.get("postgresCores"),
                cpu.get("kafkaCores"), cpu.get("benchmarkJvmCores"));
    }

    /**
     * The same figures as CPU milliseconds per event at {@code perSecond} events/s, for a table cell: "13.1 ms
     * (service 8.0, PostgreSQL 2.7, Kafka 1.0, benchmark 1.3)". Against a goal of G events/s, the machine has
     * machineCores / G of CPU per event to spend.
     */
    public static String perEvent(Map<?, ?> cpu, double perSecond) {
        return String.format(Locale.ROOT, "%.1f ms (service %.1f, PostgreSQL %.1f, Kafka %.1f, benchmark %.1f)",
                ms(cpu, "machineBusyCores", perSecond), ms(cpu, "serviceCores", perSecond),
                ms(cpu, "postgresCores", perSecond), ms(cpu, "kafkaCores", perSecond),
                ms(cpu, "benchmarkJvmCores", perSecond));
    }

    /** The CPU budget per event that a goal of {@code goalPerSecond} leaves on this machine, in ms. */
    public static double budgetMs(Map<?, ?> cpu, double goalPerSecond) {
        return ((Number) cpu.get("machineCores")).doubleValue() * 1000 / goalPerSecond;
    }

    private static double ms(Map<?, ?> cpu, String part, double perSecond) {
        return ((Number) cpu.get(part)).doubleValue() * 1000 / perSecond;
    }
}
