package io.postventa.benchmarks.chaos;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

import io.postventa.devstack.DevTokens;
import io.postventa.devstack.Dirs;
import io.postventa.devstack.KafkaBroker;
import io.postventa.devstack.PlatformService;
import io.postventa.devstack.PostgresServer;
import io.postventa.devstack.ServiceProcess;
import io.postventa.devstack.SmtpServer;
import io.postventa.devstack.StackSettings;
import io.postventa.devstack.StackState;
import io.postventa.devstack.Supervisor;
import io.postventa.providerstub.ProviderStub;

/**
 * The fault run's own stack, all of it owned by this JVM so that any part can be killed: Kafka (a child JVM),
 * PostgreSQL (zonky's binaries, never started clean so a restart finds its data), the mail server, the SMS, WhatsApp
 * and push provider stand-in, and the five services from their packaged jars, supervised as {@code ./postventa up}
 * supervises them (a killed service is restarted with back-off by {@link Supervisor}). Kafka and PostgreSQL are
 * killed with SIGKILL and started again on the same data by {@link #kill(Target)}. Ports and directory from the
 * {@code POSTVENTA_*} settings ({@code ./postventa chaos} sets 30xxx and {@code benchmarks/target/chaos-stack});
 * everything is fresh at the start and stops on {@link #close()} (and with this JVM).
 */
public final class ChaosStack implements AutoCloseable {
    private final Path root;
    private final StackSettings settings;
    private final KafkaBroker kafka;
    private final PostgresServer postgres;
    private final SmtpServer smtp;
    private final ProviderStub providers;
    private final StackState state;
    private final Map<PlatformService, ServiceProcess> services = new EnumMap<>(PlatformService.class);
    private final Supervisor supervisor;
    private final List<Supervisor.Event> serviceEvents = new CopyOnWriteArrayList<>();
    private final Consumer<String> log;
    private boolean closed;

    private ChaosStack(Path root, StackSettings settings, Consumer<String> log, Duration readyTimeout) {
        this.root = root;
        this.settings = settings;
        this.log = log;
        Path dir = settings.dir();
        // fresh, by hand: a PostgreSQL started "clean" deletes its data when it is closed, which a kill must not do
        Dirs.deleteRecursively(dir.resolve("kafka"));
        Dirs.deleteRecursively(dir.resolve("postgres").resolve("data"));
        Dirs.deleteRecursively(dir.resolve("mail"));
        Dirs.deleteRecursively(dir.resolve("logs"));
        Dirs.writable(dir, "The fault run's stack");
        kafka = new KafkaBroker(settings.kafkaPort(), settings.kafkaControllerPort(), dir.resolve("kafka"), settings.kafkaHeap());
        // durable commits: the run kills PostgreSQL, and an acknowledged commit that vanishes is a lost event
        postgres = new PostgresServer(settings.postgresPort(), dir.resolve("postgres"), false).durableCommits();
        smtp = new SmtpServer(settings.smtpPort(), settings.imapPort(), dir.resolve("mail"));
        providers = ProviderStub.builder().keepRequests(true).start();
        supervisor = new Supervisor(Supervisor.Backoff.LOCAL, readyTimeout, log).onEvent(serviceEvents::add);
        state = new StackState(ProcessHandle.current().pid(), kafka.bootstrapServers(),
                "jdbc:postgresql://127.0.0.1:" + settings.postgresPort() + "/", settings.postgresUser(),
                settings.postgresPassword(), settings.smtpPort(), settings.imapPort(), writePublicKey(dir));
    }

