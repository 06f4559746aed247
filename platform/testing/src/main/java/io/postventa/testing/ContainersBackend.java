package io.postventa.testing;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;

import org.testcontainers.kafka.KafkaContainer;
import org.testcontainers.postgresql.PostgreSQLContainer;

import io.postventa.devstack.DevTokens;
import io.postventa.devstack.StackSettings;

/** Testcontainers backend for hosts with a Docker engine (opt-in: -Dpostventa.infra=containers). */
final class ContainersBackend {
    private ContainersBackend() {
    }

    @SuppressWarnings("resource") // stopped by Testcontainers' Ryuk when the JVM ends
    static StackInfo start() {
        KafkaContainer kafka = new KafkaContainer("apache/kafka:4.1.2");
        PostgreSQLContainer postgres = new PostgreSQLContainer("postgres:17")
                .withUsername("postventa")
                .withPassword("postventa")
                .withDatabaseName("postgres")
                .withCommand("postgres", "-c", "wal_level=logical", "-c", "max_wal_senders=20",
                        "-c", "max_replication_slots=20", "-c", "max_connections=300");
        kafka.start();
        postgres.start();
        String prefix = "jdbc:postgresql://" + postgres.getHost() + ":" + postgres.getMappedPort(5432) + "/";
        try (Connection c = DriverManager.getConnection(prefix + "postgres", "postventa", "postventa");
             Statement s = c.createStatement()) {
            for (String db : databases()) {
                s.execute("create database " + db);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot create the service databases in the PostgreSQL container", e);
        }
        try {
            Path key = Files.createTempFile("postventa-jwt-public", ".pem");
            Files.writeString(key, DevTokens.publicKeyPem(), StandardCharsets.US_ASCII);
            return new StackInfo(kafka.getBootstrapServers(), prefix, "postventa", "postventa", "127.0.0.1", -1,
                    key.toUri().toString());
        } catch (java.io.IOException e) {
            throw new IllegalStateException("cannot write the development public key", e);
        }
    }

    private static List<String> databases() {
        return StackSettings.test(TestStack.projectRoot()).databases();
    }
}
