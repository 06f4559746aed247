package io.postventa.devstack;

import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import io.postventa.providerstub.ProviderStub;

/**
 * The `postventa` command: {@code up} runs Kafka, PostgreSQL, SMTP and the five services in the
 * foreground until Ctrl-C (or {@code down}); {@code down} stops the stacks {@code up} started from this checkout,
 * wherever their data is; {@code infra} runs only the infrastructure (the tests' shared stack);
 * {@code token} prints a development JWT. {@code up --detach} lives in the shell script.
 */
public final class Cli {
    private Cli() {
    }

    public static void main(String[] args) {
        if (args.length == 0) {
            usage();
            System.exit(2);
        }
        Map<String, String> options = options(args);
        try {
            switch (args[0]) {
                case "up" -> up(root(options), serviceProperties(options.get("service-properties")));
                case "down" -> down(root(options));
                case "infra" -> infra(options);
                case "token" -> token(options);
                default -> {
                    usage();
                    System.exit(2);
                }
            }
        } catch (StackException | UncheckedIOException e) {
            System.err.println("postventa: " + e.getMessage());
            System.exit(1);
        } catch (java.util.concurrent.CompletionException e) {
            // A service that did not become ready: exit (running the shutdown hook) rather than leave the
            // main thread dead and the stack's other threads holding the JVM up.
            Throwable cause = e.getCause() == null ? e : e.getCause();
            System.err.println("postventa: " + cause.getMessage());
            System.exit(1);
        }
    }

