package io.postventa.benchmarks.data;

import static io.postventa.benchmarks.data.TicketTexts.sqlArray;

import java.sql.SQLException;
import java.util.List;
import java.util.Map;

import io.postventa.benchmarks.stack.BenchStack;
import io.postventa.devstack.PlatformService;

/**
 * A generated help desk for ticket-service, facts only: customers, the order and return read models, tickets with
 * their SLA clock and first customer message, bulk-loaded with SQL (generate_series) in the shapes the service
 * writes them (KnownCustomers, KnownOrders and KnownReturns for customer, order_view and return_view; ContactIntake
 * and TicketOpening for ticket and ticket_message), after its Flyway created the schema. Teams, agents and routing rules are set through
 * its admin API, as an admin would; then the service derives the rest itself (its admin rebuild): the customer
 * search's keys of every order, and the SLA state (due times, targets already run out) of every active ticket.
 * Values come from deterministic hashes of the row number, so every run generates the same data. Replies, notes and
 * system lines of old tickets are left out (the search and the ingest never read them), and so are the SLA outcomes
 * of closed tickets (history the service does not act on).
 */
public final class TicketDataSet implements DataSet {
    /** How the data set is made, for the results file. */
    public static final String METHOD = "facts bulk-loaded with SQL (generate_series) after the service's Flyway "
            + "migrations, teams and agents through the admin API, then POST /api/v1/maintenance/rebuild: the service "
            + "derives the search keys and the SLA state of active tickets; then VACUUM ANALYZE";
    /** Tables this data set fills, in load order. */
    private static final List<String> TABLES = List.of("customer", "order_view", "product_line", "return_view", "team",
            "agent", "routing_rule", "ticket", "ticket_message");
    /** Bumped when the generated shapes change, so a kept data set of another shape is not reused. */
    private static final String SHAPE = "tickets-3";
    /** The service's outbox slot: the load waits until its relay has read past the load's WAL. */
    private static final String SLOT = "ticket_service_outbox";

    private final int customers;
    private final int orders;
    private final int tickets;

    public TicketDataSet(int customers, int orders, int tickets) {
        this.customers = customers;
        this.orders = orders;
        this.tickets = tickets;
    }

    @Override
    public PlatformService service() {
        return PlatformService.TICKET;
    }

    private String marker() {
        return SHAPE + ":" + customers + ":" + orders + ":" + tickets;
    }

    /** Whether the database already holds this data set (a reused bench stack). */
    @Override
    public String toString() {
        return String.format("%,d customers, %,d orders, %,d tickets", customers, orders, tickets);
    }

    public boolean presentIn(BulkSql sql) throws SQLException {
        return sql.holds(marker());
    }

    /**
     * Loads everything and returns the seconds each step took and the row counts. After the customers, the orders and
     * returns and the tickets load at the same time on two connections; the search indexes of the orders are built
     * once the service has derived the keys they index.
     */
    @Override
    public Map<String, Object> load(BenchStack stack, BulkSql sql, ServiceAdmin service) throws Exception {
        try (BulkSql second = new BulkSql(stack.db(service().database()))) {
            return load(sql, second, service);
        }
    }

