package io.postventa.benchmarks.stack;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import java.util.function.BiConsumer;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.admin.RecordsToDelete;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.TopicPartition;

import io.postventa.benchmarks.measure.Await;
import io.postventa.benchmarks.measure.ProcessStats;
import io.postventa.benchmarks.measure.StackCpu;
import io.postventa.devstack.Classpath;
import io.postventa.devstack.ConsoleProcess;
import io.postventa.devstack.PlatformService;
import io.postventa.devstack.PortalProcess;
import io.postventa.devstack.Ports;
import io.postventa.devstack.ServiceProcess;
import io.postventa.devstack.StackSettings;
import io.postventa.devstack.StackState;
import io.postventa.testing.StackInfo;
import io.postventa.testing.TestStack;

/**
 * The benchmarks' one harness: their own Kafka, PostgreSQL and SMTP (devstack's Infrastructure, run by
 * {@code postventa infra} in a JVM of its own that watches this one) on the ports of the environment and in
 * {@code benchmarks/target/bench-stack} unless POSTVENTA_DATA_DIR says otherwise, fresh each run or, with
 * {@code reuse}, on the PostgreSQL data of the previous run; the services under test, each from its packaged jar
 * as a process of its own; taps on topics; and what every process of it spends. Everything it started stops when
 * it is closed, when this JVM ends (SIGTERM, Ctrl-C) or, if this JVM is killed, by itself.
 */
public final class BenchStack implements AutoCloseable {
    private final Path root;
    private final Path dir;
    private final Process infra;
    private final StackState state;
    private final StackCpu cpu;
    private final List<RunningService> services = new ArrayList<>();
    private final List<Tap> taps = new ArrayList<>();
    private RunningConsole console;
    private final List<PortalProcess> portals = new ArrayList<>();
    private Path jarRoot;
    private boolean closed;

    private BenchStack(Path root, Path dir, Process infra, StackState state) {
        this.root = root;
        this.jarRoot = root;
        this.dir = dir;
        this.infra = infra;
        this.state = state;
        this.cpu = new StackCpu(dir, state);
    }

    /** A fresh stack: empty databases (one per service, and {@code benchmarks} for the ceilings), empty topics. */
    public static BenchStack fresh() throws IOException, SQLException {
        return start(false);
    }

    /**
     * Starts Kafka, PostgreSQL and SMTP and waits until they are ready. With {@code reuse} the PostgreSQL data of
     * the previous run is kept (a bulk-loaded data set can serve again); otherwise every run starts empty.
     */
    public static BenchStack start(boolean reuse) throws IOException, SQLException {
        Path root = TestStack.projectRoot();
        boolean dirGiven = System.getenv("POSTVENTA_DATA_DIR") != null || System.getProperty("postventa.data.dir") != null;
        Path dir = dirGiven ? StackSettings.test(root).dir() : root.resolve("benchmarks/target/bench-stack");
        Path stateFile = dir.resolve("stack.properties");
        awaitPreviousStackGone(stateFile);
        long started = System.nanoTime();
        System.out.printf("Starting Kafka, PostgreSQL and SMTP in %s (%s)...%n", dir, reuse ? "reusing its data" : "fresh");
        Files.createDirectories(dir);
        Files.deleteIfExists(stateFile);
        Path log = dir.resolve("infra.log");
        // "test" starts from empty data directories, "local" keeps them; both take the POSTVENTA_* ports
        List<String> command = List.of(Classpath.javaExecutable(), "-Xmx256m", "-XX:+UseSerialGC", "-cp",
                Classpath.devstack(), "io.postventa.devstack.StackMain", "--profile", reuse ? "local" : "test",
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
            List<String> lines = Files.readAllLines(log);
            throw new IllegalStateException("the benchmark's Kafka and PostgreSQL did not start; see " + log + ":\n"
                    + String.join("\n", lines.subList(Math.max(0, lines.size() - 10), lines.size())));
        }
        BenchStack stack = new BenchStack(root, dir, infra, state.get());
        Runtime.getRuntime().addShutdownHook(new Thread(stack::close, "bench-stack-stop"));
        stack.ensureDatabase("benchmarks");
        System.out.printf("Kafka %s, PostgreSQL %s ready in %.1f s%n", state.get().kafkaBootstrapServers(),
                state.get().postgresJdbcPrefix(), (System.nanoTime() - started) / 1e9);
        return stack;
    }

