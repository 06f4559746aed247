package io.postventa.ticket.api;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.Map;

import javax.sql.DataSource;

import org.junit.jupiter.api.Test;

import io.postventa.testing.PostventaTestResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;

/**
 * Every customer-search lookup can be answered from an index (pg_trgm for the substring ones), so it stays fast
 * at a million rows. The planner is told to avoid sequential scans; a lookup without a usable index would still
 * show one.
 */
@QuarkusTest
@QuarkusTestResource(value = PostventaTestResource.class, initArgs = @ResourceArg(name = "database", value = "tickets"))
class SearchIndexTest {

    @Inject
    DataSource dataSource;

    @Test
    void everySearchLookupUsesAnIndex() throws Exception {
        Map<String, String> lookups = Map.of(
                "sku", CustomerSearchResource.BY_SKU.replace(":q", "'sku-00123'"),
                "email", CustomerSearchResource.BY_EMAIL.replace(":q", "'ana@example.com'"),
                "phone", CustomerSearchResource.BY_PHONE.replace(":q2", "'+34600111222'").replace(":q", "'34600111222'"),
                "orderId", CustomerSearchResource.BY_ORDER.replace(":q", "'ORD-1'"),
                "amount", CustomerSearchResource.BY_AMOUNT.replace(":q", "103.75"),
                "name", CustomerSearchResource.BY_NAME.replace(":q", "'%garcia%'"),
                "city", CustomerSearchResource.BY_CITY.replace(":q", "'valencia'"),
                "product", CustomerSearchResource.BY_PRODUCT.replace(":q", "'%zapatilla%'"));
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
            s.execute("set enable_seqscan = off");
            for (var lookup : lookups.entrySet()) {
                StringBuilder plan = new StringBuilder();
                try (ResultSet rs = s.executeQuery("explain " + lookup.getValue())) {
                    while (rs.next()) {
                        plan.append(rs.getString(1)).append('\n');
                    }
                }
                assertTrue(plan.toString().contains("Index") && !plan.toString().contains("Seq Scan"),
                        "search by " + lookup.getKey() + " must use an index, plan was:\n" + plan);
            }
            s.execute("reset enable_seqscan");
        }
    }
}
