package io.postventa.notification.service;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Instant;

import javax.sql.DataSource;

import org.junit.jupiter.api.Test;

import io.postventa.testing.PostventaTestResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;

/**
 * The dispatcher's claim and the planner's lookups read only the deliveries they need. In the claim each arm walks a
 * partial index in claim order: a claim that had to collect and sort every queued delivery cost as much as the queue
 * was long (a 150,000 backlog was sent at 658/s while the planner kept up at 1,271/s). The planner's lookup of
 * deliveries waiting to be folded has its own partial index, where it read every delivery its customers ever had.
 * The planner is told to avoid sequential scans, so a lookup without a usable index shows a scan of more instead.
 * The claim's plan is read over a backlog (inserted and analysed in a transaction that is rolled back): on the few
 * rows other tests leave, collecting and sorting them is as cheap as the index walk and the planner picks either.
 */
@QuarkusTest
@QuarkusTestResource(value = PostventaTestResource.class,
        initArgs = @ResourceArg(name = "database", value = "notifications"))
class DeliveryLookupPlansTest {

    @Inject
    DataSource dataSource;

    @Test
    void theClaimWalksAnIndexPerStatusInClaimOrder() throws Exception {
        Timestamp now = Timestamp.from(Instant.now());
        String p = plan(Dispatcher.CLAIM, BACKLOG, (c, explain) -> {
            explain.setTimestamp(1, now);
            explain.setInt(2, 100);
            explain.setInt(3, 100);
            explain.setTimestamp(4, now);
            explain.setInt(5, 100);
        });
        assertTrue(p.contains("Index Scan using delivery_queued_by_age"), "queued deliveries oldest first:\n" + p);
        assertTrue(p.contains("Index Scan using delivery_deferred_by_due"), "due deferred deliveries:\n" + p);
        assertFalse(p.contains("Bitmap") || p.contains("Seq Scan on delivery"), "no scan of a whole status:\n" + p);
    }

    @Test
    void planningLooksUpOnlyTheCappedDeliveriesWaitingToBeFolded() throws Exception {
        String p = plan(NotificationPlanner.FOLDABLE.replace("?1", "?"), null,
                (c, explain) -> explain.setArray(1, c.createArrayOf("text", new String[] {"C-1", "C-2"})));
        // through the customer index it would read every delivery those customers ever had
        assertTrue(p.contains("delivery_foldable"), "the foldable lookup's own index:\n" + p);
    }

    /**
     * The backlog a provider outage leaves: 20,000 deliveries queued and 20,000 deferred by the open circuit, all due
     * now; then fresh statistics.
     */
    private static final String[] BACKLOG = {
        "insert into delivery (id, customer_id, source_event_id, source_event_type, trigger, kind, status,"
                + " send_after, created_at, updated_at)"
                + " select gen_random_uuid(), 'C-plan-' || (n % 500), 'plan-' || n, 'OrderShipped', 'ORDER_SHIPPED',"
                + " 'ORDER_UPDATE', case when n % 2 = 0 then 'DEFERRED' else 'QUEUED' end,"
                + " case when n % 2 = 0 then now() - interval '1 hour' + n * interval '1 millisecond' end,"
                + " now() - interval '2 hours' + n * interval '1 millisecond', now()"
                + " from generate_series(1, 40000) n",
        "analyze delivery"};

    /** Binds a statement's parameters for EXPLAIN. */
    private interface Binder {
        void bind(Connection c, PreparedStatement explain) throws SQLException;
    }

    /**
     * The plan PostgreSQL would run {@code sql} with, sequential scans discouraged, after the {@code setup} statements
     * (if any) in the same transaction, which is rolled back: its rows and statistics leave nothing behind.
     */
    private String plan(String sql, String[] setup, Binder binder) throws SQLException {
        StringBuilder plan = new StringBuilder();
        try (Connection c = dataSource.getConnection()) {
            boolean autoCommit = c.getAutoCommit();
            c.setAutoCommit(false);
            try {
                try (Statement s = c.createStatement()) {
                    s.execute("set local enable_seqscan = off");
                    for (String statement : setup == null ? new String[0] : setup) {
                        s.execute(statement);
                    }
                }
                try (PreparedStatement explain = c.prepareStatement("explain " + sql)) {
                    binder.bind(c, explain);
                    try (ResultSet rs = explain.executeQuery()) {
                        while (rs.next()) {
                            plan.append(rs.getString(1)).append('\n');
                        }
                    }
                }
            } finally {
                c.rollback();
                c.setAutoCommit(autoCommit);
            }
        }
        return plan.toString();
    }
}
