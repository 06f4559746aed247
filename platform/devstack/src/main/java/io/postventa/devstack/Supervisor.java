package io.postventa.devstack;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * Restarts a supervised process that exits (a crash, an out-of-memory exit, SIGKILL) the way Kubernetes restarts a
 * pod's container: after a back-off that starts at {@link Backoff#initial()} and doubles with each exit up to
 * {@link Backoff#max()}, and starts again from the initial delay once a process has run for
 * {@link Backoff#resetAfter()}. Each exit, restart and return to readiness is reported (one line each) to the
 * given output and to the listeners. Processes that end after {@link #close()} are left alone: closing is the first
 * step of stopping a stack.
 */
public final class Supervisor implements AutoCloseable {

    /** The restart delays: the first, the longest, and how long a process must run before the delay starts over. */
    public record Backoff(Duration initial, Duration max, Duration resetAfter) {
        /** Kubernetes' scheme with delays that suit a local stack: 1 s, 2 s, 4 s ... 60 s; reset after 60 s up. */
        public static final Backoff LOCAL = new Backoff(Duration.ofSeconds(1), Duration.ofSeconds(60),
                Duration.ofSeconds(60));
    }

    /** What happened to a supervised process: it exited, was started again, or became ready again. */
    public record Event(Kind kind, String name, long pid, int exitCode, int restart, Duration delay, Instant at) {
        public enum Kind { EXITED, RESTARTED, READY, NOT_READY }
    }

    private final Backoff backoff;
    private final Duration readyTimeout;
    private final Consumer<String> out;
    private final List<Consumer<Event>> listeners = new CopyOnWriteArrayList<>();
    private final ScheduledExecutorService scheduler = Executors.newScheduledThreadPool(2, r -> {
        Thread t = new Thread(r, "devstack-supervisor");
        t.setDaemon(true);
        return t;
    });
    private final Map<Supervised, State> states = new HashMap<>();
    private volatile boolean closed;

    /** The restarts of one supervised process so far. */
    private static final class State {
        int restarts;
        Duration nextDelay;
        Instant startedAt = Instant.now();
    }

    /**
     * @param readyTimeout how long a restarted process may take to become ready before it is killed (and restarted
     *                     after the next delay)
     * @param out          where the one-line reports go (e.g. {@code System.out::println})
     */
    public Supervisor(Backoff backoff, Duration readyTimeout, Consumer<String> out) {
        this.backoff = backoff;
        this.readyTimeout = readyTimeout;
        this.out = out;
    }

    /** Also tells {@code listener} of every exit, restart and return to readiness. */
    public Supervisor onEvent(Consumer<Event> listener) {
        listeners.add(listener);
        return this;
    }

    /** Watches an already started process from now on. */
    public void watch(Supervised supervised) {
        Process process = supervised.process()
                .orElseThrow(() -> new IllegalStateException(supervised.name() + " has not been started"));
        synchronized (states) {
            State state = new State();
            state.nextDelay = backoff.initial();
            states.put(supervised, state);
        }
        watchExit(supervised, process);
    }

    /** How often each process was restarted so far, by name. */
    public Map<String, Integer> restarts() {
        Map<String, Integer> out = new HashMap<>();
        synchronized (states) {
            states.forEach((s, state) -> out.put(s.name(), state.restarts));
        }
        return out;
    }

    private void watchExit(Supervised supervised, Process process) {
        process.onExit().thenAccept(exited -> exited(supervised, exited));
    }

    private void exited(Supervised supervised, Process exited) {
        if (closed || supervised.process().filter(p -> p == exited).isEmpty()) {
            return; // stopping, or an old process that a restart already replaced
        }
        Duration delay;
        int restart;
        synchronized (states) {
            State state = states.get(supervised);
            if (Duration.between(state.startedAt, Instant.now()).compareTo(backoff.resetAfter()) >= 0) {
                state.nextDelay = backoff.initial();
            }
            delay = state.nextDelay;
            state.nextDelay = min(state.nextDelay.multipliedBy(2), backoff.max());
            restart = ++state.restarts;
        }
        int code = exited.exitValue();
        report(new Event(Event.Kind.EXITED, supervised.name(), exited.pid(), code, restart, delay, Instant.now()),
                String.format("[devstack] %s (pid %d) exited with code %d%s; restarting in %s (restart %d)",
                        supervised.name(), exited.pid(), code, code == 137 ? " (killed)" : "", seconds(delay), restart));
        try {
            scheduler.schedule(() -> restart(supervised, restart, delay), delay.toMillis(), TimeUnit.MILLISECONDS);
        } catch (RejectedExecutionException e) {
            // closed meanwhile
        }
    }

    private void restart(Supervised supervised, int restart, Duration delay) {
        if (closed) {
            return;
        }
        Instant started = Instant.now();
        Process process;
        try {
            synchronized (this) {
                if (closed) {
                    return;
                }
                supervised.restart();
            }
            process = supervised.process().orElseThrow();
        } catch (RuntimeException e) {
            out.accept("[devstack] " + supervised.name() + " could not be started again: " + e.getMessage());
            scheduleAgain(supervised);
            return;
        }
        synchronized (states) {
            states.get(supervised).startedAt = started;
        }
        report(new Event(Event.Kind.RESTARTED, supervised.name(), process.pid(), 0, restart, delay, started),
                String.format("[devstack] %s restarted (pid %d, restart %d)", supervised.name(), process.pid(), restart));
        watchExit(supervised, process);
        try {
            supervised.awaitReady(readyTimeout);
            double took = Duration.between(started, Instant.now()).toMillis() / 1000.0;
            report(new Event(Event.Kind.READY, supervised.name(), process.pid(), 0, restart, delay, Instant.now()),
                    String.format("[devstack] %s is ready again (pid %d) %.1f s after its restart", supervised.name(),
                            process.pid(), took));
        } catch (RuntimeException e) {
            if (closed) {
                return;
            }
            report(new Event(Event.Kind.NOT_READY, supervised.name(), process.pid(), 0, restart, delay, Instant.now()),
                    "[devstack] " + supervised.name() + " did not become ready after its restart: " + e.getMessage());
            if (process.isAlive()) {
                // not ready in time: treated as a crash (its exit is handled like any other)
                process.destroyForcibly();
            }
        }
    }

    private void scheduleAgain(Supervised supervised) {
        Duration delay;
        int restart;
        synchronized (states) {
            State state = states.get(supervised);
            delay = state.nextDelay;
            state.nextDelay = min(state.nextDelay.multipliedBy(2), backoff.max());
            restart = ++state.restarts;
        }
        try {
            scheduler.schedule(() -> restart(supervised, restart, delay), delay.toMillis(), TimeUnit.MILLISECONDS);
        } catch (RejectedExecutionException e) {
            // closed meanwhile
        }
    }

    private void report(Event event, String line) {
        out.accept(line);
        for (Consumer<Event> listener : listeners) {
            try {
                listener.accept(event);
            } catch (RuntimeException e) {
                out.accept("[devstack] a supervisor listener failed: " + e);
            }
        }
    }

    private static Duration min(Duration a, Duration b) {
        return a.compareTo(b) <= 0 ? a : b;
    }

    private static String seconds(Duration d) {
        return d.toMillis() % 1000 == 0 ? d.toSeconds() + " s" : String.format("%.1f s", d.toMillis() / 1000.0);
    }

    /** Stops supervising: nothing is restarted from now on, and a restart under way finishes or is abandoned. */
    @Override
    public void close() {
        closed = true;
        synchronized (this) {
            scheduler.shutdownNow();
        }
        try {
            scheduler.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