    /**
     * Starts Kafka, PostgreSQL and the mail server, then the five services with {@code serviceSettings} (per
     * service, on top of what the launcher sets), and waits until each is ready.
     */
    public static ChaosStack start(Path root, Map<PlatformService, Map<String, String>> serviceSettings,
            Duration readyTimeout, Consumer<String> log) {
        StackSettings settings = StackSettings.test(root);
        ChaosStack stack = new ChaosStack(root, settings, log, readyTimeout);
        Runtime.getRuntime().addShutdownHook(new Thread(stack::close, "chaos-stack-stop"));
        long started = System.nanoTime();
        log.accept("Starting Kafka, PostgreSQL and SMTP in " + settings.dir() + " ...");
        CompletableFuture<Void> kafkaUp = CompletableFuture.runAsync(() -> stack.kafka.start(Duration.ofSeconds(180)));
        stack.postgres.start(settings.databases());
        stack.smtp.start();
        kafkaUp.join();
        stack.kafka.createContractTopics();
        log.accept(String.format("Kafka %s, PostgreSQL %s ready in %.1f s", stack.state.kafkaBootstrapServers(),
                stack.state.postgresJdbcPrefix(), (System.nanoTime() - started) / 1e9));
        for (PlatformService service : PlatformService.all()) {
            ServiceProcess process = new ServiceProcess(service, root, settings.dir().resolve("logs"));
            Map<String, String> extra = new java.util.HashMap<>(serviceSettings.getOrDefault(service, Map.of()));
            if (service == PlatformService.NOTIFICATION) {
                extra.putAll(stack.providers.notificationSettings());
            }
            process.start(stack.state, extra);
            stack.services.put(service, process);
        }
        List<CompletableFuture<Void>> ready = new ArrayList<>();
        for (ServiceProcess p : stack.services.values()) {
            ready.add(CompletableFuture.runAsync(() -> p.awaitReady(readyTimeout)));
        }
        CompletableFuture.allOf(ready.toArray(CompletableFuture[]::new)).join();
        stack.services.values().forEach(stack.supervisor::watch);
        log.accept(String.format("Five services ready %.1f s after the start (logs in %s)", (System.nanoTime() - started) / 1e9,
                settings.dir().resolve("logs")));
        return stack;
    }

    private static Path writePublicKey(Path dir) {
        Path file = dir.resolve("dev-keys").resolve("jwt-public.pem");
        try {
            Files.createDirectories(file.getParent());
            Files.writeString(file, DevTokens.publicKeyPem(), StandardCharsets.US_ASCII);
        } catch (IOException e) {
            throw new IllegalStateException("cannot write " + file, e);
        }
        return file;
    }

    /** What was killed, when, and when it was back: for a service, when the supervisor saw it ready again. */
    public record Kill(Target target, long pid, Instant killedAt, Instant backAt) {
        public double secondsDown() {
            return backAt == null ? Double.NaN : Duration.between(killedAt, backAt).toMillis() / 1000.0;
        }
    }

