package io.postventa.devstack;

import java.nio.file.Path;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * Kafka, PostgreSQL and the mail server alone, in a JVM of their own, until the watched process ends: the shared
 * stack of a test run or a benchmark ({@link TestStackLauncher} starts it). Arguments:
 * {@code --root DIR [--profile test|local] [--watch-pid PID]}.
 */
public final class StackMain {
    private StackMain() {
    }

    public static void main(String[] args) {
        String root = System.getProperty("user.dir");
        String profile = "test";
        long watched = -1;
        for (int i = 0; i + 1 < args.length; i += 2) {
            switch (args[i]) {
                case "--root" -> root = args[i + 1];
                case "--profile" -> profile = args[i + 1];
                case "--watch-pid" -> watched = Long.parseLong(args[i + 1]);
                default -> throw new IllegalArgumentException("unknown option " + args[i]);
            }
        }
        Path checkout = Path.of(root).toAbsolutePath();
        StackSettings settings = "local".equals(profile) ? StackSettings.local(checkout) : StackSettings.test(checkout);
        Infrastructure infra = new Infrastructure(settings);
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            infra.close();
            stopped.countDown();
        }, "postventa-infra-stop"));
        long started = System.nanoTime();
        StackState state;
        try {
            state = infra.start();
        } catch (StackException e) {
            System.err.println("postventa: " + e.getMessage());
            System.exit(1);
            return;
        }
        state.write(settings.dir().resolve("stack.properties"));
        System.out.printf("[devstack] %s stack ready in %.1f s: Kafka %s, PostgreSQL %s%n", settings.profile(),
                (System.nanoTime() - started) / 1e9, state.kafkaBootstrapServers(), state.postgresJdbcPrefix());
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
}
