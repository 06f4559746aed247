package io.postventa.benchmarks;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.postventa.devstack.PlatformService;
import io.postventa.devstack.ServiceProcess;
import io.postventa.devstack.StackSettings;
import io.postventa.devstack.StackState;
import io.postventa.devstack.TestStackLauncher;
import io.postventa.testing.StackInfo;

/**
 * A benchmark's own Kafka, PostgreSQL and SMTP (devstack's {@code Infrastructure} in a child process of its own,
 * fresh data each run, stopped when this JVM ends) and the
 * services under test, each from its packaged jar as a separate process, started one after the other so that
 * each one's time to ready is its own.
 */
public final class BenchStack implements AutoCloseable {
    private final Path root;
    private final Path jarRoot;
    private final StackSettings settings;
    private final StackState state;
    private final StackCpu cpu;
    private final List<Started> services = new ArrayList<>();

    /** A running service and how long it took from launch to /q/health/ready answering UP. */
    public record Started(PlatformService service, ServiceProcess process, double readySeconds) {
        public long pid() {
            return process.pid();
        }
    }

    private BenchStack(Path root, Path jarRoot) {
        this.root = root;
        this.jarRoot = jarRoot;
        this.settings = StackSettings.test(root);
        awaitPreviousStackGone(settings.dir().resolve("stack.properties"));
        // the stack runs on devstack's own classpath (Kafka, embedded PostgreSQL, GreenMail), watching this JVM
        this.state = TestStackLauncher.ensureStarted(root);
        this.cpu = new StackCpu(settings.dir(), state);
        Runtime.getRuntime().addShutdownHook(new Thread(this::close, "bench-stack-stop"));
    }

    /**
     * A benchmark must never reuse the stack (and data) of an earlier run that is still shutting down: wait for
     * it to end, so that a fresh one is started.
     */
    private static void awaitPreviousStackGone(Path stateFile) {
        StackState.read(stateFile).flatMap(s -> ProcessHandle.of(s.pid())).ifPresent(p -> {
            System.out.println("Waiting for the previous benchmark's stack (pid " + p.pid() + ") to stop...");
            p.onExit().orTimeout(120, java.util.concurrent.TimeUnit.SECONDS).exceptionally(t -> null).join();
            if (p.isAlive()) {
                throw new IllegalStateException("the stack of an earlier run (pid " + p.pid() + ") is still running");
            }
        });
    }

    /** Starts Kafka (with every contract topic), PostgreSQL (a database per service) and SMTP. */
    public static BenchStack start(Path root) {
        return start(root, root);
    }

    /**
     * The same, with the services' jars taken from {@code jarRoot} (a copy of another build's
     * {@code <service>/target/quarkus-app}, to compare two versions of a service on the same machine).
     */
    public static BenchStack start(Path root, Path jarRoot) {
        long t0 = System.nanoTime();
        BenchStack stack = new BenchStack(root, jarRoot);
        System.out.printf("Kafka, PostgreSQL and SMTP ready in %.1f s (Kafka %s, PostgreSQL %s)%n",
                (System.nanoTime() - t0) / 1e9, stack.state.kafkaBootstrapServers(), stack.state.postgresJdbcPrefix());
        return stack;
    }

    /** CPU use of a service process, Kafka, PostgreSQL, this JVM and the machine, now. */
    public StackCpu.Snapshot cpu(long servicePid) {
        return cpu.now(servicePid);
    }

    public StackState state() {
        return state;
    }

    /** The same stack in the form {@link Ceilings} and the testing helpers take. */
    public StackInfo info() {
        return new StackInfo(state.kafkaBootstrapServers(), state.postgresJdbcPrefix(), state.postgresUser(),
                state.postgresPassword(), "127.0.0.1", state.smtpPort(), state.jwtPublicKey().toUri().toString());
    }

    /** Launches a service from its jar with extra system properties and waits until it is ready. */
    public Started startService(PlatformService service, Map<String, String> properties) {
        ServiceProcess process = new ServiceProcess(service, jarRoot, settings.dir().resolve("logs"));
        long t0 = System.nanoTime();
        process.start(state, properties);
        Started started;
        try {
            process.awaitReady(Duration.ofSeconds(300));
            started = new Started(service, process, (System.nanoTime() - t0) / 1e9);
        } catch (RuntimeException e) {
            process.close();
            throw e;
        }
        services.add(started);
        System.out.printf("%s ready in %.1f s (pid %d, RSS %d MB)%n", service.serviceName(), started.readySeconds(),
                started.pid(), ProcessStats.rssMb(started.pid()));
        return started;
    }

    public List<Started> services() {
        return List.copyOf(services);
    }

    /** Committed transactions so far in one database (pg_stat_database, which lags commits by up to ~0.5 s). */
    public long commits(String database) {
        try (Connection c = Ceilings.connect(info(), database);
             PreparedStatement q = c.prepareStatement("select xact_commit from pg_stat_database where datname = ?")) {
            q.setString(1, database);
            try (ResultSet rs = q.executeQuery()) {
                return rs.next() ? rs.getLong(1) : 0;
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read the commit count of " + database, e);
        }
    }

    /** Commit counts of every service database. */
    public Map<String, Long> commitsPerDatabase() {
        Map<String, Long> out = new LinkedHashMap<>();
        for (PlatformService s : PlatformService.all()) {
            out.put(s.database(), commits(s.database()));
        }
        return out;
    }

    /** The result of one SQL query returning a single number, in a service's database. */
    public double scalar(String database, String sql) {
        try (Connection c = Ceilings.connect(info(), database); PreparedStatement s = c.prepareStatement(sql);
             ResultSet rs = s.executeQuery()) {
            return rs.next() ? rs.getDouble(1) : Double.NaN;
        } catch (SQLException e) {
            throw new IllegalStateException("query failed on " + database + ": " + sql, e);
        }
    }

    @Override
    public synchronized void close() {
        for (Started s : services) {
            s.process().close();
        }
        services.clear();
        ProcessHandle.of(state.pid()).ifPresent(p -> {
            p.destroy();
            p.onExit().orTimeout(60, java.util.concurrent.TimeUnit.SECONDS).exceptionally(t -> null).join();
        });
    }
}
