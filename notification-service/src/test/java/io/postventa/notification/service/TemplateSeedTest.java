package io.postventa.notification.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Optional;

import javax.sql.DataSource;

import org.junit.jupiter.api.Test;

import io.postventa.testing.PostventaTestResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;

/**
 * What the shipped templates' seed does at every start ({@link TemplateService#seed}, called here as a restart calls
 * it): a template nobody edited gets the shipped wording, an admin's edit is kept, a missing template comes back, and
 * an unchanged one keeps its version. Each test uses its own template, and leaves it as the seed left it.
 */
@QuarkusTest
@QuarkusTestResource(value = PostventaTestResource.class,
        initArgs = @ResourceArg(name = "database", value = "notifications"))
class TemplateSeedTest {
    private static final String OLDER_WORDING = "[{\"name\":\"A\",\"weight\":100,\"subject\":\"Old subject\","
            + "\"body\":\"Old wording of this template\"}]";

    @Inject
    TemplateService templates;

    @Inject
    DataSource dataSource;

    private record Row(String variants, int version, String updatedBy) {
    }

    @Test
    void aShippedTemplateNobodyEditedGetsTheShippedWordingAtTheNextStartAndItsVersionGoesUpOnce() throws Exception {
        String id = "return-refunded.email.pt";
        Row shipped = row(id).orElseThrow();
        update(id, OLDER_WORDING, shipped.version(), "seed");

        templates.seed(null);

        Row after = row(id).orElseThrow();
        assertEquals(shipped.variants(), after.variants(), "the shipped wording replaces the one seeded before");
        assertEquals(shipped.version() + 1, after.version());
        assertEquals("seed", after.updatedBy());

        templates.seed(null);
        assertEquals(shipped.version() + 1, row(id).orElseThrow().version(), "an unchanged template keeps its version");
    }

    @Test
    void anAdminsEditIsKeptAtTheNextStart() throws Exception {
        String id = "order-cancelled.push.pt";
        Row shipped = row(id).orElseThrow();
        update(id, OLDER_WORDING, shipped.version() + 1, "admin-7");
        try {
            templates.seed(null);

            assertEquals(new Row(OLDER_WORDING, shipped.version() + 1, "admin-7"), row(id).orElseThrow());
        } finally {
            update(id, shipped.variants(), shipped.version(), "seed");
        }
    }

    @Test
    void aShippedTemplateThatIsMissingIsInsertedAtTheNextStart() throws Exception {
        String id = "purchase-anniversary.email.en";
        Row shipped = row(id).orElseThrow();
        try (Connection c = dataSource.getConnection();
                PreparedStatement delete = c.prepareStatement("delete from message_template where id = ?")) {
            delete.setString(1, id);
            assertEquals(1, delete.executeUpdate());
        }
        assertTrue(row(id).isEmpty());

        templates.seed(null);

        assertEquals(new Row(shipped.variants(), 1, "seed"), row(id).orElseThrow());
    }

    private Optional<Row> row(String id) throws SQLException {
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(
                "select variants, version, updated_by from message_template where id = ?")) {
            s.setString(1, id);
            try (ResultSet rs = s.executeQuery()) {
                return rs.next() ? Optional.of(new Row(rs.getString(1), rs.getInt(2), rs.getString(3))) : Optional.empty();
            }
        }
    }

    private void update(String id, String variants, int version, String updatedBy) throws SQLException {
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(
                "update message_template set variants = ?, version = ?, updated_by = ? where id = ?")) {
            s.setString(1, variants);
            s.setInt(2, version);
            s.setString(3, updatedBy);
            s.setString(4, id);
            assertEquals(1, s.executeUpdate());
        }
    }
}
