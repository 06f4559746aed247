package io.postventa.messaging.outbox;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.List;

/**
 * Writes outbox rows on the caller's connection, inside the caller's transaction. Each row is
 * inserted and deleted at once: the relay reads the insert from the WAL, the table stays empty.
 */
public final class OutboxWriter {
    private static final String INSERT = "insert into outbox_event "
            + "(id, aggregatetype, aggregateid, type, topic, payload, occurred_at, source, traceparent) "
            + "values (?, ?, ?, ?, ?, ?::jsonb, ?, ?, ?)";
    private static final String DELETE = "delete from outbox_event where id = ?";

    private OutboxWriter() {
    }

    /** Writes the messages; they are published if and only if the caller's transaction commits. */
    public static void write(Connection connection, List<OutboxMessage> messages) throws SQLException {
        if (messages.isEmpty()) {
            return;
        }
        try (PreparedStatement insert = connection.prepareStatement(INSERT);
             PreparedStatement delete = connection.prepareStatement(DELETE)) {
            for (OutboxMessage m : messages) {
                insert.setString(1, m.id());
                insert.setString(2, m.aggregateType());
                insert.setString(3, m.aggregateId());
                insert.setString(4, m.type());
                insert.setString(5, m.topic());
                insert.setString(6, m.payloadJson());
                insert.setTimestamp(7, Timestamp.from(m.occurredAt()));
                insert.setString(8, m.source());
                insert.setString(9, m.traceparent());
                delete.setString(1, m.id());
                if (messages.size() == 1) {
                    insert.executeUpdate();
                    delete.executeUpdate();
                } else {
                    insert.addBatch();
                    delete.addBatch();
                }
            }
            if (messages.size() > 1) {
                insert.executeBatch();
                delete.executeBatch();
            }
        }
    }
}
