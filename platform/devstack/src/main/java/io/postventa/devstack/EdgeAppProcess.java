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
 * A web app at the platform's edge (the staff console, the customer portal) run from its packaged jar as a child
 * process of the stack, in its {@code devstack} profile, calling the five services at the stack's ports. Each app
 * adds its own settings ({@link #settings(Path)}); settings given to {@link #start} win over them.
 */
public abstract class EdgeAppProcess implements AutoCloseable {
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();

    private final String module;
    private final Path root;
    private final Path log;
    private Process process;

    protected EdgeAppProcess(String module, Path root, Path logDir) {
        this.module = module;
        this.root = root;
        this.log = logDir.resolve(module + ".log");
    }

    /** The port the app listens on. */
    protected abstract int appPort();

    /** The app's own settings on top of the services' URLs; {@code keyDir} receives files it must read. */
    protected abstract Map<String, String> settings(Path keyDir);

    public Path log() {
        return log;
    }

    private String appUrl() {
        return "http://127.0.0.1:" + appPort();
    }

    /** Starts the app; returns at once (see {@link #awaitReady}). */
    public void start(Path keyDir, Map<String, String> extra) {
        Path jar = root.resolve(module).resolve("target").resolve("quarkus-app").resolve("quarkus-run.jar");
        if (!Files.exists(jar)) {
            throw new StackException("the " + module + " is not built: " + jar + " is missing (run ./mvnw package -DskipTests)");
        }
        Ports.requireFree(appPort(), module);
        Map<String, String> p = new LinkedHashMap<>();
        p.put("quarkus.profile", "devstack");
        p.put("quarkus.http.port", Integer.toString(appPort()));
        p.put("quarkus.rest-client.order-status.url", PlatformService.ORDER_STATUS.url());
        p.put("quarkus.rest-client.returns.url", PlatformService.RETURNS.url());
        p.put("quarkus.rest-client.ticket.url", PlatformService.TICKET.url());
        p.put("quarkus.rest-client.notification.url", PlatformService.NOTIFICATION.url());
        p.put("quarkus.rest-client.feedback.url", PlatformService.FEEDBACK.url());
        p.putAll(settings(keyDir));
        p.putAll(extra);
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
            throw new StackException("the " + module + " cannot start: " + e.getMessage(), e);
        }
    }

    /** Copies a classpath resource of devstack to {@code dir}. */
    protected static Path copy(String resource, Path dir) {
        Path file = dir.resolve(Path.of(resource).getFileName().toString());
        try (InputStream in = EdgeAppProcess.class.getClassLoader().getResourceAsStream(resource)) {
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
        HttpRequest ready = HttpRequest.newBuilder(URI.create(appUrl() + "/q/health/ready")).timeout(Duration.ofSeconds(2)).build();
        while (true) {
            if (!process.isAlive()) {
                throw new StackException("the " + module + " exited with code " + process.exitValue() + " during start-up; see "
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
                throw new StackException("interrupted while waiting for the " + module);
            }
            if (System.nanoTime() > deadline) {
                throw new StackException("the " + module + " was not ready within " + timeout.toSeconds() + " s; see " + log);
            }
            try {
                Thread.sleep(250);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new StackException("interrupted while waiting for the " + module);
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
