package io.postventa.benchmarks;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

import io.postventa.devstack.Classpath;
import io.postventa.devstack.PlatformService;
import io.postventa.devstack.Ports;
import io.postventa.devstack.ServiceProcess;
import io.postventa.devstack.StackSettings;
import io.postventa.devstack.StackState;
import io.postventa.testing.StackInfo;
import io.postventa.testing.TestStack;

/**
 * A benchmark's own Kafka, PostgreSQL and SMTP (devstack's {@code Infrastructure}, run by {@code postventa infra}
 * in a JVM of its own on the devstack classpath, as the tests' stack is; on the ports of the environment and in
 * {@code benchmarks/target/bench-stack} unless POSTVENTA_DATA_DIR says otherwise) and one service under test run
 * from its packaged jar as a separate process. Fresh by default; with {@code reuse} the PostgreSQL data of the
 * previous run is kept, so a generated data set can be used again.
 */
public final class ReusableServiceStack implements AutoCloseable {
    private final PlatformService service;
    private final Process infra;
    private final StackState state;
    private final Path logs;
    private final Path root;
    private final StackCpu cpu;
    private ServiceProcess process;

    private ReusableServiceStack(PlatformService service, Process infra, StackState state, Path root, Path logs) {
        this.service = service;
        this.infra = infra;
        this.state = state;
        this.root = root;
        this.logs = logs;
        this.cpu = new StackCpu(logs.getParent(), state);
    }

    /** Starts the infrastructure, then the service (its Flyway migrates the schema), and waits until it is ready. */
    public static ReusableServiceStack start(PlatformService service, boolean reuse) throws IOException, SQLException {
        Path root = TestStack.projectRoot();
        String given = StackSettings.test(root).dir().toString();
        boolean dirGiven = System.getenv("POSTVENTA_DATA_DIR") != null || System.getProperty("postventa.data.dir") != null;
        Path dir = dirGiven ? Path.of(given) : root.resolve("benchmarks").resolve("target").resolve("bench-stack");
        long started = System.nanoTime();
        System.out.printf("Starting Kafka and PostgreSQL in %s (%s)...%n", dir, reuse ? "reusing its data" : "fresh");
        Files.createDirectories(dir);
        Path stateFile = dir.resolve("stack.properties");
        Files.deleteIfExists(stateFile);
        Path log = dir.resolve("infra.log");
        // "test" starts from empty data directories, "local" keeps them; both honour the POSTVENTA_* ports
        List<String> command = List.of(Classpath.javaExecutable(), "-Xmx256m", "-XX:+UseSerialGC", "-cp",
                Classpath.devstack(), "io.postventa.devstack.Cli", "infra", "--profile", reuse ? "local" : "test",
                "--root", root.toString(), "--watch-pid", Long.toString(ProcessHandle.current().pid()));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.to(log.toFile()))
                .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")));
        builder.environment().put("POSTVENTA_DATA_DIR", dir.toString());
        Process infra = builder.start();
        boolean ready = Ports.await(Duration.ofSeconds(180), Duration.ofMillis(200), () -> !infra.isAlive()
                || StackState.read(stateFile).filter(s -> s.pid() == infra.pid()).isPresent());
        Optional<StackState> state = StackState.read(stateFile).filter(s -> s.pid() == infra.pid());
        if (!ready || state.isEmpty()) {
            infra.destroy();
            throw new IllegalStateException("the benchmark's Kafka and PostgreSQL did not start; see " + log + ":\n"
                    + String.join("\n", tail(log)));
        }
        ReusableServiceStack stack = new ReusableServiceStack(service, infra, state.get(), root, dir.resolve("logs"));
        Runtime.getRuntime().addShutdownHook(new Thread(stack::close, "bench-stack-stop"));
        stack.ensureDatabase("benchmarks");
        stack.startService();
        System.out.printf("Kafka %s, PostgreSQL %s and %s ready in %.1f s%n", stack.state.kafkaBootstrapServers(),
                stack.state.postgresJdbcPrefix(), service.serviceName(), (System.nanoTime() - started) / 1e9);
        return stack;
    }

    private static List<String> tail(Path log) throws IOException {
        List<String> lines = Files.readAllLines(log);
        return lines.subList(Math.max(0, lines.size() - 10), lines.size());
    }

    /** The ceilings write to a database of their own (the "local" profile does not create it). */
    private void ensureDatabase(String name) throws SQLException {
        try (Connection c = DriverManager.getConnection(state.jdbcUrl(service.database()), state.postgresUser(),
                state.postgresPassword()); Statement s = c.createStatement()) {
            try (ResultSet rs = s.executeQuery("select 1 from pg_database where datname = '" + name + "'")) {
                if (rs.next()) {
                    return;
                }
            }
            s.execute("create database " + name);
        }
    }

    /** (Re)starts the service process and waits for its readiness check. */
    public void startService() {
        stopService();
        process = new ServiceProcess(service, root, logs);
        process.start(state);
        process.awaitReady(Duration.ofSeconds(180));
    }

    public void stopService() {
        if (process != null) {
            process.close();
            process = null;
        }
    }

    /** The service's base URL, e.g. http://127.0.0.1:8083. */
    public String url() {
        return service.url();
    }

    /** CPU use of the service, Kafka, PostgreSQL, this JVM and the machine, now. */
    public StackCpu.Snapshot cpu() {
        return cpu.now(servicePid());
    }

    public long servicePid() {
        return process == null ? -1 : process.pid();
    }

    public Path serviceLog() {
        return logs.resolve(service.serviceName() + ".log");
    }

    /** The stack as {@link Ceilings} expects it. */
    public StackInfo info() {
        return new StackInfo(state.kafkaBootstrapServers(), state.postgresJdbcPrefix(), state.postgresUser(),
                state.postgresPassword(), "127.0.0.1", state.smtpPort(), state.jwtPublicKey().toUri().toString());
    }

    /** A connection to the service's own database. */
    public Connection connect() throws SQLException {
        return DriverManager.getConnection(state.jdbcUrl(service.database()), state.postgresUser(),
                state.postgresPassword());
    }

    public Path root() {
        return root;
    }

    @Override
    public synchronized void close() {
        stopService();
        if (infra.isAlive()) {
            infra.destroy();
            try {
                if (!infra.waitFor(60, TimeUnit.SECONDS)) {
                    infra.destroyForcibly();
                }
            } catch (InterruptedException e) {
                infra.destroyForcibly();
                Thread.currentThread().interrupt();
            }
        }
    }
}
