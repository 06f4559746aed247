package io.postventa.devstack;

import java.io.File;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * One Postventa service run from its packaged jar as a child process of the stack; a {@link Supervisor} can start
 * it again with the same settings (its log then goes on in the same file). Several instances of a service can run
 * side by side, each on its own HTTP port, sharing the service's database, consumer groups and relay lock (one of
 * them relays), as replicas of a deployment do.
 */
public final class ServiceProcess implements AutoCloseable, Supervised {
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();

    private final PlatformService service;
    private final Path root;
    private final Path log;
    private final int instance;
    private final int port;
    private volatile Process process;
    /** Whether the running JVM writes its class-data sharing archive when it ends, which takes seconds on a busy host. */
    private volatile boolean dumping;
    private StackState stack;
    private Map<String, String> settings = Map.of();

    /** The service's only (or first) instance, on {@link PlatformService#port()}, logging to {@code <service>.log}. */
    public ServiceProcess(PlatformService service, Path root, Path logDir) {
        this(service, root, logDir, 1, -1);
    }

    /**
     * Instance {@code instance} (1, 2, ...) of the service on HTTP port {@code port} ({@code -1}: the service's own
     * port, {@link PlatformService#port()}); instance 1 logs to {@code <service>.log}, instance n to
     * {@code <service>-n.log}.
     */
    public ServiceProcess(PlatformService service, Path root, Path logDir, int instance, int port) {
        if (instance < 1) {
            throw new IllegalArgumentException("instances are numbered from 1: " + instance);
        }
        this.service = service;
        this.root = root;
        this.instance = instance;
        this.port = port;
        this.log = logDir.resolve(service.serviceName() + (instance == 1 ? "" : "-" + instance) + ".log");
    }

    /** Which instance of its service this is, from 1. */
    public int instance() {
        return instance;
    }

    /** The HTTP port this instance listens on. */
    public int port() {
        return port > 0 ? port : service.port();
    }

    /** This instance's base URL, e.g. http://127.0.0.1:8083. */
    public String url() {
        return "http://127.0.0.1:" + port();
    }

    public PlatformService service() {
        return service;
    }

    public Path log() {
        return log;
    }

    /** Starts the service against the stack; returns at once (see {@link #awaitReady}). */
    public void start(StackState stack) {
        start(stack, Map.of());
    }

    /**
     * Starts the service against the stack with extra settings (any Quarkus or service setting, passed
     * as system properties); a key the stack also sets (e.g. {@code quarkus.datasource.jdbc.url}) takes
     * the given value instead. Values may use Quarkus expressions such as
     * {@code ${POSTVENTA_FEEDBACK_PORT:8085}}. Returns at once (see {@link #awaitReady}).
     */
    public void start(StackState stack, Map<String, String> settings) {
        this.stack = stack;
        this.settings = Map.copyOf(settings);
        launch(ProcessBuilder.Redirect.to(log.toFile()));
    }

    /** Starts the service again with the settings of {@link #start}; its output is appended to the same log. */
    @Override
    public void restart() {
        if (stack == null) {
            throw new IllegalStateException(service.serviceName() + " was never started");
        }
        launch(ProcessBuilder.Redirect.appendTo(log.toFile()));
    }

