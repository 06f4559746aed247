package io.postventa.feedback.service;

import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

import javax.sql.DataSource;

import org.postgresql.PGStatement;

import jakarta.enterprise.context.ApplicationScoped;

/**
 * Plain JDBC on the service's datasource, inside the caller's transaction. The read models and rollups are
 * upserts and sums that SQL says directly; an ORM would add nothing but a second model of the same rows.
 */
@ApplicationScoped
public class Sql {
    private final DataSource dataSource;

    public Sql(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** Maps one result row. */
    @FunctionalInterface
    public interface RowMapper<T> {
        T map(ResultSet rs) throws SQLException;
    }

    /** Runs an insert/update/delete; returns the number of rows changed. */
    public int update(String sql, Object... params) {
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            bind(ps, params);
            return ps.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException(e.getMessage() + " in: " + sql, e);
        }
    }

    public <T> List<T> list(String sql, RowMapper<T> mapper, Object... params) {
        return query(sql, false, mapper, params);
    }

    /** The first row, or empty when there is none or it maps to null. */
    public <T> Optional<T> one(String sql, RowMapper<T> mapper, Object... params) {
        return first(list(sql, mapper, params));
    }

    /**
     * A report query: planned for its actual parameters on every run. pgjdbc prepares a statement on the server
     * after a few runs, and PostgreSQL then may switch to one generic plan for all parameters; a generic plan
     * cannot tell a week from a year or 20 skus from every sku, and read a year of sku-months through the
     * (day, sku) key where the 20 skus' index holds a few hundred rows (70 ms instead of 2).
     */
    public <T> List<T> report(String sql, RowMapper<T> mapper, Object... params) {
        return query(sql, true, mapper, params);
    }

    /** The first row of a {@link #report}, or empty when there is none or it maps to null. */
    public <T> Optional<T> reportRow(String sql, RowMapper<T> mapper, Object... params) {
        return first(report(sql, mapper, params));
    }

    private <T> List<T> query(String sql, boolean planEachRun, RowMapper<T> mapper, Object... params) {
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            if (planEachRun) {
                ps.unwrap(PGStatement.class).setPrepareThreshold(0);
            }
            bind(ps, params);
            try (ResultSet rs = ps.executeQuery()) {
                List<T> rows = new ArrayList<>();
                while (rs.next()) {
                    rows.add(mapper.map(rs));
                }
                return rows;
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e.getMessage() + " in: " + sql, e);
        }
    }

    private static <T> Optional<T> first(List<T> rows) {
        return rows.isEmpty() ? Optional.empty() : Optional.ofNullable(rows.get(0));
    }

    /**
     * A list of values bound as one {@code text[]} parameter, for a statement that applies a poll's rows at once
     * ({@code unnest(?::text[], ?::text[]) as x(a, b)}, each column cast to its type in SQL). Instants go as ISO-8601
     * UTC, dates as ISO dates, enums by name: text casts exactly, where a {@code Timestamp[]} would be sent in the
     * JVM's time zone.
     */
    public record Texts(List<String> values) {
    }

    /** {@code values} as one {@code text[]} parameter (see {@link Texts}); nulls stay SQL nulls. */
    public static Texts texts(Collection<?> values) {
        List<String> texts = new ArrayList<>(values.size());
        for (Object value : values) {
            texts.add(value == null ? null : value instanceof Enum<?> e ? e.name() : value.toString());
        }
        return new Texts(texts);
    }

    private static void bind(PreparedStatement ps, Object[] params) throws SQLException {
        for (int i = 0; i < params.length; i++) {
            Object p = params[i];
            if (p instanceof Texts texts) {
                ps.setArray(i + 1, ps.getConnection().createArrayOf("text", texts.values().toArray()));
            } else if (p instanceof Instant instant) {
                ps.setTimestamp(i + 1, Timestamp.from(instant));
            } else if (p instanceof LocalDate date) {
                ps.setDate(i + 1, Date.valueOf(date));
            } else if (p instanceof Enum<?> e) {
                ps.setString(i + 1, e.name());
            } else {
                ps.setObject(i + 1, p);
            }
        }
    }

    /** An enum constant as an SQL literal ({@code 'PENDING'}), for a query a partial index must still match. */
    public static String literal(Enum<?> value) {
        return "'" + value.name() + "'";
    }

    /** Enum constants as an SQL literal list, {@code ('A', 'B')}, in a stable order. */
    public static String literals(Collection<? extends Enum<?>> values) {
        return values.stream().map(Sql::literal).sorted().collect(Collectors.joining(", ", "(", ")"));
    }

    public static Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp t = rs.getTimestamp(column);
        return t == null ? null : t.toInstant();
    }

    public static Boolean bool(ResultSet rs, String column) throws SQLException {
        boolean b = rs.getBoolean(column);
        return rs.wasNull() ? null : b;
    }

    public static LocalDate date(ResultSet rs, String column) throws SQLException {
        Date d = rs.getDate(column);
        return d == null ? null : d.toLocalDate();
    }
}
