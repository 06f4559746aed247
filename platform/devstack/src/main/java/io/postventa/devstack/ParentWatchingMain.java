package io.postventa.devstack;

import java.lang.reflect.Method;
import java.util.Arrays;

/**
 * Runs another main class and halts the JVM when a given process dies, so a child process (the
 * Kafka broker) never outlives the stack that started it, even when that stack is killed with
 * SIGKILL and cannot run its shutdown hooks.
 *
 * <p>Usage: {@code ParentWatchingMain <pid-to-watch> <main-class> [args...]}.
 */
public final class ParentWatchingMain {
    private ParentWatchingMain() {
    }

    public static void main(String[] args) throws Exception {
        long watched = Long.parseLong(args[0]);
        Thread watcher = new Thread(() -> {
            while (ProcessHandle.of(watched).map(ProcessHandle::isAlive).orElse(false)) {
                try {
                    Thread.sleep(500);
                } catch (InterruptedException e) {
                    return;
                }
            }
            System.err.println("[devstack] parent process " + watched + " is gone; stopping");
            // exit runs the shutdown hooks (Kafka's controlled shutdown); halt if that hangs.
            Thread halter = new Thread(() -> {
                try {
                    Thread.sleep(15_000);
                } catch (InterruptedException ignored) {
                    // fall through to halt
                }
                Runtime.getRuntime().halt(1);
            }, "parent-watch-halter");
            halter.setDaemon(true);
            halter.start();
            System.exit(0);
        }, "parent-watch");
        watcher.setDaemon(true);
        watcher.start();
        Method main = Class.forName(args[1]).getMethod("main", String[].class);
        main.invoke(null, (Object) Arrays.copyOfRange(args, 2, args.length));
    }
}
