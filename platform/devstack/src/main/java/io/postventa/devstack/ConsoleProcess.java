package io.postventa.devstack;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
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
import java.util.concurrent.TimeUnit;

/**
 * The staff console run from its packaged jar as a child process of the stack, in its {@code devstack} profile:
 * the development sign-in over the seeded users of {@code dev-users.json}, tokens signed with the development key,
 * the five services at the stack's ports. Port {@code POSTVENTA_CONSOLE_PORT} (8086).
 */
public final class ConsoleProcess implements AutoCloseable {
    /** The console's Maven module, which is also its directory. */
    public static final String MODULE = "console";
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();

    private final Path root;
    private final Path log;
    private Process process;

    public ConsoleProcess(Path root, Path logDir) {
        this.root = root;
        this.log = logDir.resolve(MODULE + ".log");
    }

    public static int port() {
        return Integer.parseInt(StackSettings.setting("POSTVENTA_CONSOLE_PORT", "8086"));
    }

    public static String url() {
        return "http://127.0.0.1:" + port();
    }

    public static Path runnerJar(Path root) {
        return root.resolve(MODULE).resolve("target").resolve("quarkus-app").resolve("quarkus-run.jar");
    }

    public Path log() {
        return log;
    }

    /**
     * Starts the console; {@code keyDir} receives the development private key and the users file it reads
     * (the stack's data directory). Extra settings win over the defaults. Returns at once (see {@link #awaitReady}).
     */
    public void start(Path keyDir, Map<String, String> settings) {
        Path jar = runnerJar(root);
        if (!Files.exists(jar)) {
            throw new StackException("the console is not built: " + jar + " is missing (run ./mvnw package -DskipTests)");
        }
        Ports.requireFree(port(), MODULE);
        Map<String, String> p = new LinkedHashMap<>();
        p.put("quarkus.profile", "devstack");
        p.put("quarkus.http.port", Integer.toString(port()));
        p.put("quarkus.rest-client.order-status.url", PlatformService.ORDER_STATUS.url());
        p.put("quarkus.rest-client.returns.url", PlatformService.RETURNS.url());
        p.put("quarkus.rest-client.ticket.url", PlatformService.TICKET.url());
        p.put("quarkus.rest-client.notification.url", PlatformService.NOTIFICATION.url());
        p.put("quarkus.rest-client.feedback.url", PlatformService.FEEDBACK.url());
        p.put("console.feedback-dashboard-url", PlatformService.FEEDBACK.url() + "/dashboard");
        p.put("console.dev-sign-in.private-key-location", "file:" + copy("dev-keys/jwt-private.pem", keyDir));
        p.put("console.dev-sign-in.users-file", copy(DevSeed.USERS_RESOURCE, keyDir).toString());
        p.putAll(settings);
        List<String> command = new ArrayList<>();
        command.add(Classpath.javaExecutable());
        command.addAll(ServiceProcess.jvmOptions());
        p.forEach((key, value) -> command.add("-D" + key + "=" + value));
        command.add("-cp");
        command.add(jar + File.pathSeparator + Classpath.ownLocation());
        command.add(ParentWatchingMain.class.getName());
        command.add(Long.toString(ProcessHandle.current().pid()));
        command.add("io.quarkus.bootstrap.runner.QuarkusEntryPoint");
        try {
            Files.createDirectories(log.getParent());
            ProcessBuilder builder = new ProcessBuilder(command);
            builder.environment().putIfAbsent("MALLOC_ARENA_MAX", ServiceProcess.MALLOC_ARENA_MAX);
            process = builder.directory(jar.getParent().toFile()).redirectErrorStream(true)
                    .redirectOutput(log.toFile()).redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")))
                    .start();
        } catch (IOException e) {
            throw new StackException("the console cannot start: " + e.getMessage(), e);
        }
    }

    /** Copies a classpath resource of devstack to {@code dir} (owner-readable only for the key). */
    private static Path copy(String resource, Path dir) {
        Path file = dir.resolve(Path.of(resource).getFileName().toString());
        try (InputStream in = ConsoleProcess.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new StackException(resource + " is not on devstack's classpath");
            }
            Files.createDirectories(dir);
            Files.copy(in, file, StandardCopyOption.REPLACE_EXISTING);
            return file.toAbsolutePath();
        } catch (IOException e) {
            throw new StackException("cannot write " + file + ": " + e.getMessage(), e);
        }
    }

    /** Waits until /q/health/ready answers 200; fails fast if the process exits. */
    public void awaitReady(Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        HttpRequest ready = HttpRequest.newBuilder(URI.create(url() + "/q/health/ready")).timeout(Duration.ofSeconds(2)).build();
        while (true) {
            if (!process.isAlive()) {
                throw new StackException("the console exited with code " + process.exitValue() + " during start-up; see "
                        + log + KafkaBroker.lastErrorLine(log));
            }
            try {
                if (HTTP.send(ready, HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                    return;
                }
            } catch (IOException e) {
                // not listening yet
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new StackException("interrupted while waiting for the console");
            }
            if (System.nanoTime() > deadline) {
                throw new StackException("the console was not ready within " + timeout.toSeconds() + " s; see " + log);
            }
            try {
                Thread.sleep(250);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new StackException("interrupted while waiting for the console");
            }
        }
    }

    public boolean isAlive() {
        return process != null && process.isAlive();
    }

    @Override
    public void close() {
        if (process == null || !process.isAlive()) {
            return;
        }
        process.destroy();
        try {
            if (!process.waitFor(20, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                process.waitFor(5, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }
}
