package io.postventa.ticket.service;

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
 * An order's status changes rewrite its order_view row without touching an indexed column; with room left on its page
 * (fillfactor 75, V8) the new version stays there and no index of order_view gets an entry (a HOT update). Packed full,
 * the e2e benchmark saw 39 % of these updates HOT (docs/performance/2026-12-07-wal.md).
 */
@QuarkusTest
@QuarkusTestResource(value = PostventaTestResource.class, initArgs = @ResourceArg(name = "database", value = "tickets"))
class OrderViewHotUpdatesTest {
    private static final int ORDERS = 200;
    private static final String[] STATUSES = {"PAID", "SHIPPED", "OUT_FOR_DELIVERY", "DELIVERED"};

    @Inject
    DataSource dataSource;

    @Test
    void statusChangesOfPlacedOrdersAreHotUpdates() throws Exception {
        String prefix = "hot-" + UUID.randomUUID() + "-";
        long[] before = counters();
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            try (PreparedStatement insert = c.prepareStatement("""
                    insert into order_view (order_id, customer_id, status, purchase_number, locale, currency, total,
                        placed_at, promised_date, city, products, skus, updated_at)
                    values (?, ?, 'PLACED', 1, 'es-ES', 'EUR', 103.75, now(), current_date + 3, 'Valencia',
                        'Zapatilla de running azul talla 42 SKU-00123 | Calcetines técnicos pack de tres SKU-00777',
                        array['sku-00123', 'sku-00777'], now())""")) {
                for (int i = 0; i < ORDERS; i++) {
                    insert.setString(1, prefix + i);
                    insert.setString(2, "customer-" + i);
                    insert.addBatch();
                }
                insert.executeBatch();
            }
            c.commit();
            // every status change its own transaction, as the consumer applies them in separate polls
            try (PreparedStatement update = c.prepareStatement("""
                    update order_view set status = ?, carrier = 'SEUR', tracking_number = ?,
                        tracking_url = 'https://track.example.com/' || ?, delivered_at = case when ? = 'DELIVERED'
                        then now() end, updated_at = now() where order_id = ?""")) {
                for (String status : STATUSES) {
                    for (int i = 0; i < ORDERS; i++) {
                        update.setString(1, status);
                        update.setString(2, "TRK" + i);
                        update.setString(3, "TRK" + i);
                        update.setString(4, status);
                        update.setString(5, prefix + i);
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
        int updates = ORDERS * STATUSES.length;
        await().atMost(Duration.ofSeconds(120)).until(() -> counters()[0] - before[0] >= updates);
        long[] after = counters();
        long hot = after[1] - before[1];
        // other tests' updates may be counted too; this test's own are at least `updates`, and at most the rest
        // could be non-HOT, so the HOT ones among this test's are at least hot - (total - updates)
        long others = after[0] - before[0] - updates;
        assertTrue(hot - others >= updates * 0.9, "HOT updates: " + hot + " of " + (after[0] - before[0])
                + " order_view updates (" + updates + " by this test); at least 90 % of this test's should be HOT");
    }

    private long[] counters() throws Exception {
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
            s.execute("select pg_stat_clear_snapshot()");
            try (ResultSet rs = s.executeQuery(
                    "select n_tup_upd, n_tup_hot_upd from pg_stat_user_tables where relname = 'order_view'")) {
                rs.next();
                return new long[] {rs.getLong(1), rs.getLong(2)};
            }
        }
    }
}
