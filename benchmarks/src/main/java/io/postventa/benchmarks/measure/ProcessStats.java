package io.postventa.benchmarks.measure;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Resident memory and CPU time of a process, from /proc (Linux). */
public final class ProcessStats {
    /** USER_HZ, the unit of utime and stime in /proc/PID/stat; 100 on every Linux this runs on. */
    private static final double CLOCK_TICKS = 100.0;

    private ProcessStats() {
    }

    /** VmRSS of /proc/PID/status in MB, or -1 if the process is gone. */
    public static long rssMb(long pid) {
        try {
            List<String> lines = Files.readAllLines(Path.of("/proc", Long.toString(pid), "status"));
            for (String line : lines) {
                if (line.startsWith("VmRSS:")) {
                    return Long.parseLong(line.replaceAll("[^0-9]", "")) / 1024;
                }
            }
        } catch (IOException | NumberFormatException e) {
            // gone, or not Linux
        }
        return -1;
    }

    /** User plus system CPU seconds the process has used so far, or NaN if it is gone. */
    public static double cpuSeconds(long pid) {
        try {
            return cpuSecondsOf(Files.readString(Path.of("/proc", Long.toString(pid), "stat")));
        } catch (IOException | RuntimeException e) {
            return Double.NaN;
        }
    }

    /** User plus system CPU seconds from a /proc stat line, of a process or of one of its threads. */
    private static double cpuSecondsOf(String stat) {
        // the command name (field 2) may hold spaces; the fields after its closing parenthesis are fixed
        String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
        return (Long.parseLong(f[11]) + Long.parseLong(f[12])) / CLOCK_TICKS;
    }

    /**
     * CPU seconds so far of each of a JVM's JIT compiler threads (C1 and C2), by thread id; empty if the process is
     * gone. On two cores a service that is still compiling takes a good part of the machine from itself and the rest
     * of the stack. The JVM starts and ends compiler threads as its queue grows and shrinks, so compare two readings
     * with {@link #jitCpuSecondsBetween}.
     */
    public static Map<String, Double> jitCpuSeconds(long pid) {
        Map<String, Double> byThread = new HashMap<>();
        try (var threads = Files.list(Path.of("/proc", Long.toString(pid), "task"))) {
            for (Path task : (Iterable<Path>) threads::iterator) {
                try {
                    String name = Files.readString(task.resolve("comm")).strip();
                    if (name.startsWith("C1 CompilerThre") || name.startsWith("C2 CompilerThre")) {
                        byThread.put(task.getFileName().toString(), cpuSecondsOf(Files.readString(task.resolve("stat"))));
                    }
                } catch (IOException | RuntimeException e) {
                    // the thread ended between the listing and the read
                }
            }
        } catch (IOException e) {
            // gone, or not Linux
        }
        return byThread;
    }

    /**
     * CPU seconds so far of a process's live threads, grouped by thread name with its digits dropped (the JIT's
     * {@code C2 CompilerThre}, {@code vert.x-eventloop-thread-}, {@code kafka-producer-network-thread | ...}), largest
     * first; empty if the process is gone. Threads that have ended are not counted: the sum is a lower bound.
     */
    public static Map<String, Double> cpuSecondsByThreadGroup(long pid) {
        Map<String, Double> byGroup = new HashMap<>();
        try (var threads = Files.list(Path.of("/proc", Long.toString(pid), "task"))) {
            for (Path task : (Iterable<Path>) threads::iterator) {
                try {
                    String name = Files.readString(task.resolve("comm")).strip().replaceAll("[0-9]+", "#");
                    byGroup.merge(name, cpuSecondsOf(Files.readString(task.resolve("stat"))), Double::sum);
                } catch (IOException | RuntimeException e) {
                    // the thread ended between the listing and the read
                }
            }
        } catch (IOException e) {
            // gone, or not Linux
        }
        Map<String, Double> sorted = new java.util.LinkedHashMap<>();
        byGroup.entrySet().stream().sorted(Map.Entry.<String, Double>comparingByValue().reversed())
                .forEach(e -> sorted.put(e.getKey(), Math.round(e.getValue() * 100) / 100.0));
        return sorted;
    }

    /**
     * The compiler CPU seconds between two readings of {@link #jitCpuSeconds}: a thread started in between counts
     * from zero; one that ended in between is not seen, so this is a lower bound.
     */
    public static double jitCpuSecondsBetween(Map<String, Double> earlier, Map<String, Double> later) {
        double seconds = 0;
        for (Map.Entry<String, Double> thread : later.entrySet()) {
            seconds += Math.max(0, thread.getValue() - earlier.getOrDefault(thread.getKey(), 0.0));
        }
        return seconds;
    }

    /** CPU seconds used by this benchmark JVM so far (the load generator and the provider stub). */
    public static double ownCpuSeconds() {
        return cpuSeconds(ProcessHandle.current().pid());
    }

    /** A process's command line, its arguments separated by spaces ("" if it cannot be read). */
    public static String commandLine(long pid) {
        try {
            return new String(Files.readAllBytes(Path.of("/proc", Long.toString(pid), "cmdline")), StandardCharsets.UTF_8)
                    .replace('\0', ' ');
        } catch (IOException | RuntimeException e) {
            return "";
        }
    }

    /** Busy and total CPU time of the whole machine so far (from /proc/stat), in seconds of all cores. */
    public static double[] machineCpuSeconds() {
        try {
            String[] f = Files.readAllLines(Path.of("/proc/stat")).get(0).trim().split("\\s+");
            long total = 0;
            // user .. steal; guest time is already counted in user
            for (int i = 1; i < Math.min(f.length, 9); i++) {
                total += Long.parseLong(f[i]);
            }
            long idle = Long.parseLong(f[4]) + Long.parseLong(f[5]);
            return new double[] {(total - idle) / CLOCK_TICKS, total / CLOCK_TICKS};
        } catch (IOException | RuntimeException e) {
            return new double[] {Double.NaN, Double.NaN};
        }
    }
}
