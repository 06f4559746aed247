package io.postventa.systemtests;

import java.net.URI;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

import io.postventa.devstack.PlatformService;
import io.postventa.devstack.PortalProcess;
import io.postventa.devstack.ServiceProcess;
import io.postventa.devstack.StackState;
import io.postventa.providerstub.ProviderStub;
import io.postventa.testing.StackInfo;
import io.postventa.testing.TestStack;

/**
 * The whole platform for the system tests: the shared test stack's Kafka, PostgreSQL and SMTP, and
 * the five services started once per test JVM from their packaged jars as separate processes, in
 * parallel, each on a fresh database of its own ({@code st_<database>}) and with the settings the
 * scenarios need (no survey delay, a fast SLA check, messaging providers at a local stub).
 * Every test class shares them; they stop when the test JVM ends.
 */
public final class Platform {
    /**
     * How long the five services may take to become ready together. About a minute on a quiet
     * 2-core machine; far more when other builds share it. {@code -Dpostventa.system-tests.start-timeout=PT15M}.
     */
    private static final Duration START_TIMEOUT =
            Duration.parse(System.getProperty("postventa.system-tests.start-timeout", "PT10M"));
    /** The key the SMS, WhatsApp and push providers require; notification-service is given it. */
    private static final String PROVIDER_KEY = "Bearer system-tests-provider-key";
    private static Platform instance;
    private static RuntimeException failure;

    private final StackInfo stack;
    private final ProviderStub providers;
    private final OtlpReceiver traces;
    private final Map<PlatformService, ServiceProcess> processes = new EnumMap<>(PlatformService.class);
    private final Path logs;
    private final Duration startUp;
    private final StackState state;
    private final PortalProcess portal;

    private Platform() {
        long started = System.nanoTime();
        useSystemTestPorts();
        stack = TestStack.get();
        providers = ProviderStub.builder().authorization(PROVIDER_KEY).start();
        traces = OtlpReceiver.start();
        for (PlatformService service : PlatformService.all()) {
            freshDatabase(database(service), slot(service));
        }
        Path root = TestStack.projectRoot();
        logs = root.resolve("system-tests").resolve("target").resolve("service-logs");
        state = new StackState(ProcessHandle.current().pid(), stack.kafkaBootstrapServers(),
                stack.postgresJdbcPrefix(), stack.postgresUser(), stack.postgresPassword(), stack.smtpPort(),
                stack.imapPort(), Path.of(URI.create(stack.jwtPublicKeyLocation())));
        Runtime.getRuntime().addShutdownHook(new Thread(this::stop, "system-tests-stop-services"));
        for (PlatformService service : PlatformService.all()) {
            ServiceProcess process = new ServiceProcess(service, root, logs);
            processes.put(service, process);
            process.start(state, settings(service));
        }
        List<CompletableFuture<Void>> ready = new ArrayList<>();
        for (ServiceProcess process : processes.values()) {
            ready.add(CompletableFuture.runAsync(() -> process.awaitReady(START_TIMEOUT)));
        }
        try {
            CompletableFuture.allOf(ready.toArray(CompletableFuture[]::new)).join();
        } catch (CompletionException e) {
            stop();
            throw new IllegalStateException("the platform did not start: " + e.getCause().getMessage(), e.getCause());
        }
        // every message links to the customer portal (PlatformService.publicUrlSettings), so it is part of the platform
        portal = new PortalProcess(root, logs);
        try {
            portal.start(logs.getParent().resolve("portal-keys"), Map.of("quarkus.log.console.json.enabled", "false",
                    // the browser tests look orders up from one address more often than a customer would
                    "portal.lookup.attempts-per-client", "40"));
            portal.awaitReady(START_TIMEOUT);
        } catch (RuntimeException e) {
            stop();
            throw new IllegalStateException("the portal did not start: " + e.getMessage(), e);
        }
        startUp = Duration.ofNanos(System.nanoTime() - started);
        System.out.printf("[system-tests] five services and the portal ready in %d s (logs in %s)%n", startUp.toSeconds(),
                logs);
    }

    /**
     * Unless {@code POSTVENTA_<SERVICE>_PORT} says otherwise, the services run on their default port + 10000
     * (18081-18085): beside a {@code ./postventa up} stack on the defaults, and never on the ports the services'
     * own settings name, so that a link built from a default instead of the port in use shows in the scenarios.
     */
    private static void useSystemTestPorts() {
        for (PlatformService service : PlatformService.all()) {
            moveUnlessSet(service.portSetting(), service.defaultPort());
        }
        moveUnlessSet("POSTVENTA_PORTAL_PORT", 8087);
    }

    private static void moveUnlessSet(String setting, int defaultPort) {
        String property = setting.toLowerCase(Locale.ROOT).replace('_', '.');
        String env = System.getenv(setting);
        if ((env == null || env.isBlank()) && System.getProperty(property) == null) {
            System.setProperty(property, Integer.toString(defaultPort + 10_000));
        }
    }

    /** The base URL of the customer portal. */
    public static String portalUrl() {
        return PortalProcess.url();
    }

    /** The running platform, started on first use. */
    public static synchronized Platform get() {
        if (failure != null) {
            throw new IllegalStateException("the platform could not be started (see the first failure)", failure);
        }
        if (instance == null) {
            try {
                instance = new Platform();
            } catch (RuntimeException e) {
                failure = e;
                throw e;
            }
        }
        return instance;
    }