    /**
     * A benchmark never shares the stack (and data) of an earlier run that is still stopping: it waits for it. The pid
     * in the state file is the earlier stack only while it runs devstack: a process that ended but was not reaped yet
     * (a zombie has no command line) or a new process that got the same pid is not.
     */
    private static void awaitPreviousStackGone(Path stateFile) {
        StackState.read(stateFile).flatMap(s -> ProcessHandle.of(s.pid())).filter(BenchStack::runsDevstack).ifPresent(p -> {
            System.out.println("Waiting for the previous benchmark's stack (pid " + p.pid() + ") to stop...");
            if (!Await.until(Duration.ofSeconds(120), () -> !runsDevstack(p))) {
                throw new IllegalStateException("the stack of an earlier run (pid " + p.pid() + ") is still running");
            }
        });
    }

    private static boolean runsDevstack(ProcessHandle p) {
        return p.isAlive() && ProcessStats.commandLine(p.pid()).contains("io.postventa.devstack.StackMain");
    }

    /** The ceilings write to a database of their own (the "local" profile does not create it). */
    private void ensureDatabase(String name) throws SQLException {
        try (Connection c = db(PlatformService.FEEDBACK.database()); Statement s = c.createStatement()) {
            try (ResultSet rs = s.executeQuery("select 1 from pg_database where datname = '" + name + "'")) {
                if (rs.next()) {
                    return;
                }
            }
            s.execute("create database " + name);
        }
    }

    /** Runs the services from the jars of another build ({@code jarRoot}/SERVICE/target/quarkus-app) from now on. */
    public BenchStack jarsFrom(Path jarRoot) {
        this.jarRoot = jarRoot;
        return this;
    }

    public Path root() {
        return root;
    }

    public StackState state() {
        return state;
    }

    public String kafka() {
        return state.kafkaBootstrapServers();
    }

    /** The stack as the ceilings, the outbox relay and the testing helpers take it. */
    public StackInfo info() {
        return new StackInfo(state.kafkaBootstrapServers(), state.postgresJdbcPrefix(), state.postgresUser(),
                state.postgresPassword(), "127.0.0.1", state.smtpPort(), state.jwtPublicKey().toUri().toString());
    }

    // services --------------------------------------------------------------------------------------------------

    /**
     * Runs a service from its packaged jar with extra settings (system properties of the service process) and
     * waits until its readiness check answers UP; its log goes to {@code logs/<service>.log} in the stack's directory.
     */
    public RunningService startService(PlatformService service, Map<String, String> settings) {
        return startService(service, 1, settings);
    }

    /**
     * Runs instance {@code instance} (from 1) of a service the same way: instance 1 on the service's port
     * (POSTVENTA_..._PORT), every further one on a free port of its own, all sharing the service's database,
     * consumer groups and outbox relay lock (one instance relays, the others stand by), as replicas do. Instance n's
     * log is {@code logs/<service>-n.log}.
     */
    public RunningService startService(PlatformService service, int instance, Map<String, String> settings) {
        ServiceProcess process = new ServiceProcess(service, jarRoot, dir.resolve("logs"), instance,
                instance == 1 ? service.port() : freePort());
        long started = System.nanoTime();
        // a benchmark drives one caller (a platform, the portal's address) far past the per-caller limits on purpose:
        // it measures the services, not their 429s (a benchmark can still turn them on with this setting)
        Map<String, String> all = new java.util.HashMap<>(settings);
        all.putIfAbsent("postventa.rate-limit.enabled", "false");
        process.start(state, all);
        try {
            process.awaitReady(Duration.ofSeconds(300));
        } catch (RuntimeException e) {
            process.close();
            throw e;
        }
        RunningService running = new RunningService(service, process, (System.nanoTime() - started) / 1e9);
        synchronized (this) {
            services.add(running);
        }
        System.out.printf("%s ready in %.1f s (port %d, pid %d, log %s)%n", running.name(), running.readySeconds(),
                process.port(), running.pid(), process.log());
        return running;
    }

    /**
     * Runs the customer portal from its packaged jar ({@code portal/target/quarkus-app}) on POSTVENTA_PORTAL_PORT,
     * calling the services of this stack and signing customer tokens with the development key they trust; waits
     * until it is ready. Its log is {@code logs/portal.log}; it stops with the stack.
     */
    public PortalProcess startPortal(Map<String, String> settings) {
        PortalProcess portal = new PortalProcess(jarRoot, dir.resolve("logs"));
        long started = System.nanoTime();
        portal.start(dir.resolve("portal-keys"), settings);
        synchronized (this) {
            portals.add(portal);
        }
        portal.awaitReady(Duration.ofSeconds(300));
        System.out.printf("portal ready in %.1f s (log %s)%n", (System.nanoTime() - started) / 1e9, portal.log());
        return portal;
    }

