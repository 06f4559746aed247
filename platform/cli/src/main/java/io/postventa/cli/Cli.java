package io.postventa.cli;

import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CountDownLatch;

import io.postventa.devstack.ConsoleProcess;
import io.postventa.devstack.DevTokens;
import io.postventa.devstack.LocalPlatform;
import io.postventa.devstack.PortalProcess;
import io.postventa.devstack.ServiceProcess;
import io.postventa.devstack.ServiceProperties;
import io.postventa.devstack.StackException;
import io.postventa.devstack.StackSettings;
import io.postventa.devstack.StackState;

/**
 * The `postventa` command's Java side: {@code up} runs the platform ({@link LocalPlatform}) in the foreground until
 * Ctrl-C (or {@code down}); {@code down} stops the stacks {@code up} started from this checkout, wherever their
 * data is; {@code token} prints a development JWT. {@code up --detach}, {@code demo} and {@code bench} live in the
 * shell script.
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
                case "up" -> up(root(options), ServiceProperties.read(options.get("service-properties")));
                case "down" -> down(root(options));
                case "token" -> token(options);
                default -> {
                    usage();
                    System.exit(2);
                }
            }
        } catch (StackException | UncheckedIOException e) {
            System.err.println("postventa: " + e.getMessage());
            System.exit(1);
        } catch (CompletionException e) {
            // A service that did not become ready: exit (running the shutdown hook) rather than leave the
            // main thread dead and the stack's other threads holding the JVM up.
            Throwable cause = e.getCause() == null ? e : e.getCause();
            System.err.println("postventa: " + cause.getMessage());
            System.exit(1);
        }
    }

    private static void up(Path root, Map<String, Map<String, String>> serviceProperties) {
        long started = System.nanoTime();
        LocalPlatform platform = new LocalPlatform(root, serviceProperties);
        StackSettings settings = platform.settings();
        CountDownLatch stopped = new CountDownLatch(1);
        Path record = RunningStacks.record(root, settings.dir());
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            System.out.println("\nStopping the services, Kafka, PostgreSQL and SMTP...");
            platform.close();
            try {
                Files.deleteIfExists(record);
            } catch (Exception ignored) {
                // a stale record names a dead pid and is ignored
            }
            System.out.println("Stopped.");
            stopped.countDown();
        }, "postventa-stop"));

        System.out.println("Starting Kafka, PostgreSQL and SMTP in " + settings.dir() + " ...");
        StackState state = platform.startInfrastructure();
        System.out.printf("Infrastructure ready in %.1f s: Kafka %s, PostgreSQL %s, SMTP 127.0.0.1:%d, IMAP 127.0.0.1:%d%n",
                seconds(started), state.kafkaBootstrapServers(), state.postgresJdbcPrefix(), state.smtpPort(),
                state.imapPort());
        // A busy machine (a full build next to it) can take longer than the default; POSTVENTA_START_TIMEOUT in s.
        Duration startTimeout = Duration.ofSeconds(Long.parseLong(StackSettings.setting("POSTVENTA_START_TIMEOUT", "180")));
        String seeded = platform.startApplications(startTimeout);
        System.out.println("Seeded " + seeded + " into ticket-service");

        System.out.printf("%nPostventa is up in %.1f s (logs in %s).%n%n", seconds(started), platform.logs());
        System.out.printf("%-22s %-24s %-40s%n", "service", "url", "swagger ui");
        for (ServiceProcess s : platform.services()) {
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
        System.out.println("A service that dies is restarted after 1 s, then 2, 4 ... 60 s if it keeps dying (said here).");
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
        System.err.println("usage: postventa up [--service-properties FILE] | down | "
                + "token --role ROLE --sub SUBJECT [--team TEAM] [--ttl SECONDS]");
    }
}