    private void launch(ProcessBuilder.Redirect output) {
        Path jar = service.runnerJar(root);
        if (!Files.exists(jar)) {
            throw new StackException(service.serviceName() + " is not built: " + jar
                    + " is missing (run ./mvnw package -DskipTests)");
        }
        Ports.requireFree(port(), name());
        List<String> command = new ArrayList<>();
        command.add(Classpath.javaExecutable());
        Path dump = sharedArchive(jar).resolveSibling("app-cds." + ProcessHandle.current().pid() + "-" + System.nanoTime() + ".tmp");
        List<String> archiveOptions = sharedArchiveOptions(jvmOptions(), jar, dump);
        command.addAll(archiveOptions);
        command.addAll(jvmOptions());
        systemProperties(service, port(), stack, settings).forEach((key, value) -> command.add("-D" + key + "=" + value));
        // The watcher stops the service if the stack dies without running its shutdown hook.
        command.add("-cp");
        command.add(jar + File.pathSeparator + Classpath.parentWatcherJar());
        command.add(ParentWatchingMain.class.getName());
        command.add(Long.toString(ProcessHandle.current().pid()));
        command.add("io.quarkus.bootstrap.runner.QuarkusEntryPoint");
        try {
            Files.createDirectories(log.getParent());
            ProcessBuilder builder = new ProcessBuilder(command);
            builder.environment().putIfAbsent("MALLOC_ARENA_MAX", MALLOC_ARENA_MAX);
            process = builder
                    .directory(jar.getParent().toFile())
                    .redirectErrorStream(true)
                    .redirectOutput(output)
                    .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")))
                    .start();
            dumping = archiveOptions.stream().anyMatch(o -> o.startsWith("-XX:ArchiveClassesAtExit"));
            if (dumping) {
                process.onExit().thenRun(() -> keepArchive(process, dump, sharedArchive(jar)));
            }
        } catch (IOException e) {
            throw new StackException(service.serviceName() + " cannot start: " + e.getMessage(), e);
        }
    }

    /** The store's support mailbox on the local mail server, which ticket-service reads customers' replies from. */
    public static final String SUPPORT_MAILBOX = "support@postventa.local";

    /**
     * Every setting a service is started with: its port, the stack's database, Kafka, JWT key and SMTP server, the
     * public URLs its links are built from ({@link PlatformService#publicUrlSettings()}, from the ports in use; one
     * the environment already sets, e.g. {@code POSTVENTA_NOTIFICATION_PUBLIC_BASE_URL} for a stack reached under a
     * host name, is left to it), then {@code settings}, which win over all of these.
     */
    static Map<String, String> systemProperties(PlatformService service, StackState stack, Map<String, String> settings) {
        return systemProperties(service, service.port(), stack, settings);
    }

    /** The same for an instance listening on {@code port}. */
    static Map<String, String> systemProperties(PlatformService service, int port, StackState stack,
            Map<String, String> settings) {
        Map<String, String> properties = new LinkedHashMap<>();
        properties.put("quarkus.http.port", Integer.toString(port));
        properties.put("quarkus.datasource.jdbc.url", stack.jdbcUrl(service.database()));
        properties.put("quarkus.datasource.username", stack.postgresUser());
        properties.put("quarkus.datasource.password", stack.postgresPassword());
        properties.put("kafka.bootstrap.servers", stack.kafkaBootstrapServers());
        properties.put("mp.jwt.verify.publickey.location", stack.jwtPublicKey().toUri().toString());
        properties.put("mp.jwt.verify.issuer", DevTokens.ISSUER);
        properties.put("quarkus.mailer.host", "127.0.0.1");
        properties.put("quarkus.mailer.port", Integer.toString(stack.smtpPort()));
        if (service == PlatformService.TICKET && stack.imapPort() > 0) {
            // customers' replies to the support address, fetched from the local mail server
            properties.put("ticket.mail.host", "127.0.0.1");
            properties.put("ticket.mail.port", Integer.toString(stack.imapPort()));
            properties.put("ticket.mail.user", SUPPORT_MAILBOX);
            properties.put("ticket.mail.password", "postventa");
        }
        service.publicUrlSettings().forEach((key, value) -> {
            if (System.getenv(environmentName(key)) == null) {
                properties.put(key, value);
            }
        });
        properties.putAll(settings);
        return properties;
    }

    /** The environment variable Quarkus reads a setting from: upper case, every other character an underscore. */
    static String environmentName(String key) {
        return key.toUpperCase(java.util.Locale.ROOT).replaceAll("[^A-Z0-9]", "_");
    }

