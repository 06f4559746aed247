package io.postventa.messaging.outbox;

import java.io.File;
import java.io.IOException;
import java.util.List;
import java.util.concurrent.CountDownLatch;

/** A relay in its own JVM, so a test can kill it with SIGKILL the way a crashed pod dies. */
final class RelayProcess {
    private RelayProcess() {
    }

    /** Entry point of the child JVM: jdbcUrl user password slot bootstrapServers serviceName. */
    public static void main(String[] args) throws InterruptedException {
        RelaySettings settings = RelaySettings.of(args[5], args[0], args[1], args[2], args[3], args[4]);
        new OutboxRelay(settings).start();
        new CountDownLatch(1).await();
    }

    static Process start(RelaySettings s, File log) throws IOException {
        String java = ProcessHandle.current().info().command().orElse("java");
        return new ProcessBuilder(List.of(java, "-Xmx256m",
                // As in a service: outside Quarkus its log initializer would format every trace message.
                "-Dlogging.initial-configurator.min-level=INFO", "-cp", System.getProperty("java.class.path"),
                RelayProcess.class.getName(), s.jdbcUrl(), s.user(), s.password(), s.slotName(),
                s.kafkaBootstrapServers(), s.serviceName()))
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log))
                .start();
    }
}