    /**
     * Kills {@code target} with SIGKILL. A service is then restarted by the supervisor; Kafka and PostgreSQL are
     * started again here on the same data after {@code restartDelay}. Returns once the target is back (a service
     * ready, Kafka taking produce requests, PostgreSQL taking connections), or after {@code timeout} with
     * {@code backAt} null.
     */
    public Kill kill(Target target, Duration restartDelay, Duration timeout) {
        Instant killedAt;
        long pid;
        switch (target.kind()) {
            case SERVICE -> {
                ServiceProcess process = services.get(target.service());
                pid = process.process().map(Process::pid).orElse(-1L);
                int readyBefore = readyEvents(target.service());
                killedAt = Instant.now();
                process.kill();
                long deadline = System.nanoTime() + timeout.toNanos();
                while (readyEvents(target.service()) == readyBefore && System.nanoTime() < deadline) {
                    pause(100);
                }
                Instant back = readyEvents(target.service()) > readyBefore ? lastReady(target.service()) : null;
                return new Kill(target, pid, killedAt, back);
            }
            case KAFKA -> {
                pid = kafka.pid();
                killedAt = Instant.now();
                kafka.kill();
                log.accept("[chaos] Kafka (pid " + pid + ") killed; starting it again on the same data in "
                        + restartDelay.toMillis() + " ms");
                pause(restartDelay.toMillis());
                try {
                    kafka.start(timeout);
                } catch (RuntimeException e) {
                    log.accept("[chaos] Kafka did not start again: " + e.getMessage());
                    return new Kill(target, pid, killedAt, null);
                }
                Instant back = Instant.now();
                log.accept(String.format("[chaos] Kafka is back (pid %d) %.1f s after the kill", kafka.pid(),
                        Duration.between(killedAt, back).toMillis() / 1000.0));
                return new Kill(target, pid, killedAt, back);
            }
            default -> {
                killedAt = Instant.now();
                pid = postgres.kill();
                log.accept("[chaos] PostgreSQL (postmaster pid " + pid + " and its backends) killed; starting it again"
                        + " on the same data in " + restartDelay.toMillis() + " ms");
                pause(restartDelay.toMillis());
                try {
                    postgres.start(settings.databases());
                } catch (RuntimeException e) {
                    log.accept("[chaos] PostgreSQL did not start again: " + e.getMessage());
                    return new Kill(target, pid, killedAt, null);
                }
                Instant back = Instant.now();
                log.accept(String.format("[chaos] PostgreSQL is back %.1f s after the kill (crash recovery included)",
                        Duration.between(killedAt, back).toMillis() / 1000.0));
                return new Kill(target, pid, killedAt, back);
            }
        }
    }

    private int readyEvents(PlatformService service) {
        return (int) serviceEvents.stream()
                .filter(e -> e.kind() == Supervisor.Event.Kind.READY && e.name().equals(service.serviceName())).count();
    }

    private Instant lastReady(PlatformService service) {
        return serviceEvents.stream()
                .filter(e -> e.kind() == Supervisor.Event.Kind.READY && e.name().equals(service.serviceName()))
                .reduce((a, b) -> b).map(Supervisor.Event::at).orElse(null);
    }

    /** Every exit, restart and return to readiness the supervisor saw. */
    public List<Supervisor.Event> serviceEvents() {
        return List.copyOf(serviceEvents);
    }

    /** True when every service answers its readiness check with UP now. */
    public Map<PlatformService, Boolean> readiness() {
        Map<PlatformService, Boolean> out = new EnumMap<>(PlatformService.class);
        for (Map.Entry<PlatformService, ServiceProcess> e : services.entrySet()) {
            boolean up;
            try {
                e.getValue().awaitReady(Duration.ofSeconds(5));
                up = true;
            } catch (RuntimeException ex) {
                up = false;
            }
            out.put(e.getKey(), up);
        }
        return out;
    }

    public Path root() {
        return root;
    }

    public Path dir() {
        return settings.dir();
    }

    public StackState state() {
        return state;
    }

    public String kafka() {
        return state.kafkaBootstrapServers();
    }

    public ProviderStub providers() {
        return providers;
    }

    /** The pids of the parts of the stack now, for the CPU and memory figures. */
    public Map<String, Long> pids() {
        Map<String, Long> out = new java.util.LinkedHashMap<>();
        services.forEach((s, p) -> out.put(s.serviceName(), p.process().map(Process::pid).orElse(-1L)));
        out.put("kafka", kafka.pid());
        return out;
    }

    /** A JDBC connection to one of the stack's databases. */
    public Connection db(String database) throws SQLException {
        return DriverManager.getConnection(state.jdbcUrl(database), state.postgresUser(), state.postgresPassword());
    }

    /** The folder where the mail server writes each e-mail it received. */
    public Path mailDir() {
        return settings.dir().resolve("mail");
    }

    private static void pause(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Stops supervising, then the services (SIGTERM, killed after 20 s), the stand-ins, Kafka and PostgreSQL. */
    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        supervisor.close();
        services.values().parallelStream().forEach(ServiceProcess::close);
        providers.close();
        smtp.close();
        kafka.close();
        postgres.close();
    }
}
