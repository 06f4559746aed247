package io.postventa.ticket.service;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Optional;

import javax.sql.DataSource;

import jakarta.enterprise.context.ApplicationScoped;

/**
 * One replica reads the support mailbox at a time: a PostgreSQL advisory lock, held on a connection of its own (not
 * a transaction's) for as long as the reading takes.
 */
@ApplicationScoped
public class SupportMailboxLock {
    private static final String LOCK = "hashtext('ticket-service:support-mailbox')";

    /** What is done while the lock is held. */
    @FunctionalInterface
    public interface Work<T, E extends Exception> {
        T run() throws E;
    }

    private final DataSource dataSource;

    public SupportMailboxLock(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /**
     * Runs {@code work} holding the lock; empty, without running it, while another replica holds it.
     *
     * @throws IllegalStateException when the database cannot be asked for the lock
     */
    public <T, E extends Exception> Optional<T> whileHeld(Work<T, E> work) throws E {
        try (Connection connection = dataSource.getConnection()) {
            if (!query(connection, "select pg_try_advisory_lock(" + LOCK + ")")) {
                return Optional.empty();
            }
            try {
                return Optional.of(work.run());
            } finally {
                query(connection, "select pg_advisory_unlock(" + LOCK + ")");
            }
        } catch (SQLException e) {
            throw new IllegalStateException("the support mailbox lock could not be taken: " + e.getMessage(), e);
        }
    }

    private static boolean query(Connection connection, String sql) throws SQLException {
        try (Statement s = connection.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            return rs.next() && rs.getBoolean(1);
        }
    }
}
