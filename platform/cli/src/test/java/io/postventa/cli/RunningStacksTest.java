package io.postventa.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

import io.postventa.devstack.Classpath;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** How `./postventa down` finds the stacks `up` started from a checkout, wherever their data went. Starts no stack. */
class RunningStacksTest {

    @Test
    void aStackWhoseDataIsElsewhereIsFoundFromTheCheckoutAndStopped(@TempDir Path checkout, @TempDir Path elsewhere)
            throws Exception {
        Process stack = new ProcessBuilder(Classpath.javaExecutable(), "-cp", System.getProperty("java.class.path"),
                SleepingMain.class.getName()).start();
        try {
            Path record = RunningStacks.dir(checkout).resolve(stack.pid() + ".properties");
            Files.createDirectories(record.getParent());
            Files.writeString(record, "pid=" + stack.pid() + "\nstarted="
                    + stack.toHandle().info().startInstant().orElseThrow() + "\ndata.dir=" + elsewhere + "\n",
                    StandardCharsets.UTF_8);

            List<RunningStacks.Running> found = RunningStacks.alive(checkout);
            assertEquals(1, found.size(), "the stack recorded by its checkout: " + found);
            assertEquals(stack.pid(), found.get(0).pid());
            assertEquals(elsewhere, found.get(0).dataDir());

            assertTrue(RunningStacks.stop(found.get(0), Duration.ofSeconds(30)), "the stack stops on SIGTERM");
            // stop() sees the process gone once it has exited; this Process learns it when its reaper thread has
            // collected the exit status, a moment later (isAlive() right away was true in one CI run)
            assertTrue(stack.waitFor(30, TimeUnit.SECONDS), "the stack's process has ended");
            assertEquals(List.of(), RunningStacks.alive(checkout));
            assertFalse(Files.exists(record), "the record of a stopped stack is removed");
        } finally {
            stack.destroyForcibly();
        }
    }

    @Test
    void theRecordOfThisProcessIsFoundAndOneWhosePidWasTakenSinceIsNot(@TempDir Path checkout, @TempDir Path data)
            throws Exception {
        Path mine = RunningStacks.record(checkout, data);
        assertEquals(List.of(ProcessHandle.current().pid()),
                RunningStacks.alive(checkout).stream().map(RunningStacks.Running::pid).toList());
        Files.delete(mine);

        // The same pid, but a process that started at another time: a killed stack's pid now used by another program.
        Path reused = RunningStacks.dir(checkout).resolve(ProcessHandle.current().pid() + ".properties");
        Files.writeString(reused, "pid=" + ProcessHandle.current().pid() + "\nstarted=2001-01-01T00:00:00Z\ndata.dir="
                + data + "\n", StandardCharsets.UTF_8);
        assertEquals(List.of(), RunningStacks.alive(checkout));
        assertFalse(Files.exists(reused), "a record that names another process is removed");
    }

    /** Stands in for a stack: runs until it is told to stop. */
    public static final class SleepingMain {
        public static void main(String[] args) throws InterruptedException {
            Thread.sleep(Duration.ofMinutes(5).toMillis());
        }
    }
}
