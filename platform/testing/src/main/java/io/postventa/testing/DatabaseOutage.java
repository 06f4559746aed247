package io.postventa.testing;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * One service's database goes away, as it does for the service while PostgreSQL is down or restarting: its open
 * sessions are cut (SQL state 57P01) and new connections are refused (53300) until {@link #close()}. Only that
 * database: the shared test stack's PostgreSQL and the other modules' databases are not touched, so a test can do it
 * while the rest of the build runs. (The fault run, {@code ShortFaultRunTest}, kills the whole server.)
 */
public final class DatabaseOutage implements AutoCloseable {
    private final Connection admin;
    private final String database;

    private DatabaseOutage(Connection admin, String database) {
        this.admin = admin;
        this.database = database;
    }

    /** Cuts {@code database} off now. */
    public static DatabaseOutage begin(String database) throws SQLException {
        StackInfo stack = TestStack.get();
        if (!database.matches("[a-z_][a-z0-9_]*")) {
            throw new IllegalArgumentException("not a database name: " + database);
        }
        Connection admin = DriverManager.getConnection(stack.jdbcUrl(database), stack.postgresUser(), stack.postgresPassword());
        try (Statement s = admin.createStatement()) {
            s.execute("alter database " + database + " connection limit 0");
            s.execute("select pg_terminate_backend(pid) from pg_stat_activity where datname = '" + database
                    + "' and pid <> pg_backend_pid()");
        } catch (SQLException e) {
            admin.close();
            throw e;
        }
        return new DatabaseOutage(admin, database);
    }

    /** The database accepts connections again. */
    @Override
    public void close() throws SQLException {
        try (Connection c = admin; Statement s = c.createStatement()) {
            s.execute("alter database " + database + " connection limit -1");
        }
    }
}
