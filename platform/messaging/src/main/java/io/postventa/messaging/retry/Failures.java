package io.postventa.messaging.retry;

import java.sql.SQLException;
import java.util.IdentityHashMap;
import java.util.Map;
import java.util.Set;

/**
 * Tells a failure that will pass by itself (the database is down, restarting or out of connections; two transactions
 * collided) from one that will not (a bad event, a bug), by walking the cause chain: SQL states and the JPA/Hibernate
 * exception types, matched by name so that this module needs no JPA.
 */
public final class Failures {
    /** Optimistic-lock failures: another transaction changed the row first. */
    private static final Set<String> WRITE_CONFLICTS = Set.of("OptimisticLockException", "StaleObjectStateException",
            "StaleStateException", "OptimisticEntityLockException");
    /** Hibernate's and Agroal's names for "no connection to the database". */
    private static final Set<String> CONNECTION_FAILURES = Set.of("JDBCConnectionException");

    private Failures() {
    }

    /**
     * True when {@code failure} says the database could not be reached or was going away: connection exceptions
     * (SQL state class 08), the server shutting down or starting (57P01-57P03), out of resources (class 53), or no
     * pooled connection within the acquisition timeout. Retrying later can succeed; the event or request is not bad.
     */
    public static boolean isTransientDatabaseFailure(Throwable failure) {
        for (Throwable t : chain(failure)) {
            if (CONNECTION_FAILURES.contains(t.getClass().getSimpleName())) {
                return true;
            }
            if (t instanceof SQLException sql) {
                String state = sql.getSQLState();
                if (state != null && (state.startsWith("08") || state.startsWith("53") || state.startsWith("57P"))) {
                    return true;
                }
                // Agroal's pool gives no SQL state when no connection came within the acquisition timeout
                if (String.valueOf(sql.getMessage()).startsWith("Acquisition timeout")) {
                    return true;
                }
            }
        }
        return false;
    }

    /**
     * True when {@code failure} is a collision with another transaction: an optimistic-lock failure, a serialization
     * failure (40001) or a deadlock (40P01). Running the whole transaction again can succeed.
     */
    public static boolean isWriteConflict(Throwable failure) {
        for (Throwable t : chain(failure)) {
            if (WRITE_CONFLICTS.contains(t.getClass().getSimpleName())) {
                return true;
            }
            if (t instanceof SQLException sql && ("40001".equals(sql.getSQLState()) || "40P01".equals(sql.getSQLState()))) {
                return true;
            }
        }
        return false;
    }

    /** Either of the two: worth running the same work again. */
    public static boolean isTransient(Throwable failure) {
        return isTransientDatabaseFailure(failure) || isWriteConflict(failure);
    }

    private static Iterable<Throwable> chain(Throwable failure) {
        Map<Throwable, Boolean> seen = new IdentityHashMap<>();
        java.util.List<Throwable> out = new java.util.ArrayList<>();
        java.util.ArrayDeque<Throwable> todo = new java.util.ArrayDeque<>();
        if (failure != null) {
            todo.add(failure);
        }
        while (!todo.isEmpty() && out.size() < 64) {
            Throwable t = todo.poll();
            if (seen.put(t, Boolean.TRUE) != null) {
                continue;
            }
            out.add(t);
            if (t.getCause() != null) {
                todo.add(t.getCause());
            }
            for (Throwable s : t.getSuppressed()) {
                todo.add(s);
            }
            if (t instanceof SQLException sql && sql.getNextException() != null) {
                todo.add(sql.getNextException());
            }
        }
        return out;
    }
}