    public StackInfo stack() {
        return stack;
    }

    public ProviderStub providers() {
        return providers;
    }

    /** The OTLP receiver every service exports its spans to (tracing is on in the system tests). */
    public OtlpReceiver traces() {
        return traces;
    }

    public Duration startUp() {
        return startUp;
    }

    /** The shared stack as the services see it (for other processes started against it, such as the console). */
    public StackState state() {
        return state;
    }

    /** Where the processes' logs go. */
    public Path logs() {
        return logs;
    }

    /** Stops one service (its process ends); {@link #start(PlatformService)} brings it back. */
    public synchronized void stop(PlatformService service) {
        processes.get(service).close();
    }

    /** Starts a stopped service again with the same database and settings, and waits until it is ready. */
    public synchronized void start(PlatformService service) {
        ServiceProcess process = new ServiceProcess(service, TestStack.projectRoot(), logs);
        processes.put(service, process);
        process.start(state, settings(service));
        process.awaitReady(START_TIMEOUT);
    }

    /** The base URL of a service's REST API. */
    public static String url(PlatformService service) {
        return service.url();
    }

    /** The name of the fresh database a service uses in these tests. */
    public static String database(PlatformService service) {
        return "st_" + service.database();
    }

    /** A JDBC connection to a service's database, as its owner. */
    public Connection connect(PlatformService service) throws SQLException {
        return DriverManager.getConnection(stack.jdbcUrl(database(service)), stack.postgresUser(),
                stack.postgresPassword());
    }

    private static String slot(PlatformService service) {
        return database(service) + "_outbox";
    }

    /**
     * What the scenarios change in each service's settings, on top of its packaged configuration. The public URLs
     * the services build links from come from the launcher ({@code ServiceProcess}), as with {@code ./postventa up}.
     */
    private Map<String, String> settings(PlatformService service) {
        Map<String, String> p = new HashMap<>();
        p.put("quarkus.datasource.jdbc.url", stack.jdbcUrl(database(service)));
        // A replication slot is cluster-wide: the service modules' own tests own the default names.
        p.put("postventa.outbox.slot-name", slot(service));
        p.put("quarkus.log.console.json.enabled", "false");
        // Tracing on, as an operator turns it on, exported over OTLP/HTTP to the tests' own receiver.
        p.put("quarkus.otel.sdk.disabled", "false");
        p.put("quarkus.otel.exporter.otlp.traces.protocol", "http/protobuf");
        p.put("quarkus.otel.exporter.otlp.traces.endpoint", traces.url());
        p.put("quarkus.otel.bsp.schedule.delay", "PT1S");
        // Five JVMs start at once on a small machine: a first connection may take longer than the 5 s default.
        p.put("quarkus.datasource.jdbc.acquisition-timeout", "PT60S");
        p.put("quarkus.transaction-manager.default-transaction-timeout", "PT5M");
        switch (service) {
            case ORDER_STATUS -> {
                // The carrier-silence check would flag the scenarios' back-dated orders as late.
                p.put("postventa.order-status.delay.check-every", "off");
            }
            case TICKET -> {
                p.put("ticket.sla.check-every", "1s");
                p.put("ticket.sla.default-first-response", "PT5S");
                p.put("ticket.sla.default-resolution", "PT1H");
                // customers' e-mail replies are read from the stack's mail server (ServiceProcess points it there)
                p.put("ticket.mail.poll-every", "2s");
            }
            case NOTIFICATION -> {
                p.put("postventa.notification.quiet-hours-channels", "LOG");
                // an acknowledgement waits 2 s for an automatic answer that replaces it (10 s by default)
                p.put("postventa.notification.acknowledgement-hold", "PT2S");
                // the daily cap counts over a rolling 90 s and held-back updates are looked at every second, so a
                // scenario sees them sent when the cap allows again
                p.put("postventa.notification.frequency-cap-window", "PT90S");
                p.put("postventa.notification.capped-check-interval", "PT1S");
                p.putAll(providers.notificationSettings());
            }
            case FEEDBACK -> {
                p.put("feedback.surveys.nps-after-delivery", "PT0S");
                p.put("feedback.surveys.check-every", "1s");
            }
        }
        return p;
    }

    /** Drops what an earlier run left under the same name and creates the database again, empty. */
    private void freshDatabase(String database, String slot) {
        try (Connection c = DriverManager.getConnection(stack.jdbcUrl("postgres"), stack.postgresUser(),
                stack.postgresPassword())) {
            try (PreparedStatement drop = c.prepareStatement(
                    "select pg_drop_replication_slot(slot_name) from pg_replication_slots where slot_name = ?")) {
                drop.setString(1, slot);
                drop.execute();
            }
            try (Statement s = c.createStatement()) {
                s.execute("drop database if exists " + database + " with (force)");
                s.execute("create database " + database);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot create the database " + database + ": " + e.getMessage(), e);
        }
    }

    private synchronized void stop() {
        if (portal != null) {
            portal.close();
        }
        List<CompletableFuture<Void>> stopping = new ArrayList<>();
        for (ServiceProcess process : processes.values()) {
            stopping.add(CompletableFuture.runAsync(process::close));
        }
        stopping.forEach(CompletableFuture::join);
        providers.close();
        traces.close();
    }
}
