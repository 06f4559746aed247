package io.postventa.cli;

import java.io.IOException;
import java.io.Reader;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import java.util.stream.Stream;

import io.postventa.devstack.Ports;
import io.postventa.devstack.StackException;

/**
 * The stacks {@code ./postventa up} started from one checkout, recorded in a place that does not move with
 * {@code POSTVENTA_DATA_DIR} ({@code <checkout>/.postventa/running/<pid>.properties}), so that {@code ./postventa down}
 * finds them from any shell. A record names the process and when it started: a record left by a killed stack, or
 * whose pid another process has taken since, is ignored and removed.
 */
public final class RunningStacks {
    private RunningStacks() {
    }

    /** One recorded stack. */
    public record Running(long pid, Instant started, Path dataDir, Path record) {
        /** True while the recorded process, and not another one that took its pid, runs. */
        public boolean alive() {
            return ProcessHandle.of(pid).filter(ProcessHandle::isAlive)
                    .map(p -> started == null || p.info().startInstant().map(started::equals).orElse(true)).orElse(false);
        }
    }

    /** Where the records of the stacks started from the checkout at {@code root} are kept. */
    public static Path dir(Path root) {
        return root.resolve(".postventa").resolve("running");
    }

    /** Records this process as a running stack whose data is in {@code dataDir}; returns the record to remove at exit. */
    public static Path record(Path root, Path dataDir) {
        ProcessHandle self = ProcessHandle.current();
        Path file = dir(root).resolve(self.pid() + ".properties");
        Properties p = new Properties();
        p.setProperty("pid", Long.toString(self.pid()));
        p.setProperty("started", self.info().startInstant().map(Instant::toString).orElse(""));
        p.setProperty("data.dir", dataDir.toAbsolutePath().toString());
        try {
            Files.createDirectories(file.getParent());
            try (Writer w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
                p.store(w, "A Postventa stack started by ./postventa up; removed when it stops");
            }
        } catch (IOException e) {
            throw new StackException("cannot record the running stack in " + file + ": " + e.getMessage(), e);
        }
        return file;
    }

    /** The stacks started from this checkout that still run; records of stopped ones are removed on the way. */
    public static List<Running> alive(Path root) {
        List<Running> out = new ArrayList<>();
        Path dir = dir(root);
        if (!Files.isDirectory(dir)) {
            return out;
        }
        try (Stream<Path> files = Files.list(dir)) {
            for (Path file : files.filter(f -> f.getFileName().toString().endsWith(".properties")).sorted().toList()) {
                Optional<Running> running = read(file);
                if (running.isPresent() && running.get().alive()) {
                    out.add(running.get());
                } else {
                    Files.deleteIfExists(file);
                }
            }
        } catch (IOException e) {
            throw new StackException("cannot read the running stacks in " + dir + ": " + e.getMessage(), e);
        }
        return out;
    }

    /**
     * Stops a stack as Ctrl-C would (SIGTERM: its shutdown hook stops the services, Kafka, PostgreSQL and SMTP) and
     * waits for it; false when it is still running after {@code timeout}.
     */
    public static boolean stop(Running stack, Duration timeout) {
        Optional<ProcessHandle> process = ProcessHandle.of(stack.pid());
        if (process.isEmpty() || !stack.alive()) {
            return true;
        }
        process.get().destroy();
        boolean stopped = Ports.await(timeout, Duration.ofMillis(250), () -> !process.get().isAlive());
        if (stopped && stack.record() != null) {
            try {
                Files.deleteIfExists(stack.record());
            } catch (IOException ignored) {
                // a record of a dead process is ignored and removed by the next look
            }
        }
        return stopped;
    }

    private static Optional<Running> read(Path file) {
        Properties p = new Properties();
        try (Reader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            p.load(r);
            String started = p.getProperty("started", "");
            return Optional.of(new Running(Long.parseLong(p.getProperty("pid")),
                    started.isEmpty() ? null : Instant.parse(started), Path.of(p.getProperty("data.dir")), file));
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }
}