    /** Stops a service started here and waits for its process to end. */
    public void stopService(RunningService service) {
        service.process().close();
        synchronized (this) {
            services.remove(service);
        }
    }

    public synchronized List<RunningService> services() {
        return List.copyOf(services);
    }

    /**
     * Runs the staff console from its packaged jar in its devstack profile (the development sign-in, tokens signed
     * with the development key, the services at this stack's ports), with extra settings, and waits until it is ready;
     * its log goes to {@code logs/console.log}. It stops with the services; its CPU is counted with theirs.
     */
    public synchronized RunningConsole startConsole(Map<String, String> settings) {
        if (console != null) {
            throw new IllegalStateException("the console runs already");
        }
        ConsoleProcess process = new ConsoleProcess(jarRoot, dir.resolve("logs"));
        long started = System.nanoTime();
        process.start(dir.resolve("console"), settings);
        try {
            process.awaitReady(Duration.ofSeconds(300));
        } catch (RuntimeException e) {
            process.close();
            throw e;
        }
        // ConsoleProcess keeps its Process to itself: the console is the child of this JVM that runs its jar
        String jar = ConsoleProcess.runnerJar(jarRoot).toString();
        long pid = ProcessHandle.current().children().filter(p -> ProcessStats.commandLine(p.pid()).contains(jar))
                .mapToLong(ProcessHandle::pid).findFirst()
                .orElseThrow(() -> new IllegalStateException("the console runs, but no child process runs " + jar));
        console = new RunningConsole(process, pid, (System.nanoTime() - started) / 1e9);
        System.out.printf("console ready in %.1f s (pid %d, log %s)%n", console.readySeconds(), pid, process.log());
        return console;
    }

    /**
     * CPU used so far by the services (and the console), Kafka, PostgreSQL, this JVM and the machine: compare two
     * readings.
     */
    public StackCpu.Reading cpu() {
        Map<String, Long> underTest = new LinkedHashMap<>();
        services().forEach(s -> underTest.put(s.name(), s.pid()));
        synchronized (this) {
            if (console != null) {
                underTest.put(RunningConsole.NAME, console.pid());
            }
        }
        return cpu.now(underTest);
    }

    // databases -------------------------------------------------------------------------------------------------

    /** A JDBC connection to one of the stack's databases. */
    public Connection db(String database) throws SQLException {
        return DriverManager.getConnection(state.jdbcUrl(database), state.postgresUser(), state.postgresPassword());
    }

    /** The result of a query returning one number, in a database ({@code NaN} if it returns no row). */
    public double scalar(String database, String sql) {
        try (Connection c = db(database); Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            return rs.next() ? rs.getDouble(1) : Double.NaN;
        } catch (SQLException e) {
            throw new IllegalStateException("query failed on " + database + ": " + sql, e);
        }
    }