    private Map<String, Object> load(BulkSql sql, BulkSql second, ServiceAdmin service) throws Exception {
        long start = System.nanoTime();
        sql.execute("truncate ticket_message, ticket, return_view, order_view, product_line, customer, bench_data_set");
        teams(service);
        List<String> customerIndexes = sql.dropSecondaryIndexes("customer");
        List<String> returnIndexes = sql.dropSecondaryIndexes("return_view");
        List<String> orderIndexes = sql.dropSecondaryIndexes("order_view", "product_line");
        List<String> ticketIndexes = sql.dropSecondaryIndexes("ticket", "ticket_message");
        sql.step("customer", customersSql());
        BulkSql.inParallel(() -> {
            sql.step("order_view", ordersSql());
            sql.step("return_view", returnsSql());
            sql.createIndexes(returnIndexes);
        }, () -> {
            second.step("ticket", ticketsSql());
            second.step("ticket_message", messagesSql());
            second.createIndexes(customerIndexes);
            second.createIndexes(ticketIndexes);
        });
        sql.timings().putAll(second.timings());
        sql.analyze("customer", "order_view", "return_view", "ticket", "ticket_message");
        Map<String, Object> rebuilt = service.rebuild();
        sql.timings().put("rebuild by the service", rebuilt.get("seconds"));
        sql.createIndexes(orderIndexes);
        // VACUUM too: the rebuild rewrote every active ticket, and until autovacuum comes by, the inbox's counts
        // (index-only scans of the active tickets) would read the heap for each; a running desk is vacuumed
        sql.vacuumAnalyze("customer", "order_view", "product_line", "return_view", "ticket", "ticket_message", "agent",
                "team");
        return DataSet.loaded(this, sql, marker(), SLOT, start, rebuilt);
    }

    @Override
    public Map<String, Long> counts(BulkSql sql) throws SQLException {
        return sql.counts(TABLES);
    }

    private String customersSql() {
        return """
                insert into customer (id, email, phone, first_name, last_name, language, erased, updated_at)
                select 'c-' || lpad(g::text, 6, '0'),
                       translate(lower(fn || '.' || split_part(ln, ' ', 1)), 'áéíóúüñ', 'aeiouun') || g || '@' || dom,
                       phone, fn, ln, lang, false, now() - (h3 %% 31536000) * interval '1 second'
                from (select g, h3, lang,
                        case when lang = 'en' then (%1$s)[1 + h1 %% %2$d] else (%3$s)[1 + h1 %% %4$d] end fn,
                        case when lang = 'en' then (%5$s)[1 + h2 %% %6$d]
                             else (%7$s)[1 + h2 %% %8$d] || ' ' || (%7$s)[1 + (h2 / 97) %% %8$d] end ln,
                        (array['gmail.com','hotmail.com','outlook.es','yahoo.es','icloud.com'])[1 + h3 %% 5] dom,
                        case when lang = 'en' then '+447' || lpad((h1 %% 1000000000)::text, 9, '0')
                             else '+346' || lpad((h2 %% 100000000)::text, 8, '0') end phone
                      from (select g, %9$s h1, %10$s h2, %11$s h3, case when g %% 4 = 0 then 'en' else 'es' end lang
                            from generate_series(1, %12$d) g) a) b
                """.formatted(sqlArray(TicketTexts.EN_FIRST), TicketTexts.EN_FIRST.size(),
                sqlArray(TicketTexts.ES_FIRST), TicketTexts.ES_FIRST.size(), sqlArray(TicketTexts.EN_LAST),
                TicketTexts.EN_LAST.size(), sqlArray(TicketTexts.ES_LAST), TicketTexts.ES_LAST.size(), BulkSql.hash("g"),
                BulkSql.hash("g + 1000003"), BulkSql.hash("g + 2000003"), customers);
    }

    /** The customer (number) of order number {@code o}, the same formula everywhere. */
    private String customerOf(String o) {
        return "(1 + " + BulkSql.hash(o) + " %% " + customers + ")";
    }

    /** When order number {@code o} was placed: within the last year. */
    private String placedAt(String o) {
        return "(now() - (" + BulkSql.hash(o + " + 3000017") + " %% 31536000) * interval '1 second')";
    }

    private static String line(String p) {
        return "(%s)[1 + (%s) %% 40] || ' ' || (%s)[1 + ((%s) / 40) %% 10] || ' SKU-' || lpad((%s)::text, 5, '0')"
                .formatted(sqlArray(TicketTexts.PRODUCTS), p, sqlArray(TicketTexts.VARIANTS), p, p);
    }

