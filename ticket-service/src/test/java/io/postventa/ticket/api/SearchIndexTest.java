package io.postventa.ticket.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.Map;

import javax.sql.DataSource;

import org.junit.jupiter.api.Test;

import io.postventa.testing.PostventaTestResource;
import io.postventa.ticket.service.Assignment;
import io.postventa.ticket.service.CustomerSearch;
import io.postventa.ticket.service.TicketSql;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;

/**
 * The queries that run against a million tickets keep to their indexes: every customer-search lookup (pg_trgm for
 * the substring ones), the scheduled SLA check and the assignment's count of the agents' tickets. The planner is
 * told to avoid sequential scans; a lookup without a usable index would still show one.
 */
@QuarkusTest
@QuarkusTestResource(value = PostventaTestResource.class, initArgs = @ResourceArg(name = "database", value = "tickets"))
class SearchIndexTest {

    @Inject
    DataSource dataSource;

    @Test
    void everySearchLookupUsesAnIndex() throws Exception {
        Map<String, String> lookups = Map.of(
                "sku", CustomerSearch.BY_SKU.replace(":q", "'sku-00123'"),
                "email", CustomerSearch.BY_EMAIL.replace(":q", "'ana@example.com'"),
                "phone", CustomerSearch.BY_PHONE.replace(":q2", "'+34600111222'").replace(":q", "'34600111222'"),
                "orderId", CustomerSearch.BY_ORDER.replace(":q", "'ORD-1'"),
                "amount", CustomerSearch.BY_AMOUNT.replace(":q", "103.75"),
                "name", CustomerSearch.BY_NAME.replace(":q", "'%garcia%'"),
                "city", CustomerSearch.BY_CITY.replace(":q", "'valencia'"),
                "product", CustomerSearch.BY_PRODUCT.replace(":q2", "'%zapatilla%'").replace(":q", "'%zapatilla%'"));
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
            s.execute("set enable_seqscan = off");
            for (var lookup : lookups.entrySet()) {
                String plan = plan(s, lookup.getValue());
                assertTrue(plan.contains("Index") && !plan.contains("Seq Scan"),
                        "search by " + lookup.getKey() + " must use an index, plan was:\n" + plan);
            }
            s.execute("reset enable_seqscan");
        }
    }

    /**
     * A full name that the newest customers share (a family that just signed up, one customer in a hundred, all at
     * the end of the table) is found through the trigram index with the LIMIT the service adds. Planned under the
     * LIMIT, PostgreSQL took the 1% estimate to mean twenty matches soon and scanned the table from the start for
     * them: in the tickets benchmark a name estimated at 1% through one histogram entry read a quarter of 200,000
     * customers, 44-82 ms against 7 ms by the index. The customers are made in a temporary table of the same shape,
     * which hides the real one for this connection only; the statistics cover every row, so the estimate is stable.
     */
    @Test
    void aNameTheNewestCustomersShareIsFoundThroughTheIndex() throws Exception {
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
            withTemporaryCopy(s, "customer", """
                        insert into customer (id, first_name, last_name, erased, updated_at)
                        select 'big-' || g,
                               (array['María', 'Lucía', 'Ana', 'Carmen', 'Laura', 'Elena', 'Paula', 'Marta', 'Sara',
                                      'Julia', 'José', 'Antonio', 'Manuel', 'David', 'Javier', 'Daniel', 'Carlos',
                                      'Pablo', 'Jorge', 'Álvaro'])[1 + g % 20],
                               case when g > 118800 then 'Sánchez Ruiz'
                                    else paternal[1 + (g / 20) % 20] || ' ' || maternal[1 + (g / 400) % 10] end,
                               false, now()
                        from generate_series(1, 120000) g,
                             (select array['García', 'Rodríguez', 'González', 'Fernández', 'López', 'Martínez',
                                           'Sánchez', 'Pérez', 'Gómez', 'Martín', 'Jiménez', 'Hernández', 'Díaz',
                                           'Moreno', 'Muñoz', 'Álvarez', 'Romero', 'Alonso', 'Gutiérrez', 'Navarro']
                                     paternal,
                                     array['Torres', 'Domínguez', 'Vázquez', 'Ramos', 'Gil', 'Ramírez', 'Serrano',
                                           'Blanco', 'Molina', 'Castro'] maternal) names
                        """, () -> {
                String lookup = CustomerSearch.BY_NAME.replace(":q", "'%Sánchez Ruiz%'") + " limit "
                        + CustomerSearch.MAX_CUSTOMERS;
                String plan = plan(s, lookup);
                assertTrue(plan.contains("Bitmap Index Scan") && !plan.contains("Seq Scan"),
                        "the name must be looked up by the trigram index, plan was:\n" + plan);
                int found = 0;
                try (ResultSet rs = s.executeQuery(lookup)) {
                    while (rs.next()) {
                        found++;
                    }
                }
                assertEquals(CustomerSearch.MAX_CUSTOMERS, found, "1,200 customers are a Sánchez Ruiz");
            });
        }
    }

    /**
     * The scheduled SLA check finds the few active tickets past a due time through its partial indexes, however many
     * solved tickets keep their old due times: with indexes over every ticket not breached, PostgreSQL read all the
     * active tickets instead (0.6-1.5 s every 30 s over the benchmark's million). The tickets are made in a
     * temporary table of the same shape, which hides the real one for this connection only.
     */
    @Test
    void theSlaCheckReadsOnlyTheTicketsPastADueTime() throws Exception {
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
            withTemporaryCopy(s, "ticket", """
                        insert into ticket (id, status, reason, reason_source, priority, origin, team_id, sla_policy_id,
                            sla_started_at, first_response_due_at, resolution_due_at, first_response_at, created_at,
                            updated_at)
                        select gen_random_uuid(), case when g % 10 = 0 then 'OPEN' else 'SOLVED' end, 'OTHER',
                               'CLASSIFIER', 'NORMAL', 'CONTACT', 'in-house', 'default', created,
                               created + interval '24 hours',
                               case when g % 10 = 0 then now() + interval '2 days' else created + interval '72 hours' end,
                               created + interval '1 hour', created, created
                        from generate_series(1, 100000) g, lateral (select now() - (g % 300) * interval '1 day' created) c
                        """, () -> {
                String check = "select t.id from ticket t where t.status in " + TicketSql.ACTIVE_LITERALS
                        + " and t.merged_into is null and ((t.first_response_at is null"
                        + " and t.first_response_breached = false and t.first_response_due_at <= now())"
                        + " or (t.resolution_breached = false and t.resolution_due_at <= now()))";
                String plan = plan(s, check);
                assertTrue(plan.contains("BitmapOr") && !plan.contains("Seq Scan"),
                        "the SLA check must read its two due-time indexes, plan was:\n" + plan);
            });
        }
    }

    /**
     * Assigning a new ticket counts each agent's active tickets only up to the team's cap, through the agent's index.
     * When the count took all of them, the benchmark's 80,000 active tickets (2,000 an agent) made PostgreSQL, after
     * an autoanalyze, hash-join every active ticket of the table for each new ticket: 1.2 s instead of 1 ms.
     */
    @Test
    void assignmentCountsEachAgentsTicketsOnlyUpToTheCap() throws Exception {
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
            withTemporaryCopy(s, "agent", """
                        insert into agent (id, team_id, name, available)
                        select 'ag-' || g, case when g <= 12 then 'in-house' else 'returns' end, 'Agent ' || g, true
                        from generate_series(1, 36) g
                        """, () -> withTemporaryCopy(s, "ticket", """
                        insert into ticket (id, status, reason, reason_source, priority, origin, team_id, agent_id,
                            sla_policy_id, sla_started_at, created_at, updated_at)
                        select gen_random_uuid(), case when g % 12 = 0 then 'OPEN' else 'SOLVED' end, 'OTHER',
                               'CLASSIFIER', 'NORMAL', 'CONTACT', 'in-house', 'ag-' || (1 + g % 36), 'default',
                               now(), now(), now()
                        from generate_series(1, 100000) g
                        """, () -> {
                String plan = plan(s, Assignment.TEAM_LOADS.replace(":team", "'in-house'"));
                assertTrue(plan.contains("Limit") && !plan.contains("Hash") && !plan.contains("Seq Scan on ticket"),
                        "each agent's count must stop at the cap, through the agent's index; plan was:\n" + plan);
            }));
        }
    }

    /** PostgreSQL's plan for {@code sql}, a line per node. */
    /**
     * The ticket list (any page) and a team's queue are read in urgency order straight from an index, with no sort
     * of the tickets: the SQL of TicketResource.list without filters and of Assignment.fillQueue, over 100,000
     * tickets of mixed priorities, statuses and due times.
     */
    @Test
    void theTicketListAndTheTeamQueueAreReadInUrgencyOrderFromAnIndex() throws Exception {
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
            withTemporaryCopy(s, "ticket", """
                        insert into ticket (id, status, reason, reason_source, priority, origin, team_id, agent_id,
                            sla_policy_id, sla_started_at, first_response_due_at, resolution_due_at, first_response_at,
                            created_at, updated_at)
                        select gen_random_uuid(),
                               (array['NEW', 'OPEN', 'PENDING_CUSTOMER', 'SOLVED', 'CLOSED'])[1 + g % 5], 'OTHER',
                               'CLASSIFIER', (array['LOW', 'NORMAL', 'NORMAL', 'HIGH', 'URGENT'])[1 + g % 7 % 5],
                               'CONTACT', case when g % 3 = 0 then 'returns' else 'in-house' end,
                               case when g % 4 = 0 then null else 'ag-' || g % 30 end, 'default', created,
                               created + interval '24 hours', created + interval '72 hours',
                               case when g % 2 = 0 then created + interval '1 hour' end, created, created
                        from generate_series(1, 100000) g, lateral (select now() - (g % 500) * interval '1 hour' created) c
                        """, () -> {
                String list = plan(s, "select * from ticket t where t.merged_into is null"
                        + " order by t.priority_rank, t.sla_due_at, t.created_at, t.id offset 5000 rows fetch first 20 rows only");
                assertTrue(list.contains("Index Scan") && !list.contains("Sort") && !list.contains("Seq Scan"),
                        "the list must be read in order from an index, plan was:\n" + list);
                String queue = plan(s, "select * from ticket t where t.team_id = 'in-house' and t.agent_id is null"
                        + " and t.status in " + TicketSql.ACTIVE_LITERALS + " and t.merged_into is null"
                        + " order by t.priority_rank, t.sla_due_at, t.created_at, t.id fetch first 20 rows only");
                assertTrue(queue.contains("Index Scan") && !queue.contains("Sort") && !queue.contains("Seq Scan"),
                        "the queue must be read in order from an index, plan was:\n" + queue);
            });
        }
    }

    private static String plan(Statement s, String sql) throws Exception {
        StringBuilder plan = new StringBuilder();
        try (ResultSet rs = s.executeQuery("explain " + sql)) {
            while (rs.next()) {
                plan.append(rs.getString(1)).append('\n');
            }
        }
        return plan.toString();
    }

    /** What a test asks of the database while a temporary copy of it stands in for it. */
    private interface Check {
        void run() throws Exception;
    }

    /**
     * Runs {@code check} while a temporary table of {@code table}'s shape (its indexes included), filled by
     * {@code fill} and analysed with statistics over every row, hides the real one for this connection only.
     */
    private static void withTemporaryCopy(Statement s, String table, String fill, Check check) throws Exception {
        s.execute("create temporary table " + table + " (like public." + table + " including all)");
        try {
            s.execute(fill);
            s.execute("set default_statistics_target = 1000");
            s.execute("analyze " + table);
            s.execute("reset default_statistics_target");
            check.run();
        } finally {
            s.execute("drop table pg_temp." + table);
        }
    }
}
