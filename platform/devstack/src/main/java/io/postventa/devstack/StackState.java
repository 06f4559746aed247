package io.postventa.devstack;

import java.io.IOException;
import java.io.Reader;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Optional;
import java.util.Properties;

/**
 * What a running stack tells the processes that use it: how to reach Kafka, PostgreSQL, SMTP and IMAP,
 * and which process owns it. Written atomically once everything is ready.
 */
public record StackState(
        long pid,
        String kafkaBootstrapServers,
        String postgresJdbcPrefix,
        String postgresUser,
        String postgresPassword,
        int smtpPort,
        int imapPort,
        Path jwtPublicKey) {

    /** A stack without an IMAP server (as before it served one). */
    public StackState(long pid, String kafkaBootstrapServers, String postgresJdbcPrefix, String postgresUser,
            String postgresPassword, int smtpPort, Path jwtPublicKey) {
        this(pid, kafkaBootstrapServers, postgresJdbcPrefix, postgresUser, postgresPassword, smtpPort, -1, jwtPublicKey);
    }

    /** JDBC URL of one database of the stack. */
    public String jdbcUrl(String database) {
        return postgresJdbcPrefix + database;
    }

    /** True while the owning process is alive. */
    public boolean alive() {
        return ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false);
    }

    public void write(Path file) {
        Properties p = new Properties();
        p.setProperty("pid", Long.toString(pid));
        p.setProperty("kafka.bootstrap.servers", kafkaBootstrapServers);
        p.setProperty("postgres.jdbc.prefix", postgresJdbcPrefix);
        p.setProperty("postgres.user", postgresUser);
        p.setProperty("postgres.password", postgresPassword);
        p.setProperty("smtp.port", Integer.toString(smtpPort));
        p.setProperty("imap.port", Integer.toString(imapPort));
        p.setProperty("jwt.public.key", jwtPublicKey.toString());
        Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
        try (Writer w = Files.newBufferedWriter(tmp, StandardCharsets.UTF_8)) {
            p.store(w, "Postventa local stack; written when every component is ready");
            w.close();
            Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new StackException("cannot write the stack state " + file + ": " + e.getMessage(), e);
        }
    }

    /** The state in {@code file}, if the file exists and is complete. */
    public static Optional<StackState> read(Path file) {
        if (!Files.exists(file)) {
            return Optional.empty();
        }
        Properties p = new Properties();
        try (Reader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            p.load(r);
            return Optional.of(new StackState(
                    Long.parseLong(p.getProperty("pid")),
                    p.getProperty("kafka.bootstrap.servers"),
                    p.getProperty("postgres.jdbc.prefix"),
                    p.getProperty("postgres.user"),
                    p.getProperty("postgres.password"),
                    Integer.parseInt(p.getProperty("smtp.port")),
                    Integer.parseInt(p.getProperty("imap.port", "-1")),
                    Path.of(p.getProperty("jwt.public.key"))));
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }
}
