package io.postventa.messaging.outbox;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.UUID;

import io.postventa.testing.StackInfo;
import io.postventa.testing.TestStack;

/** A fresh database on the shared test PostgreSQL with the outbox migrations applied, as a service would have. */
final class OutboxDatabase {
    final String name;
    final String jdbcUrl;
    final String slot;
    private final StackInfo stack;

    private OutboxDatabase(StackInfo stack, String name) {
        this.stack = stack;
        this.name = name;
        this.jdbcUrl = stack.jdbcUrl(name);
        this.slot = name + "_slot";
    }

    static OutboxDatabase create() throws SQLException {
        StackInfo stack = TestStack.get();
        String name = "outbox_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        try (Connection c = DriverManager.getConnection(stack.jdbcUrl("platform_test"), stack.postgresUser(),
                stack.postgresPassword()); Statement s = c.createStatement()) {
            s.execute("create database " + name);
        }
        OutboxDatabase db = new OutboxDatabase(stack, name);
        try (Connection c = db.connect()) {
            OutboxSchema.install(c, db.slot);
        }
        return db;
    }

    Connection connect() throws SQLException {
        return DriverManager.getConnection(jdbcUrl, stack.postgresUser(), stack.postgresPassword());
    }

    RelaySettings relaySettings(String serviceName) {
        return RelaySettings.of(serviceName, jdbcUrl, stack.postgresUser(), stack.postgresPassword(), slot,
                stack.kafkaBootstrapServers());
    }

    /** Writes the messages in one transaction, committed or rolled back. */
    void write(List<OutboxMessage> messages, boolean commit) throws SQLException {
        try (Connection c = connect()) {
            c.setAutoCommit(false);
            OutboxWriter.write(c, messages);
            if (commit) {
                c.commit();
            } else {
                c.rollback();
            }
        }
    }
}