    private String ordersSql() {
        return ("""
                insert into order_view (order_id, customer_id, status, purchase_number, locale, currency, total, placed_at,
                    promised_date, carrier, tracking_number, tracking_url, delivered_at, exception_code, delayed, delay_cause,
                    city, products, updated_at)
                select 'ORD-' || (1000000 + g), 'c-' || lpad(cn::text, 6, '0'), st,
                       row_number() over (partition by cn order by placed, g),
                       case when cn %% 4 = 0 then 'en-GB' else 'es-ES' end, case when cn %% 4 = 0 then 'GBP' else 'EUR' end,
                       round((800 + h4 %% 40000) / 100.0 * nlines, 2), placed, (placed + interval '4 days')::date,
                       carrier, trk, 'https://tracking.example.com/' || trk,
                       case when st in ('DELIVERED', 'RETURNED')
                            then placed + (2 + h4 %% 4) * interval '1 day' + (h4 %% 36000) * interval '1 second' end,
                       case when st = 'EXCEPTION' then (array['ADDRESS_NOT_FOUND','DAMAGED_IN_TRANSIT','LOST'])[1 + h4 %% 3] end,
                       st = 'EXCEPTION' or (st in ('SHIPPED', 'IN_TRANSIT') and h4 %% 10 = 0),
                       case when st = 'EXCEPTION' then 'SHIPMENT_EXCEPTION'
                            when st in ('SHIPPED', 'IN_TRANSIT') and h4 %% 10 = 0 then 'PROMISED_DATE_PASSED' end,
                       case when cn %% 4 = 0 then (%1$s)[1 + (case when h3 %% 10 = 0 then h4 else %2$s end) %% %3$d]
                            else (%4$s)[1 + (case when h3 %% 10 = 0 then h4 else %2$s end) %% %5$d] end,
                       concat_ws(' | ', %6$s, case when nlines >= 2 then %7$s end, case when nlines >= 3 then %8$s end),
                       placed + interval '1 hour'
                from (select g, cn, placed, h3, h4, p1, p2, p3, 1 + (h3 / 10) %% 3 nlines,
                        case when placed > now() - interval '7 days'
                             then (array['PLACED','PAID','PACKED','SHIPPED','IN_TRANSIT','OUT_FOR_DELIVERY','DELIVERED','DELIVERED'])[1 + h3 %% 8]
                             when h3 %% 100 < 4 then 'RETURNED' when h3 %% 100 < 6 then 'CANCELLED'
                             when h3 %% 100 < 7 then 'EXCEPTION' else 'DELIVERED' end st,
                        (array['SEUR','Correos Express','MRW','GLS','DHL','UPS'])[1 + h4 %% 6] carrier,
                        'TRK' || lpad((h3 %% 1000000000)::text, 10, '0') trk
                      from (select g, %9$s cn, %10$s placed, %11$s h3, %12$s h4,
                              %13$s %% %14$d p1, %15$s %% %14$d p2, %16$s %% %14$d p3
                            from generate_series(1, %17$d) g) a) b
                """).formatted(sqlArray(TicketTexts.UK_CITIES), BulkSql.hash("cn + 7"), TicketTexts.UK_CITIES.size(),
                sqlArray(TicketTexts.ES_CITIES), TicketTexts.ES_CITIES.size(), line("p1"), line("p2"), line("p3"),
                customerOf("g").replace("%%", "%"), placedAt("g").replace("%%", "%"), BulkSql.hash("g + 4000037"),
                BulkSql.hash("g + 5000011"), BulkSql.hash("g * 3 + 1"), TicketTexts.SKUS, BulkSql.hash("g * 3 + 2"), BulkSql.hash("g * 3 + 3"), orders);
    }

    private static String returnsSql() {
        return """
                insert into return_view (return_id, order_id, customer_id, state, outcome, rma_code, currency, total_value,
                    updated_at)
                select 'RET-' || substr(order_id, 5), order_id, customer_id,
                       case when delivered_at > now() - interval '10 days' then 'IN_TRANSIT' else 'REFUNDED' end,
                       'APPROVED', 'RMA-' || substr(order_id, 5), currency, total, delivered_at + interval '5 days'
                from order_view where status = 'RETURNED'
                """;
    }