    /**
     * The class-data sharing archive of a service, beside its runner jar: the classes its JVM loaded in the first run
     * after a build (Quarkus, Hibernate, Kafka, Debezium, the service's own), parsed, verified and laid out once, then
     * mapped by every later start instead of being loaded again.
     */
    public static Path sharedArchive(Path runnerJar) {
        return runnerJar.resolveSibling("app-cds.jsa");
    }

    /**
     * JDK 17 has no {@code -XX:+AutoCreateSharedArchive} (19+), so this does its work: a service whose archive is
     * missing or older than its jar (a new build) runs with {@code -XX:ArchiveClassesAtExit} and writes the archive
     * when it ends normally (SIGTERM, not a kill); the next starts map it with {@code -XX:SharedArchiveFile}. The JVM
     * checks the archive against the jars and the JDK it was made with and starts without it when they differ; a
     * class a newer build changed is loaded from its jar. {@code -Xshare:off} in {@code POSTVENTA_SERVICE_JAVA_OPTS}
     * turns it off, since those flags come after.
     */
    static List<String> sharedArchiveOptions(Path runnerJar, Path dump) {
        Path archive = sharedArchive(runnerJar);
        try {
            if (Files.isRegularFile(archive) && Files.size(archive) > 0
                    && !Files.getLastModifiedTime(archive).toInstant().isBefore(Files.getLastModifiedTime(runnerJar).toInstant())) {
                return List.of("-XX:SharedArchiveFile=" + archive);
            }
        } catch (IOException e) {
            return List.of();
        }
        // each run dumps to a file of its own (two instances of a service may run), which becomes the archive once
        // the JVM has ended normally: a run killed while writing it leaves no half archive behind
        return List.of("-XX:ArchiveClassesAtExit=" + dump);
    }

    /**
     * The archive flags for a service run with {@code jvmOptions}: none when they hold {@code -Xshare:off} (with
     * {@code -XX:ArchiveClassesAtExit} as well the JVM stops at once: "DynamicDumpSharedSpaces is unsupported when
     * base CDS archive is not loaded"), else {@link #sharedArchiveOptions(Path, Path)}.
     */
    static List<String> sharedArchiveOptions(List<String> jvmOptions, Path runnerJar, Path dump) {
        return jvmOptions.contains("-Xshare:off") ? List.of() : sharedArchiveOptions(runnerJar, dump);
    }

