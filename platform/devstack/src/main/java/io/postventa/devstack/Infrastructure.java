package io.postventa.devstack;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

/** Kafka, PostgreSQL and the mail server (SMTP and IMAP) of the local stack, started together and stopped in reverse. */
public final class Infrastructure implements AutoCloseable {
    private final StackSettings settings;
    private KafkaBroker kafka;
    private PostgresServer postgres;
    private SmtpServer smtp;

    public Infrastructure(StackSettings settings) {
        this.settings = settings;
    }

    /** Starts everything (Kafka and PostgreSQL in parallel) and returns how to reach it. */
    public StackState start() {
        Path dir = settings.dir();
        if (settings.cleanStart()) {
            Dirs.deleteRecursively(dir.resolve("kafka"));
            Dirs.deleteRecursively(dir.resolve("postgres").resolve("data"));
            Dirs.deleteRecursively(dir.resolve("mail"));
        }
        Dirs.writable(dir, "The local stack");
        kafka = new KafkaBroker(settings.kafkaPort(), settings.kafkaControllerPort(), dir.resolve("kafka"),
                settings.kafkaHeap());
        CompletableFuture<KafkaBroker> kafkaReady =
                CompletableFuture.supplyAsync(() -> kafka.start(Duration.ofSeconds(Long.parseLong(StackSettings.setting("POSTVENTA_KAFKA_START_TIMEOUT", "90")))));
        String jdbcPrefix;
        try {
            if (settings.externalPostgresUrl() == null) {
                postgres = new PostgresServer(settings.postgresPort(), dir.resolve("postgres"), settings.cleanStart())
                        .start(settings.databases());
                jdbcPrefix = "jdbc:postgresql://127.0.0.1:" + settings.postgresPort() + "/";
            } else {
                jdbcPrefix = settings.externalPostgresUrl().endsWith("/")
                        ? settings.externalPostgresUrl() : settings.externalPostgresUrl() + "/";
            }
            smtp = new SmtpServer(settings.smtpPort(), settings.imapPort(), dir.resolve("mail")).start();
            kafkaReady.join();
            kafka.createContractTopics();
        } catch (CompletionException e) {
            close();
            throw e.getCause() instanceof StackException se ? se : new StackException(e.getCause().toString(), e);
        } catch (RuntimeException e) {
            kafkaReady.handle((k, t) -> null).join();
            close();
            throw e;
        }
        return new StackState(ProcessHandle.current().pid(), kafka.bootstrapServers(), jdbcPrefix,
                settings.postgresUser(), settings.postgresPassword(), settings.smtpPort(), settings.imapPort(), writePublicKey(dir));
    }

    /** The development JWT public key as a file the services can be pointed at. */
    private static Path writePublicKey(Path dir) {
        Path file = dir.resolve("dev-keys").resolve("jwt-public.pem");
        try {
            Files.createDirectories(file.getParent());
            Files.writeString(file, DevTokens.publicKeyPem(), StandardCharsets.US_ASCII);
        } catch (IOException e) {
            throw new StackException("cannot write " + file + ": " + e.getMessage(), e);
        }
        return file;
    }

    @Override
    public void close() {
        if (smtp != null) {
            smtp.close();
            smtp = null;
        }
        if (kafka != null) {
            kafka.close();
            kafka = null;
        }
        if (postgres != null) {
            postgres.close();
            postgres = null;
        }
    }
}
