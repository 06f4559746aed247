package io.postventa.systemtests;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

import io.postventa.devstack.ConsoleProcess;
import io.postventa.devstack.DevSeed;
import io.postventa.devstack.PlatformService;

/**
 * The staff console for the browser tests: the seeded people of devstack's dev-users.json put into ticket-service
 * (as `./postventa up` does), then the console's packaged jar started once per test JVM against the platform, as
 * `./postventa up` starts it. It stops when the JVM ends.
 */
public final class Console {
    private static final Duration START_TIMEOUT =
            Duration.parse(System.getProperty("postventa.system-tests.start-timeout", "PT10M"));
    private static Console instance;

    private final ConsoleProcess process;

    private Console(Platform platform) {
        System.out.println("[system-tests] seeded " + DevSeed.seed(PlatformService.TICKET.url()));
        Path keys = platform.logs().getParent().resolve("console-keys");
        process = new ConsoleProcess(io.postventa.testing.TestStack.projectRoot(), platform.logs());
        Runtime.getRuntime().addShutdownHook(new Thread(process::close, "system-tests-stop-console"));
        // the tests read English pages and time them in UTC; a short refresh shows the inbox keeping up
        process.start(keys, Map.of("quarkus.log.console.json.enabled", "false", "console.time-zone", "UTC"));
        process.awaitReady(START_TIMEOUT);
    }

    /** The running console, started on first use (after the platform). */
    public static synchronized Console get(Platform platform) {
        if (instance == null) {
            instance = new Console(platform);
        }
        return instance;
    }

    public String url(String path) {
        return ConsoleProcess.url() + path;
    }

    public Path log() {
        return process.log();
    }
}
