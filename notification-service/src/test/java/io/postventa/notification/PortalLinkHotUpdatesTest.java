package io.postventa.notification;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.UUID;

import javax.sql.DataSource;

import org.junit.jupiter.api.Test;

import io.postventa.testing.PostventaTestResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;

/**
 * Each message about an order renews its portal link's expiry without touching an indexed column; with room left on
 * its page (fillfactor 75, V7_1) the new version stays there and none of portal_link's three indexes gets an entry (a
 * HOT update). Packed full, the e2e benchmark saw 36-43 % of these renewals HOT (docs/performance/2026-12-07-wal.md).
 */
@QuarkusTest
@QuarkusTestResource(value = PostventaTestResource.class, initArgs = @ResourceArg(name = "database", value = "notifications"))
class PortalLinkHotUpdatesTest {
    private static final int ORDERS = 200;
    /** Messages about each order after its placement (paid, shipped, out for delivery, delivered): one renewal each. */
    private static final int MESSAGES = 4;

    @Inject
    DataSource dataSource;

    @Test
    void renewingALinkWithEachMessageIsAHotUpdate() throws Exception {
        String prefix = "hot-" + UUID.randomUUID() + "-";
        long[] before = counters();
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            try (PreparedStatement insert = c.prepareStatement("""
                    insert into portal_link (order_id, customer_id, link_id, postcode, created_at)
                    values (?, ?, gen_random_uuid(), '46001', now())""")) {
                for (int i = 0; i < ORDERS; i++) {
                    insert.setString(1, prefix + i);
                    insert.setString(2, "customer-" + i);
                    insert.addBatch();
                }
                insert.executeBatch();
            }
            c.commit();
            // every renewal its own transaction, as each message about the order is planned in its own poll
            try (PreparedStatement update = c.prepareStatement("""
                    insert into portal_link (order_id, customer_id, link_id, expires_at, created_at)
                    values (?, ?, gen_random_uuid(), now() + interval '30 days', now())
                    on conflict (order_id) do update set expires_at = excluded.expires_at
                    where portal_link.customer_id = excluded.customer_id""")) {
                for (int message = 0; message < MESSAGES; message++) {
                    for (int i = 0; i < ORDERS; i++) {
                        update.setString(1, prefix + i);
                        update.setString(2, "customer-" + i);
                        update.executeUpdate();
                        c.commit();
                    }
                }
            }
            c.setAutoCommit(true);
            try (Statement s = c.createStatement()) {
                s.execute("select pg_stat_force_next_flush()");
            }
        }
        int updates = ORDERS * MESSAGES;
        await().atMost(Duration.ofSeconds(120)).until(() -> counters()[0] - before[0] >= updates);
        long[] after = counters();
        long hot = after[1] - before[1];
        // other tests' updates may be counted too; this test's own are at least `updates`, and at most the rest
        // could be non-HOT, so the HOT ones among this test's are at least hot - (total - updates)
        long others = after[0] - before[0] - updates;
        assertTrue(hot - others >= updates * 0.9, "HOT updates: " + hot + " of " + (after[0] - before[0])
                + " portal_link updates (" + updates + " by this test); at least 90 % of this test's should be HOT");
    }

    private long[] counters() throws Exception {
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
            s.execute("select pg_stat_clear_snapshot()");
            try (ResultSet rs = s.executeQuery(
                    "select n_tup_upd, n_tup_hot_upd from pg_stat_user_tables where relname = 'portal_link'")) {
                rs.next();
                return new long[] {rs.getLong(1), rs.getLong(2)};
            }
        }
    }
}