    /** Transactions committed so far in a database (pg_stat_database lags commits by up to ~0.5 s). */
    public long commits(String database) {
        try (Connection c = db(database);
             PreparedStatement q = c.prepareStatement("select xact_commit from pg_stat_database where datname = ?")) {
            q.setString(1, database);
            try (ResultSet rs = q.executeQuery()) {
                return rs.next() ? rs.getLong(1) : 0;
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read the commit count of " + database, e);
        }
    }

    /** Commit counts of every service's database. */
    public Map<String, Long> commitsPerDatabase() {
        Map<String, Long> out = new LinkedHashMap<>();
        for (PlatformService s : PlatformService.all()) {
            out.put(s.database(), commits(s.database()));
        }
        return out;
    }

    /** Waits until a query of a database counts {@code expected}; fails only when the count stops moving for {@code quiet}. */
    public void awaitCount(String database, String sql, long expected, Duration quiet) {
        Await.progress(() -> (long) scalar(database, sql), expected, quiet, "stuck: " + sql);
    }

    // topics ----------------------------------------------------------------------------------------------------

    /**
     * Reads {@code topic} from its current end in the background; {@code onRecord} gets each record with the time
     * (epoch ms) the poll that brought it returned. The tap stops when closed or when the stack closes.
     */
    public Tap tap(String topic, BiConsumer<ConsumerRecord<String, String>, Long> onRecord) {
        Tap tap = new Tap(state.kafkaBootstrapServers(), topic, onRecord);
        synchronized (this) {
            taps.add(tap);
        }
        return tap;
    }

    /**
     * Creates every topic of the platform and its {@code .dlq} with {@code partitions} partitions before the services
     * start (left alone, the broker creates them with its default of 3 on first use): enough partitions for every
     * instance of a consumer group to get some. A topic that exists with fewer gets more.
     */
    public void createPlatformTopics(int partitions) throws Exception {
        List<String> names = new ArrayList<>();
        for (String t : io.postventa.events.Topics.ALL) {
            names.add(t);
            names.add(t + io.postventa.events.Topics.DLQ_SUFFIX);
        }
        try (Admin admin = admin()) {
            Map<String, org.apache.kafka.clients.admin.TopicDescription> existing = admin.describeTopics(
                    admin.listTopics().names().get()).allTopicNames().get();
            List<NewTopic> create = new ArrayList<>();
            Map<String, org.apache.kafka.clients.admin.NewPartitions> grow = new LinkedHashMap<>();
            for (String name : names) {
                var d = existing.get(name);
                if (d == null) {
                    create.add(new NewTopic(name, partitions, (short) 1));
                } else if (d.partitions().size() < partitions) {
                    grow.put(name, org.apache.kafka.clients.admin.NewPartitions.increaseTo(partitions));
                }
            }
            admin.createTopics(create).all().get();
            if (!grow.isEmpty()) {
                admin.createPartitions(grow).all().get();
            }
        }
    }

    /** A port nothing listens on now, for a further instance of a service. */
    private static int freePort() {
        try (java.net.ServerSocket socket = new java.net.ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException("no free port for a service instance", e);
        }
    }

    /** Creates a topic of {@code partitions} partitions (one replica: the stack has one broker). */
    public void createTopic(String topic, int partitions) throws Exception {
        try (Admin admin = admin()) {
            admin.createTopics(List.of(new NewTopic(topic, partitions, (short) 1))).all().get();
        }
    }

    private Admin admin() {
        Properties p = new Properties();
        p.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, state.kafkaBootstrapServers());
        return Admin.create(p);
    }

    /**
     * Deletes every record {@code topic} holds now (its log start moves to its end): a consumer group that has not
     * started yet then begins after them. Returns how many records were deleted.
     */
    public long truncate(String topic) throws Exception {
        try (Admin admin = admin()) {
            Map<TopicPartition, OffsetSpec> latest = new LinkedHashMap<>();
            Map<TopicPartition, OffsetSpec> earliest = new LinkedHashMap<>();
            admin.describeTopics(List.of(topic)).allTopicNames().get().get(topic).partitions().forEach(i -> {
                latest.put(new TopicPartition(topic, i.partition()), OffsetSpec.latest());
                earliest.put(new TopicPartition(topic, i.partition()), OffsetSpec.earliest());
            });
            var ends = admin.listOffsets(latest).all().get();
            var starts = admin.listOffsets(earliest).all().get();
            Map<TopicPartition, RecordsToDelete> delete = new LinkedHashMap<>();
            long deleted = 0;
            for (var e : ends.entrySet()) {
                delete.put(e.getKey(), RecordsToDelete.beforeOffset(e.getValue().offset()));
                deleted += e.getValue().offset() - starts.get(e.getKey()).offset();
            }
            admin.deleteRecords(delete).all().get();
            return deleted;
        }
    }

    // stopping --------------------------------------------------------------------------------------------------

    /**
     * Stops the taps and the portal, then every service (and the console) at once (each gets SIGTERM, and is killed if
     * it has not ended within 20 s), then Kafka, PostgreSQL and SMTP. Runs once; the shutdown hook calls it on SIGTERM
     * and Ctrl-C.
     */
    @Override
    public void close() {
        List<Tap> tapsToClose;
        List<RunningService> toStop;
        RunningConsole consoleToStop;
        List<PortalProcess> portalsToStop;
        synchronized (this) {
            if (closed) {
                return;
            }
            closed = true;
            tapsToClose = List.copyOf(taps);
            toStop = List.copyOf(services);
            consoleToStop = console;
            console = null;
            portalsToStop = List.copyOf(portals);
            taps.clear();
            services.clear();
            portals.clear();
        }
        tapsToClose.forEach(Tap::close);
        // the portal first: it calls the services
        portalsToStop.forEach(PortalProcess::close);
        List<Thread> stopping = new ArrayList<>();
        if (consoleToStop != null) {
            Thread t = new Thread(() -> consoleToStop.process().close(), "stop-console");
            t.start();
            stopping.add(t);
        }
        for (RunningService s : toStop) {
            Thread t = new Thread(() -> s.process().close(), "stop-" + s.name());
            t.start();
            stopping.add(t);
        }
        for (Thread t : stopping) {
            try {
                t.join(TimeUnit.SECONDS.toMillis(30));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
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
