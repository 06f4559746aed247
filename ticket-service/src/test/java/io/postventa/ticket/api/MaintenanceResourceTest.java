package io.postventa.ticket.api;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;
import static org.hamcrest.Matchers.nullValue;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;

import javax.sql.DataSource;

import org.junit.jupiter.api.Test;

import io.postventa.testing.PostventaTestResource;
import io.postventa.testing.Tokens;
import io.postventa.ticket.TicketTestSupport;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;
import jakarta.inject.Inject;

/**
 * The rebuild an admin runs after an import: orders and tickets written straight into the tables, as a bulk load
 * or a restore writes them, become searchable and get the SLA state the service would have given them.
 */
@QuarkusTest
@QuarkusTestResource(value = PostventaTestResource.class, initArgs = @ResourceArg(name = "database", value = "tickets"))
class MaintenanceResourceTest extends TicketTestSupport {
    private static final String ADMIN = Tokens.bearer(Tokens.admin("admin-rebuild"));
    private static final String AGENT = Tokens.bearer(Tokens.agent("agent-rebuild"));

    @Inject
    DataSource dataSource;

    private static ValidatableResponse rebuild(String authorization) {
        return given().header("Authorization", authorization).post("/api/v1/maintenance/rebuild").then();
    }

    private static ValidatableResponse ticket(UUID id) {
        return given().header("Authorization", AGENT).get("/api/v1/tickets/{id}", id).then().statusCode(200);
    }

    @Test
    void onlyAnAdminMayRebuild() {
        given().post("/api/v1/maintenance/rebuild").then().statusCode(401);
        for (String role : List.of("agent", "manager", "customer", "platform")) {
            rebuild(Tokens.bearer(Tokens.of(role, role + "-1"))).statusCode(403);
        }
        rebuild(Tokens.bearer(Tokens.partnerAgent("partner-1", "partner-cc"))).statusCode(403);
    }

    @Test
    void importedOrdersBecomeSearchableByTheirSkusAndImportedTicketsGetTheirSlaState() throws SQLException {
        String customer = id("c-import");
        String order = id("ORD");
        String sku = "SKU-" + UUID.randomUUID().toString().substring(0, 8).toUpperCase();
        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        UUID late = UUID.randomUUID();
        UUID fresh = UUID.randomUUID();
        UUID waiting = UUID.randomUUID();
        try (Connection c = dataSource.getConnection()) {
            update(c, "insert into customer (id, email, first_name, last_name, language, erased, updated_at) "
                    + "values (?, 'import@example.com', 'Irene', 'Importada', 'es', false, now())", customer);
            update(c, "insert into order_view (order_id, customer_id, status, products, updated_at) values (?, ?, 'DELIVERED', "
                    + "?, now())", order, customer, "Lámpara de mesa " + sku + " | Taza azul SKU-MUG-1");
            ticket(c, late, customer, "OPEN", now.minus(Duration.ofDays(4)), null);
            ticket(c, fresh, customer, "NEW", now.minus(Duration.ofHours(1)), null);
            // waiting on the customer since an hour after it opened: its clock stopped then
            ticket(c, waiting, customer, "PENDING_CUSTOMER", now.minus(Duration.ofDays(4)),
                    now.minus(Duration.ofDays(4)).plus(Duration.ofHours(1)));
        }
        try {
            rebuild(ADMIN).statusCode(200).body("searchKeys.orders", greaterThanOrEqualTo(1))
                    .body("sla.tickets", greaterThanOrEqualTo(3));

            given().header("Authorization", AGENT).queryParam("q", sku.toLowerCase()).get("/api/v1/customers/search").then()
                    .statusCode(200).body("customers[0].customerId", equalTo(customer))
                    .body("customers[0].orders.find { it.orderId == '" + order + "' }.status", equalTo("DELIVERED"));
            ticket(late).body("ticket.firstResponseBreached", equalTo(true)).body("ticket.resolutionBreached", equalTo(true));
            ticket(fresh).body("ticket.firstResponseBreached", equalTo(false)).body("ticket.resolutionBreached", equalTo(false))
                    .body("ticket.firstResponseDueAt", equalTo(now.minus(Duration.ofHours(1)).plus(Duration.ofHours(24)).toString()))
                    .body("ticket.resolutionDueAt", equalTo(now.minus(Duration.ofHours(1)).plus(Duration.ofHours(72)).toString()));
            ticket(waiting).body("ticket.firstResponseBreached", equalTo(false)).body("ticket.resolutionBreached", equalTo(false))
                    .body("ticket.firstResponseDueAt", nullValue()).body("ticket.resolutionDueAt", nullValue());
        } finally {
            try (Connection c = dataSource.getConnection()) {
                update(c, "update ticket set status = 'CLOSED' where id in (?, ?, ?)", late, fresh, waiting);
            }
        }
    }

    /** A ticket as an import writes it: its SLA clock, but no due times or breaches. */
    private static void ticket(Connection c, UUID id, String customer, String status, Instant created, Instant pausedSince)
            throws SQLException {
        update(c, "insert into ticket (id, status, reason, reason_source, priority, channel, origin, customer_id, subject, "
                + "language, team_id, sla_policy_id, sla_started_at, sla_paused_seconds, sla_paused_since, created_at, "
                + "updated_at, version) values (?, ?, 'OTHER', 'CLASSIFIER', 'NORMAL', 'EMAIL', 'CONTACT', ?, 'Imported', 'es', "
                + "'in-house', 'default', ?, 0, ?, ?, ?, 0)", id, status, customer, Timestamp.from(created),
                pausedSince == null ? null : Timestamp.from(pausedSince), Timestamp.from(created), Timestamp.from(created));
    }

    private static void update(Connection c, String sql, Object... params) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            for (int i = 0; i < params.length; i++) {
                ps.setObject(i + 1, params[i]);
            }
            ps.executeUpdate();
        }
    }
}