    private static void up(Path root, Map<String, Map<String, String>> serviceProperties) {
        long started = System.nanoTime();
        StackSettings settings = StackSettings.local(root);
        Path stateFile = settings.dir().resolve("stack.properties");
        StackState.read(stateFile).filter(StackState::alive).ifPresent(s -> {
            throw new StackException("a stack is already running (pid " + s.pid() + "); stop it with ./postventa down");
        });
        Infrastructure infra = new Infrastructure(settings);
        List<ServiceProcess> services = new ArrayList<>();
        List<EdgeAppProcess> edges = new ArrayList<>();
        CountDownLatch stopped = new CountDownLatch(1);
        ProviderStub providers = ProviderStub.builder().journal(settings.dir().resolve("messages")).start();
        Path record = RunningStacks.record(root, settings.dir());
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            System.out.println("\nStopping the services, Kafka, PostgreSQL and SMTP...");
            edges.forEach(EdgeAppProcess::close);
            services.parallelStream().forEach(ServiceProcess::close);
            providers.close();
            infra.close();
            try {
                Files.deleteIfExists(stateFile);
                Files.deleteIfExists(record);
            } catch (Exception ignored) {
                // a stale state file or record names a dead pid and is ignored
            }
            System.out.println("Stopped.");
            stopped.countDown();
        }, "postventa-stop"));

        System.out.println("Starting Kafka, PostgreSQL and SMTP in " + settings.dir() + " ...");
        StackState state = infra.start();
        System.out.printf("Infrastructure ready in %.1f s: Kafka %s, PostgreSQL %s, SMTP 127.0.0.1:%d, IMAP 127.0.0.1:%d%n",
                seconds(started), state.kafkaBootstrapServers(), state.postgresJdbcPrefix(), state.smtpPort(),
                state.imapPort());
        Path logs = settings.dir().resolve("logs");
        // A busy machine (a full build next to it) can take longer than the default; POSTVENTA_START_TIMEOUT in s.
        Duration startTimeout = Duration.ofSeconds(Long.parseLong(StackSettings.setting("POSTVENTA_START_TIMEOUT", "180")));
        for (PlatformService service : PlatformService.all()) {
            ServiceProcess process = new ServiceProcess(service, root, logs);
            services.add(process);
            Map<String, String> extra = new HashMap<>();
            if (service == PlatformService.NOTIFICATION) {
                extra.putAll(providers.notificationSettings());
            }
            extra.putAll(serviceProperties.getOrDefault("*", Map.of()));
            extra.putAll(serviceProperties.getOrDefault(service.serviceName(), Map.of()));
            process.start(state, extra);
        }
        CompletableFuture.allOf(services.stream()
                .map(s -> CompletableFuture.runAsync(() -> s.awaitReady(startTimeout)))
                .toArray(CompletableFuture[]::new))
                .exceptionally(t -> {
                    Throwable cause = t.getCause() == null ? t : t.getCause();
                    throw cause instanceof StackException se ? se : new StackException(cause.toString(), cause);
                }).join();
        // The people of dev-users.json in ticket-service (idempotent), then the staff console over the services.
        System.out.println("Seeded " + DevSeed.seed(PlatformService.TICKET.url()) + " into ticket-service");
        ConsoleProcess console = new ConsoleProcess(root, logs);
        edges.add(console);
        console.start(settings.dir().resolve("dev-keys"), serviceProperties.getOrDefault(ConsoleProcess.MODULE, Map.of()));
        // the customer portal, which every message links to
        PortalProcess portal = new PortalProcess(root, logs);
        edges.add(portal);
        portal.start(settings.dir().resolve("dev-keys"), serviceProperties.getOrDefault(PortalProcess.MODULE, Map.of()));
        console.awaitReady(startTimeout);
        portal.awaitReady(startTimeout);
        state.write(stateFile);

        System.out.printf("%nPostventa is up in %.1f s (logs in %s).%n%n", seconds(started), logs);
        System.out.printf("%-22s %-24s %-40s%n", "service", "url", "swagger ui");
        for (ServiceProcess s : services) {
            System.out.printf("%-22s %-24s %-40s%n", s.service().serviceName(), s.service().url(),
                    s.service().url() + "/q/swagger-ui");
        }
        System.out.printf("%-22s %-24s %-40s%n", ConsoleProcess.MODULE, ConsoleProcess.url(),
                "sign in: " + ConsoleProcess.url() + "/sign-in");
        System.out.printf("%-22s %-24s %-40s%n", PortalProcess.MODULE, PortalProcess.url(),
                "customers: the links in every message, or " + PortalProcess.url() + "/");
        System.out.printf("%nHealth: <url>/q/health   Metrics: <url>/q/metrics   E-mails sent: %s%n",
                settings.dir().resolve("mail"));
        System.out.printf("Support mailbox (customers' replies): IMAP 127.0.0.1:%d, user %s, any password%n",
                state.imapPort(), ServiceProcess.SUPPORT_MAILBOX);
        System.out.printf("SMS, WhatsApp and push messages: %s/{sms,whatsapp,push}.jsonl%n",
                settings.dir().resolve("messages"));
        System.out.println("A token: ./postventa token --role customer --sub c-1001");
        System.out.println("Press Ctrl-C to stop everything (or run ./postventa down from any shell).");
        try {
            stopped.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /**
     * Stops every stack {@code up} started from this checkout (recorded by {@link RunningStacks}, whatever
     * {@code POSTVENTA_DATA_DIR} said then or says now), and one whose state is in this shell's data directory.
     */
    private static void down(Path root) {
        List<RunningStacks.Running> stacks = new ArrayList<>(RunningStacks.alive(root));
        Path dir = StackSettings.local(root).dir();
        StackState.read(dir.resolve("stack.properties")).filter(StackState::alive)
                .filter(s -> stacks.stream().noneMatch(r -> r.pid() == s.pid()))
                .ifPresent(s -> stacks.add(new RunningStacks.Running(s.pid(), null, dir, null)));
        if (stacks.isEmpty()) {
            System.out.println("No running stack.");
            return;
        }
        for (RunningStacks.Running stack : stacks) {
            System.out.println("Stopping the stack (pid " + stack.pid() + ", data in " + stack.dataDir() + ")...");
            if (!RunningStacks.stop(stack, Duration.ofSeconds(60))) {
                throw new StackException("the stack (pid " + stack.pid() + ") did not stop within 60 s");
            }
            System.out.println("Stopped.");
        }
    }

    /**
     * Extra service settings from a properties file: {@code <service-name>.<key>=value} for one service,
     * {@code *.<key>=value} for all (e.g. the demo's short survey delays); none without a file.
     */
    static Map<String, Map<String, String>> serviceProperties(String file) {
        Map<String, Map<String, String>> out = new HashMap<>();
        if (file == null) {
            return out;
        }
        java.util.Properties p = new java.util.Properties();
        try (var in = Files.newBufferedReader(Path.of(file), java.nio.charset.StandardCharsets.UTF_8)) {
            p.load(in);
        } catch (java.io.IOException e) {
            throw new StackException("cannot read the service settings " + file + ": " + e.getMessage(), e);
        }
        for (String key : p.stringPropertyNames()) {
            int dot = key.indexOf('.');
            String service = dot < 0 ? "" : key.substring(0, dot);
            if (!service.equals("*") && !service.equals(ConsoleProcess.MODULE) && !service.equals(PortalProcess.MODULE)
                    && PlatformService.all().stream().noneMatch(s -> s.serviceName().equals(service))) {
                throw new StackException(file + ": " + key + " names no service (use <service-name>.<key> or *.<key>)");
            }
            out.computeIfAbsent(service, k -> new HashMap<>()).put(key.substring(dot + 1), p.getProperty(key));
        }
        return out;
    }

    /** Runs Kafka, PostgreSQL and SMTP until the watched process (the Maven run) ends. */
    private static void infra(Map<String, String> options) {
        Path root = root(options);
        StackSettings settings = "local".equals(options.get("profile"))
                ? StackSettings.local(root) : StackSettings.test(root);
        long watched = Long.parseLong(options.getOrDefault("watch-pid", "-1"));
        Infrastructure infra = new Infrastructure(settings);
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            infra.close();
            stopped.countDown();
        }, "postventa-infra-stop"));
        long started = System.nanoTime();
        StackState state = infra.start();
        state.write(settings.dir().resolve("stack.properties"));
        System.out.printf("[devstack] %s stack ready in %.1f s: Kafka %s, PostgreSQL %s%n", settings.profile(),
                seconds(started), state.kafkaBootstrapServers(), state.postgresJdbcPrefix());
        while (watched < 0 || ProcessHandle.of(watched).map(ProcessHandle::isAlive).orElse(false)) {
            try {
                if (stopped.await(500, TimeUnit.MILLISECONDS)) {
                    return;
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        System.out.println("[devstack] process " + watched + " ended; stopping the stack");
        System.exit(0);
    }

    private static void token(Map<String, String> options) {
        String role = options.get("role");
        String sub = options.get("sub");
        if (role == null || sub == null) {
            throw new StackException("token needs --role and --sub (e.g. --role customer --sub c-1001)");
        }
        Duration ttl = Duration.ofSeconds(Long.parseLong(options.getOrDefault("ttl", "3600")));
        System.out.println(DevTokens.token(role, sub, options.get("team"), ttl));
    }

    private static Path root(Map<String, String> options) {
        return Path.of(options.getOrDefault("root", System.getProperty("user.dir"))).toAbsolutePath();
    }

    private static Map<String, String> options(String[] args) {
        Map<String, String> options = new HashMap<>();
        for (int i = 1; i < args.length; i++) {
            if (args[i].startsWith("--")) {
                String name = args[i].substring(2);
                String value = i + 1 < args.length && !args[i + 1].startsWith("--") ? args[++i] : "true";
                options.put(name, value);
            }
        }
        return options;
    }

    private static double seconds(long since) {
        return (System.nanoTime() - since) / 1e9;
    }

    private static void usage() {
        System.err.println("usage: postventa up [--service-properties FILE] | down | infra [--profile test|local] [--watch-pid PID] | "
                + "token --role ROLE --sub SUBJECT [--team TEAM] [--ttl SECONDS]");
    }
}