    /** Teams, agents (a sixth of them away) and routing rules, set up through the admin API as an admin would. */
    private static void teams(ServiceAdmin service) throws Exception {
        long start = System.nanoTime();
        service.put("/api/v1/teams/returns", Map.of("name", "Returns and incidents", "partner", false, "agentCap", 25));
        service.put("/api/v1/teams/partner-cc", Map.of("name", "Outsourced contact centre", "partner", true, "agentCap", 25));
        Map<String, String> codes = Map.of("inh", "in-house", "ret", "returns", "pcc", "partner-cc");
        for (Map.Entry<String, String> team : codes.entrySet()) {
            for (int n = 1; n <= 12; n++) {
                service.put(String.format("/api/v1/agents/ag-%s-%02d", team.getKey(), n), Map.of("teamId", team.getValue(),
                        "name", "Agent " + team.getKey().toUpperCase() + " " + n, "available", n % 6 != 0));
            }
        }
        for (int i = 0; i < TicketTexts.REASONS.size(); i++) {
            if (!TicketTexts.REASON_TEAMS.get(i).equals("in-house")) {
                service.put("/api/v1/routing-rules/" + TicketTexts.REASONS.get(i), Map.of("teamId",
                        TicketTexts.REASON_TEAMS.get(i)));
            }
        }
        System.out.printf("  %-44s %20s %7.1f s%n", "teams, agents, routing (admin API)", "",
                (System.nanoTime() - start) / 1e9);
    }

