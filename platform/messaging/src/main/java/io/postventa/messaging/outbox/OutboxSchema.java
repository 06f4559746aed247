package io.postventa.messaging.outbox;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * The outbox migrations applied by hand, for programs that use the outbox without Flyway (the
 * benchmarks, the relay's own tests). Services get the same schema through Flyway.
 */
public final class OutboxSchema {
    private static final String[] MIGRATIONS = {"V0_1__outbox_and_inbox.sql", "V0_2__outbox_replication_slot.sql",
        "V0_3__outbox_tombstones_and_foreign_ids.sql", "V0_4__outbox_trace_context.sql"};

    private OutboxSchema() {
    }

    /** Creates the outbox tables, publication and the replication slot {@code slot} in an empty database. */
    public static void install(Connection connection, String slot) throws SQLException {
        try (Statement s = connection.createStatement()) {
            for (String migration : MIGRATIONS) {
                s.execute(read(migration).replace("${outbox_slot}", slot));
            }
        }
    }

    private static String read(String file) {
        try (InputStream in = OutboxSchema.class.getResourceAsStream("/db/postventa/" + file)) {
            if (in == null) {
                throw new IllegalStateException("db/postventa/" + file + " is not on the classpath");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException("cannot read db/postventa/" + file, e);
        }
    }
}
