package io.postventa.orderstatus.service;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Optional;
import java.util.function.Supplier;

import javax.sql.DataSource;

import jakarta.enterprise.context.ApplicationScoped;

/**
 * One replica at a time runs a scheduled job whose work cannot be split safely between replicas: a PostgreSQL
 * advisory lock named after the job, held on a connection of its own (not a transaction's, since the job commits in
 * several transactions) for as long as the job runs, as the outbox relay and ticket-service's mailbox reader do. A
 * replica that finds it held skips that run; the lock goes with the session if the replica dies.
 */
@ApplicationScoped
public class ReplicaLock {
    private final DataSource dataSource;

    public ReplicaLock(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** The advisory lock key of {@code job}, for {@code pg_try_advisory_lock} and its kin. */
    public static String key(String job) {
        return "hashtext('order-status-service:" + job + "')";
    }

    /**
     * Runs {@code work} holding the lock of {@code job} (a fixed name, never user input); empty, without running it,
     * while another replica holds it.
     */
    public <T> Optional<T> whileHeld(String job, Supplier<T> work) {
        try (Connection connection = dataSource.getConnection()) {
            if (!query(connection, "select pg_try_advisory_lock(" + key(job) + ")")) {
                return Optional.empty();
            }
            try {
                return Optional.of(work.get());
            } finally {
                query(connection, "select pg_advisory_unlock(" + key(job) + ")");
            }
        } catch (SQLException e) {
            throw new IllegalStateException("the lock of " + job + " could not be taken: " + e.getMessage(), e);
        }
    }

    private static boolean query(Connection connection, String sql) throws SQLException {
        try (PreparedStatement s = connection.prepareStatement(sql); ResultSet rs = s.executeQuery()) {
            return rs.next() && rs.getBoolean(1);
        }
    }
}
