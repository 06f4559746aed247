package io.postventa.devstack;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;

import org.junit.jupiter.api.Test;

/** How the local stack keeps a service running after it dies: real child processes, killed with SIGKILL. */
class SupervisorTest {
    private static final Supervisor.Backoff FAST = new Supervisor.Backoff(Duration.ofMillis(100),
            Duration.ofMillis(400), Duration.ofSeconds(60));

    @Test
    void aServiceKilledWithSigkillIsStartedAgainAndTheOutputSaysSo() throws Exception {
        List<String> out = new CopyOnWriteArrayList<>();
        Child child = new Child("order-status-service", "sleep", "300");
        child.restart();
        try (Supervisor supervisor = new Supervisor(FAST, Duration.ofSeconds(30), out::add)) {
            supervisor.watch(child);
            long first = child.process().orElseThrow().pid();

            child.process().orElseThrow().destroyForcibly();

            assertTrue(Ports.await(Duration.ofSeconds(30), Duration.ofMillis(50),
                    () -> out.stream().anyMatch(l -> l.contains("is ready again"))), "no restart reported: " + out);
            Process second = child.process().orElseThrow();
            assertTrue(second.isAlive(), "the restarted process runs");
            assertNotEquals(first, second.pid());
            assertEquals(List.of(
                    "[devstack] order-status-service (pid " + first + ") exited with code 137 (killed); restarting in 0.1 s (restart 1)",
                    "[devstack] order-status-service restarted (pid " + second.pid() + ", restart 1)"),
                    out.subList(0, 2));
            assertTrue(out.get(2).startsWith("[devstack] order-status-service is ready again (pid " + second.pid() + ")"),
                    out.get(2));
            assertEquals(1, supervisor.restarts().get("order-status-service"));
        } finally {
            child.process().ifPresent(Process::destroyForcibly);
        }
    }

    @Test
    void aServiceThatKeepsDyingWaitsTwiceAsLongEachTimeUpToTheLongestDelay() throws Exception {
        List<Supervisor.Event> exits = new CopyOnWriteArrayList<>();
        Child child = new Child("returns-service", "sh", "-c", "exit 3");
        child.restart();
        try (Supervisor supervisor = new Supervisor(FAST, Duration.ofSeconds(30), line -> { })) {
            supervisor.onEvent(e -> {
                if (e.kind() == Supervisor.Event.Kind.EXITED) {
                    exits.add(e);
                }
            });
            supervisor.watch(child);
            assertTrue(Ports.await(Duration.ofSeconds(60), Duration.ofMillis(50), () -> exits.size() >= 5),
                    "exits seen: " + exits);
        }
        assertEquals(List.of(100L, 200L, 400L, 400L, 400L),
                exits.subList(0, 5).stream().map(e -> e.delay().toMillis()).toList(), "delays before each restart");
        assertEquals(3, exits.get(0).exitCode());
    }

    @Test
    void nothingIsRestartedOnceTheSupervisorIsClosed() throws Exception {
        List<String> out = new CopyOnWriteArrayList<>();
        Child child = new Child("ticket-service", "sleep", "300");
        child.restart();
        Process only = child.process().orElseThrow();
        Supervisor supervisor = new Supervisor(FAST, Duration.ofSeconds(30), out::add);
        supervisor.watch(child);
        supervisor.close();

        only.destroyForcibly().waitFor();

        assertFalse(Ports.await(Duration.ofSeconds(1), Duration.ofMillis(50), () -> child.process().orElseThrow() != only),
                "a process that ends while the stack stops is left alone");
        assertEquals(List.of(), out);
    }

    /** A child process standing in for a service: ready as soon as it runs. */
    private static final class Child implements Supervised {
        private final String name;
        private final String[] command;
        private volatile Process process;

        Child(String name, String... command) {
            this.name = name;
            this.command = command;
        }

        @Override
        public String name() {
            return name;
        }

        @Override
        public Optional<Process> process() {
            return Optional.ofNullable(process);
        }

        @Override
        public void restart() {
            try {
                process = new ProcessBuilder(command).start();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        @Override
        public void awaitReady(Duration timeout) {
            if (!process.isAlive()) {
                throw new StackException(name + " exited during start-up");
            }
        }
    }
}
