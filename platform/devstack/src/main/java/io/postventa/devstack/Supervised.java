package io.postventa.devstack;

import java.time.Duration;
import java.util.Optional;

/** A child process the {@link Supervisor} keeps running: it can be started again and says when it is ready. */
public interface Supervised {

    /** The name the supervisor reports it under (a service's name). */
    String name();

    /** The current process; empty before the first start. */
    Optional<Process> process();

    /** Starts a new process with the settings of the first start; returns at once. */
    void restart();

    /** Waits until the new process is ready; throws when it exits first or {@code timeout} passes. */
    void awaitReady(Duration timeout);
}
