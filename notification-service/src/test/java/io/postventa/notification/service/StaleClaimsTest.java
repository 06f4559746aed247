package io.postventa.notification.service;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
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
 * A message whose sender stopped after claiming it (status SENDING, never recorded) is queued again and sent by the
 * dispatcher's rounds: after a restart by its first round, later by the check every minute (this test, since the
 * application under test has long started). Nothing is lost when a claim's outcome never gets recorded.
 */
@QuarkusTest
@QuarkusTestResource(value = PostventaTestResource.class,
        initArgs = @ResourceArg(name = "database", value = "notifications"))
class StaleClaimsTest {
    /** The minute between checks, a round, and a send, on a loaded machine. */
    private static final Duration WAIT = Duration.ofSeconds(150);

    @Inject
    DataSource dataSource;

    @Test
    void aMessageLeftSendingByASenderThatStoppedIsSentAgain() throws Exception {
        UUID id = UUID.randomUUID();
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(
                "insert into delivery (id, customer_id, source_event_id, source_event_type, trigger, kind, channel,"
                        + " template_id, variant, locale, status, recipient, subject, body, attempts, created_at,"
                        + " updated_at) values (?, 'C-stale', ?, 'OrderShipped', 'ORDER_SHIPPED', 'ORDER_UPDATES',"
                        + " 'EMAIL', 'order-shipped.email.en', 'A', 'en', 'SENDING', 'stale@example.com',"
                        + " 'Your order shipped', 'On its way.', 1, now() - interval '1 day', now() - interval '1 day')")) {
            s.setObject(1, id);
            s.setString(2, "stale-" + id);
            assertEquals(1, s.executeUpdate());
        }

        await().atMost(WAIT).pollInterval(Duration.ofSeconds(1)).until(() -> "SENT".equals(status(id)));
    }

    private String status(UUID id) throws SQLException {
        try (Connection c = dataSource.getConnection();
                PreparedStatement s = c.prepareStatement("select status from delivery where id = ?")) {
            s.setObject(1, id);
            try (ResultSet rs = s.executeQuery()) {
                return rs.next() ? rs.getString(1) : null;
            }
        }
    }
}