    /**
     * A year of tickets with their SLA clock (started when they opened; stopped since the customer was asked, or
     * since they were solved); their due times and breaches are the service's to derive, by its own policies.
     */
    private String ticketsSql() {
        String reasonCase = TicketTexts.weighted("rb", TicketTexts.REASONS, TicketTexts.REASON_WEIGHTS);
        StringBuilder team = new StringBuilder("case reason");
        for (int i = 0; i < TicketTexts.REASONS.size(); i++) {
            team.append(" when '").append(TicketTexts.REASONS.get(i)).append("' then '")
                    .append(TicketTexts.REASON_TEAMS.get(i)).append('\'');
        }
        team.append(" end");
        String channel = TicketTexts.weighted("h5 % 100", List.of("EMAIL", "CHAT", "PHONE", "WEB_FORM", "SOCIAL"),
                new int[] {35, 25, 20, 15, 5});
        return ("""
                insert into ticket (id, status, reason, reason_source, priority, channel, origin, customer_id, email, phone,
                    order_id, subject, language, team_id, agent_id, sla_policy_id, sla_started_at, sla_paused_seconds,
                    sla_paused_since, first_response_due_at, resolution_due_at, first_response_at, first_response_breached,
                    resolution_breached, solved_at, auto_solved, reopen_count, procedure_id, merged_into, created_at,
                    updated_at, version)
                select gen_random_uuid(), st, reason,
                       case when origin <> 'CONTACT' then 'SYSTEM' when channel = 'PHONE' and h6 %% 2 = 0 then 'IVR'
                            when h6 %% 20 = 1 then 'AGENT' else 'CLASSIFIER' end,
                       case when h6 %% 20 = 0 then 'URGENT' when h6 %% 5 = 0 then 'HIGH'
                            when reason in ('OTHER', 'INVOICE_COPY', 'PRE_SALE') then 'LOW' else 'NORMAL' end,
                       channel, origin, c.id, c.email, c.phone, order_id,
                       replace((%1$s)[1 + ri * 2 + case when c.language = 'en' then 1 else 0 end], '{o}', coalesce(order_id, '')),
                       c.language, team,
                       case when st in ('SOLVED', 'CLOSED') and not auto
                                 or st not in ('SOLVED', 'CLOSED') and h6 %% 100 < 4
                            then 'ag-' || case team when 'in-house' then 'inh' when 'returns' then 'ret' else 'pcc' end
                                 || '-' || lpad((1 + h6 %% 12)::text, 2, '0') end,
                       'default', created, 0,
                       case when st in ('SOLVED', 'CLOSED') then solved when st = 'PENDING_CUSTOMER' then first_at end,
                       null, null, first_at, false, false, solved, auto and st in ('SOLVED', 'CLOSED'), case when h6 %% 50 = 0 then 1 else 0 end, null, null, created,
                       coalesce(solved, first_at, created), 0
                from (select *, %2$s team,
                        case when st = 'NEW' then null when auto then created + (5 + h6 %% 60) * interval '1 second'
                             else created + (300 + h4 %% 100000) * interval '1 second' end first_at,
                        case when st in ('SOLVED', 'CLOSED')
                             then created + (case when auto then 10 else 400 + h4 %% 100000 + h5 %% 150000 end) * interval '1 second'
                             end solved
                      from (select *, array_position(%3$s, reason) - 1 ri,
                              case when created > now() - interval '10 days' and h4 %% 10 < 7
                                   then (array['NEW','OPEN','PENDING_CUSTOMER','ON_HOLD'])[1 + h4 %% 4]
                                   when h4 %% 2 = 0 then 'SOLVED' else 'CLOSED' end st,
                              reason = 'WHERE_IS_MY_ORDER' and h6 %% 3 = 0 and order_id is not null auto,
                              case when order_id is not null and reason = 'WHERE_IS_MY_ORDER' and h6 %% 10 = 7
                                   then 'ORDER_DELAYED' else 'CONTACT' end origin,
                              %4$s channel
                            from (select g, h4, h5, h6, reason,
                                    case when no_order then null else 'ORD-' || (1000000 + o) end order_id,
                                    case when no_order then 1 + %5$s %% %6$d else %7$s end cn,
                                    case when no_order then now() - (%8$s %% 31536000) * interval '1 second'
                                         else least(now() - interval '1 minute',
                                                    %9$s + (%10$s %% 1209600) * interval '1 second') end created
                                  from (select *, reason = 'PRE_SALE' or rb %% 17 = 0 no_order
                                        from (select g, 1 + %11$s %% %12$d o, %13$s %% 100 rb, %14$s h4, %15$s h5, %16$s h6
                                              from generate_series(1, %17$d) g) x,
                                        lateral (select %18$s reason) r) y) z) w) v
                     join customer c on c.id = 'c-' || lpad(v.cn::text, 6, '0')
                """).formatted(sqlArray(TicketTexts.subjects()), team, sqlArray(TicketTexts.REASONS), channel,
                BulkSql.hash("g + 77"), customers, customerOf("o").replace("%%", "%"), BulkSql.hash("g + 6000001"),
                placedAt("o").replace("%%", "%"), BulkSql.hash("g + 7000003"), BulkSql.hash("g * 7 + 3"), orders, BulkSql.hash("g * 5 + 1"),
                BulkSql.hash("g * 5 + 2"), BulkSql.hash("g * 5 + 3"), BulkSql.hash("g * 5 + 4"), tickets, reasonCase);
    }

    private static String messagesSql() {
        return """
                insert into ticket_message (id, ticket_id, kind, author, channel, subject, body, ivr_option, procedure_id,
                    idempotency_key, created_at)
                select gen_random_uuid(), t.id, 'CUSTOMER', coalesce(t.customer_id, 'platform'), t.channel, t.subject,
                       replace((%s)[1 + (array_position(%s, t.reason) - 1) * 4
                                    + case when t.language = 'en' then 2 else 0 end + (hashtext(t.id::text) & 1)],
                               '{o}', coalesce(t.order_id, '')),
                       case when t.reason_source = 'IVR' then
                            (array['1','2','3','3','3','4','4','5','9','6','9'])[array_position(%s, t.reason)] end,
                       null, null, t.created_at
                from ticket t
                """.formatted(sqlArray(TicketTexts.bodies()), sqlArray(TicketTexts.REASONS),
                sqlArray(TicketTexts.REASONS));
    }
}
