package io.postventa.devstack;

import java.io.File;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Gives a test JVM the shared test stack of the current Maven run: the first test JVM starts it
 * (in its own process, from the devstack classpath) and every later one reuses it. The stack
 * watches the Maven process and stops when the build ends, so it is started once per run, not once
 * per module or test class. Uses no optional dependency, so it runs on any test classpath.
 */
public final class TestStackLauncher {
    private TestStackLauncher() {
    }

    /** The running test stack, started if needed. */
    public static synchronized StackState ensureStarted(Path root) {
        StackSettings settings = StackSettings.test(root);
        Path stateFile = settings.dir().resolve("stack.properties");
        Path lockFile = settings.dir().resolveSibling("test-stack.lock");
        try {
            Files.createDirectories(lockFile.getParent());
            try (FileChannel channel = FileChannel.open(lockFile, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
                 FileLock ignored = channel.lock()) {
                Optional<StackState> running = StackState.read(stateFile).filter(StackState::alive);
                if (running.isPresent()) {
                    return running.get();
                }
                return spawn(root, stateFile, settings.dir().resolveSibling("test-stack.log"));
            }
        } catch (IOException e) {
            throw new StackException("cannot start the test stack: " + e.getMessage(), e);
        }
    }

    private static StackState spawn(Path root, Path stateFile, Path log) throws IOException {
        long owner = buildProcess();
        List<String> command = new ArrayList<>();
        command.add(Classpath.javaExecutable());
        command.addAll(List.of("-Xmx256m", "-XX:+UseSerialGC", "-cp", Classpath.devstack(), StackMain.class.getName(),
                "--profile", "test", "--root", root.toString(), "--watch-pid", Long.toString(owner)));
        Files.deleteIfExists(stateFile);
        Process process = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()))
                .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")))
                .start();
        boolean ready = Ports.await(Duration.ofSeconds(150), Duration.ofMillis(200), () ->
                !process.isAlive() || StackState.read(stateFile).filter(s -> s.pid() == process.pid()).isPresent());
        Optional<StackState> state = StackState.read(stateFile).filter(s -> s.pid() == process.pid());
        if (!ready || state.isEmpty()) {
            process.destroy();
            throw new StackException("the test stack did not start; " + lastLines(log));
        }
        return state.get();
    }

    /**
     * The Maven JVM running this build (an ancestor whose command line runs plexus-classworlds);
     * without one (an IDE), this JVM, so the stack ends with it.
     */
    static long buildProcess() {
        Optional<ProcessHandle> ancestor = ProcessHandle.current().parent();
        while (ancestor.isPresent()) {
            ProcessHandle p = ancestor.get();
            String commandLine = p.info().commandLine().orElse("");
            if (commandLine.contains("classworlds")) {
                return p.pid();
            }
            ancestor = p.parent();
        }
        return ProcessHandle.current().pid();
    }

    private static String lastLines(Path log) {
        try {
            List<String> lines = Files.readAllLines(log, StandardCharsets.UTF_8);
            return String.join(System.lineSeparator(), lines.subList(Math.max(0, lines.size() - 5), lines.size()));
        } catch (IOException e) {
            return "see " + log;
        }
    }
}