    /** After a run that dumped its classes: the dump becomes the archive unless the JVM was killed (SIGKILL: 137). */
    private static void keepArchive(Process ended, Path dump, Path archive) {
        try {
            if (ended.exitValue() != 137 && Files.isRegularFile(dump) && Files.size(dump) > 0) {
                Files.move(dump, archive, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            }
        } catch (IOException | RuntimeException e) {
            // no archive this time: the next start dumps again
        } finally {
            try {
                Files.deleteIfExists(dump);
            } catch (IOException e) {
                // left for the next build's clean
            }
        }
    }

    /**
     * The default JVM flags of a service, see {@link #jvmOptions()}. {@code -XX:TrimNativeHeapInterval} (JDK 17.0.9+)
     * hands the memory glibc keeps after start-up (the JIT's arenas, Hibernate's and Debezium's boot) back to the
     * system every 5 s: 10-25 MB less RSS idle (docs/performance/2026-12-07-start-small.md). {@code
     * -XX:MetaspaceSize=96m} raises the first metadata threshold (about 21 MB by default), which made the JVM run three
     * to five full collections while a service loaded its classes, and another of up to 0.57 s half a minute later
     * (docs/performance/2026-12-07-sets-and-scale-out.md).
     */
    public static final List<String> DEFAULT_JVM_OPTIONS = defaultJvmOptions(Runtime.version());

    /** The flags for a service run by the JDK {@code jdk} (the stack's own, see {@link Classpath#javaExecutable()}). */
    static List<String> defaultJvmOptions(Runtime.Version jdk) {
        List<String> options = new ArrayList<>(List.of("-Xms64m", "-Xmx384m", "-XX:+UseSerialGC",
                "-XX:+ExitOnOutOfMemoryError", "-XX:ReservedCodeCacheSize=64m", "-XX:MetaspaceSize=96m",
                "-XX:MaxMetaspaceSize=256m"));
        if (trimsNativeHeap(jdk)) {
            options.add("-XX:TrimNativeHeapInterval=5000");
        }
        return List.copyOf(options);
    }

    /** Whether the JDK knows {@code -XX:TrimNativeHeapInterval} (22, and backported to 17.0.9 and 21.0.1): an unknown flag stops the JVM. */
    static boolean trimsNativeHeap(Runtime.Version jdk) {
        int feature = jdk.feature();
        return feature >= 22 || (feature == 21 && jdk.update() >= 1) || (feature == 17 && jdk.update() >= 9);
    }

    /**
     * glibc gives each thread that mallocs its own 64 MB arena; a Quarkus service has dozens of threads (Vert.x,
     * Kafka clients, Debezium, Agroal), so native memory fragments across arenas. Two arenas are plenty for it.
     */
    public static final String MALLOC_ARENA_MAX = "2";

    /**
     * The JVM flags a service runs with: {@code POSTVENTA_SERVICE_JAVA_OPTS} (space-separated) when set, else
     * {@link #DEFAULT_JVM_OPTIONS}.
     */
    public static List<String> jvmOptions() {
        String custom = StackSettings.setting("POSTVENTA_SERVICE_JAVA_OPTS", null);
        return custom == null ? DEFAULT_JVM_OPTIONS : List.of(custom.trim().split("\\s+"));
    }

    /** The service's name, with {@code -n} for instance n > 1 (e.g. {@code ticket-service-2}). */
    @Override
    public String name() {
        return service.serviceName() + (instance == 1 ? "" : "-" + instance);
    }

    @Override
    public Optional<Process> process() {
        return Optional.ofNullable(process);
    }

    /** Kills the service with SIGKILL (no shutdown hooks run, as in a crash) and waits until it is gone. */
    public void kill() {
        Process p = process;
        if (p != null && p.isAlive()) {
            p.destroyForcibly();
            try {
                p.waitFor(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /** Waits until /q/health/ready answers UP; fails fast if the process exits. */
    @Override
    public void awaitReady(Duration timeout) {
        Process process = this.process;
        long deadline = System.nanoTime() + timeout.toNanos();
        HttpRequest ready = HttpRequest.newBuilder(URI.create(url() + "/q/health/ready"))
                .timeout(Duration.ofSeconds(2)).build();
        while (true) {
            if (!process.isAlive()) {
                throw new StackException(name() + " exited with code " + process.exitValue()
                        + " during start-up; see " + log + KafkaBroker.lastErrorLine(log));
            }
            try {
                HttpResponse<String> response = HTTP.send(ready, HttpResponse.BodyHandlers.ofString());
                if (response.statusCode() == 200) {
                    return;
                }
            } catch (IOException e) {
                // not listening yet
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new StackException("interrupted while waiting for " + service.serviceName());
            }
            if (System.nanoTime() > deadline) {
                throw new StackException(name() + " was not ready within " + timeout.toSeconds()
                        + " s; see " + log);
            }
            try {
                Thread.sleep(250);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new StackException("interrupted while waiting for " + service.serviceName());
            }
        }
    }

    public long pid() {
        return process == null ? -1 : process.pid();
    }

    @Override
    public void close() {
        Process process = this.process;
        if (process == null || !process.isAlive()) {
            return;
        }
        process.destroy();
        try {
            // a JVM that dumps its classes at exit gets longer before it is killed (a killed one writes no archive)
            if (!process.waitFor(dumping ? 90 : 20, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                process.waitFor(5, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }
}
