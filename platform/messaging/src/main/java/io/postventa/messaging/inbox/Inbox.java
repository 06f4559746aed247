package io.postventa.messaging.inbox;

import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Collection;
import java.util.HashSet;
import java.util.Set;

import javax.sql.DataSource;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

/**
 * The processed-events table: an event id is recorded per consumer in the same transaction as the
 * event's effect, so a redelivered event is recognised and its effect is not applied twice.
 */
@ApplicationScoped
public class Inbox {
    private final DataSource dataSource;

    public Inbox(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** True the first time {@code consumer} sees {@code eventId}; false for every redelivery. */
    @Transactional(Transactional.TxType.MANDATORY)
    public boolean firstDelivery(String consumer, String eventId) {
        try (Connection connection = dataSource.getConnection()) {
            return firstDelivery(connection, consumer, eventId);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot record processed event " + eventId + ": " + e.getMessage(), e);
        }
    }

    /** The same on a plain JDBC connection, inside the caller's transaction. */
    public static boolean firstDelivery(Connection connection, String consumer, String eventId) throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement(
                "insert into processed_event (consumer, event_id) values (?, ?) on conflict do nothing")) {
            insert.setString(1, consumer);
            insert.setString(2, eventId);
            return insert.executeUpdate() == 1;
        }
    }

    /**
     * Records a whole poll's event ids in one statement; returns the ids {@code consumer} sees for the
     * first time (an id that appears twice in {@code eventIds} is returned once).
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public Set<String> firstDeliveries(String consumer, Collection<String> eventIds) {
        Set<String> fresh = new HashSet<>();
        if (eventIds.isEmpty()) {
            return fresh;
        }
        try (Connection connection = dataSource.getConnection();
             PreparedStatement insert = connection.prepareStatement("insert into processed_event (consumer, event_id) "
                     + "select distinct ?, id from unnest(?::text[]) as ids(id) on conflict do nothing returning event_id")) {
            Array ids = connection.createArrayOf("text", eventIds.toArray());
            insert.setString(1, consumer);
            insert.setArray(2, ids);
            try (ResultSet rows = insert.executeQuery()) {
                while (rows.next()) {
                    fresh.add(rows.getString(1));
                }
            }
            return fresh;
        } catch (SQLException e) {
            throw new IllegalStateException("cannot record " + eventIds.size() + " processed events: " + e.getMessage(), e);
        }
    }
}
