package io.postventa.returns.service;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;

import javax.sql.DataSource;

/**
 * The newest row of an append-only versioned table (the return policy, the risk rule set), read with plain JDBC on the
 * transaction's connection. Every return request reads the policy in force and every risk consumer batch the rule set:
 * through Panache the query, the managed entity and the auto-flush before it (a dirty check of everything the
 * transaction had loaded) cost more than the statement. Versions are only appended, never edited, so there are no
 * session changes this could miss.
 */
record LatestVersion(int version, Instant createdAt, String createdBy, String json) {

    /** The newest version in {@code table}, with its JSON from {@code column}; null when the table is empty. */
    static LatestVersion read(DataSource dataSource, String table, String column) {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement query = connection.prepareStatement("select version, created_at, created_by, " + column
                     + " from " + table + " order by version desc limit 1");
             ResultSet row = query.executeQuery()) {
            return row.next() ? new LatestVersion(row.getInt(1), row.getObject(2, OffsetDateTime.class).toInstant(),
                    row.getString(3), row.getString(4)) : null;
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read the version in force from " + table + ": " + e.getMessage(), e);
        }
    }
}
