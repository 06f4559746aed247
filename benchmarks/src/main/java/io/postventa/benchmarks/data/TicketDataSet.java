package io.postventa.benchmarks;

import static io.postventa.benchmarks.TicketTexts.sqlArray;

import java.sql.SQLException;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Bulk-loads ticket-service's tables (after its Flyway created them) with a generated help desk: customers, the
 * order and return read models, teams, agents and routing rules, tickets with their first customer message. The
 * rows have the shapes the service itself writes (ReadModelService for customer, order_view and return_view;
 * ContactService and TicketService for ticket and ticket_message); values come from deterministic hashes of the
 * row number, so every run generates the same data. Replies, notes and system lines of old tickets are left out
 * (the search and the ingest never read them).
 */
final class TicketDataSet {
    /** Tables this data set fills, in load order. */
    static final String[] TABLES = {"customer", "order_view", "product_line", "return_view", "team", "agent",
        "routing_rule", "ticket", "ticket_message"};
    /** Bumped when the generated shapes change, so a kept data set of another shape is not reused. */
    static final String SHAPE = "tickets-2";

    private final int customers;
    private final int orders;
    private final int tickets;

    TicketDataSet(int customers, int orders, int tickets) {
        this.customers = customers;
        this.orders = orders;
        this.tickets = tickets;
    }

    /** A hash of an integer expression, non-negative. */
    private static String h(String expr) {
        return "(hashint4((" + expr + ")::int)::bigint & 2147483647)";
    }

    String marker() {
        return SHAPE + ":" + customers + ":" + orders + ":" + tickets;
    }

    /** Whether the database already holds this data set (a reused bench stack). */
    boolean presentIn(BulkSql sql) throws SQLException {
        sql.execute("create table if not exists bench_data_set (marker text primary key, schema_version text, "
                + "loaded_at timestamptz not null default now())");
        return sql.count("select count(*) from bench_data_set where marker = '" + marker() + "' and schema_version = '"
                + sql.schemaVersion() + "'") > 0;
    }

    /**
     * Loads everything and returns the seconds each step took and the row counts. After the customers, the orders
     * (with their trigram index, the slowest step) and the tickets load at the same time on two connections.
     */
    Map<String, Object> load(BulkSql sql, BulkSql second, String slot) throws Exception {
        long start = System.nanoTime();
        sql.execute("truncate ticket_message, ticket, routing_rule, return_view, order_view, product_line, customer, "
                + "bench_data_set");
        sql.execute("delete from agent");
        sql.execute("delete from team where id <> 'in-house'");
        List<String> customerIndexes = sql.dropSecondaryIndexes("customer");
        List<String> orderIndexes = sql.dropSecondaryIndexes("order_view", "return_view", "product_line");
        List<String> ticketIndexes = sql.dropSecondaryIndexes("ticket", "ticket_message");
        sql.step("customer", customersSql());
        List<String> teams = teamsSql();
        sql.step("team", teams.get(0));
        sql.step("agent", teams.get(1));
        sql.step("routing_rule", teams.get(2));
        BulkSql.inParallel(() -> {
            sql.step("order_view", ordersSql());
            sql.step("product_line", PRODUCT_LINES);
            sql.step("return_view", returnsSql());
            sql.createIndexes(orderIndexes);
        }, () -> {
            second.step("ticket", ticketsSql());
            second.step("ticket_message", messagesSql());
            second.createIndexes(customerIndexes);
            second.createIndexes(ticketIndexes);
        });
        sql.timings().putAll(second.timings());
        sql.analyze("customer", "order_view", "product_line", "return_view", "ticket", "ticket_message", "agent", "team");
        sql.execute("insert into bench_data_set (marker, schema_version) values ('" + marker() + "', '"
                + sql.schemaVersion() + "')");
        sql.awaitSlotCaughtUp(slot, Duration.ofMinutes(5));
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("seconds", Latencies.round((System.nanoTime() - start) / 1e9));
        out.put("steps", sql.timings());
        out.put("rows", counts(sql));
        return out;
    }

    static Map<String, Long> counts(BulkSql sql) throws SQLException {
        Map<String, Long> rows = new LinkedHashMap<>();
        for (String table : TABLES) {
            rows.put(table, sql.count("select count(*) from " + table));
        }
        return rows;
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
                TicketTexts.EN_LAST.size(), sqlArray(TicketTexts.ES_LAST), TicketTexts.ES_LAST.size(), h("g"),
                h("g + 1000003"), h("g + 2000003"), customers);
    }

    /** The customer (number) of order number {@code o}, the same formula everywhere. */
    private String customerOf(String o) {
        return "(1 + " + h(o) + " %% " + customers + ")";
    }

    /** When order number {@code o} was placed: within the last year. */
    private String placedAt(String o) {
        return "(now() - (" + h(o + " + 3000017") + " %% 31536000) * interval '1 second')";
    }

    /**
     * Every distinct order line once, as ReadModelService and the V2 migration keep them. On a reused stack the
     * running service may already have added lines from order events left on the topics.
     */
    private static final String PRODUCT_LINES = """
            insert into product_line (line, sku)
            select distinct l, lower(regexp_replace(l, '^.*\\s', ''))
            from order_view, unnest(string_to_array(products, ' | ')) l
            where products is not null
            on conflict do nothing
            """;

    /** The lower-case SKU of product number {@code p}, as order_view.skus holds it. */
    private static String sku(String p) {
        return "'sku-' || lpad((%s)::text, 5, '0')".formatted(p);
    }

    private static String line(String p) {
        return "(%s)[1 + (%s) %% 40] || ' ' || (%s)[1 + ((%s) / 40) %% 10] || ' SKU-' || lpad((%s)::text, 5, '0')"
                .formatted(sqlArray(TicketTexts.PRODUCTS), p, sqlArray(TicketTexts.VARIANTS), p, p);
    }

    private String ordersSql() {
        return ("""
                insert into order_view (order_id, customer_id, status, purchase_number, locale, currency, total, placed_at,
                    promised_date, carrier, tracking_number, tracking_url, delivered_at, exception_code, delayed, delay_cause,
                    city, products, skus, updated_at)
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
                       array_remove(array[%18$s, case when nlines >= 2 and p2 <> p1 then %19$s end,
                                          case when nlines >= 3 and p3 <> p1 and p3 <> p2 then %20$s end], null),
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
                """).formatted(sqlArray(TicketTexts.UK_CITIES), h("cn + 7"), TicketTexts.UK_CITIES.size(),
                sqlArray(TicketTexts.ES_CITIES), TicketTexts.ES_CITIES.size(), line("p1"), line("p2"), line("p3"),
                customerOf("g").replace("%%", "%"), placedAt("g").replace("%%", "%"), h("g + 4000037"),
                h("g + 5000011"), h("g * 3 + 1"), TicketTexts.SKUS, h("g * 3 + 2"), h("g * 3 + 3"), orders, sku("p1"),
                sku("p2"), sku("p3"));
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

    /** Teams, agents (a sixth of them away) and routing rules, as an admin would set them up through the API. */
    private static List<String> teamsSql() {
        StringBuilder rules = new StringBuilder();
        for (int i = 0; i < TicketTexts.REASONS.size(); i++) {
            if (!TicketTexts.REASON_TEAMS.get(i).equals("in-house")) {
                rules.append(rules.isEmpty() ? "" : ", ").append("('").append(TicketTexts.REASONS.get(i)).append("', '")
                        .append(TicketTexts.REASON_TEAMS.get(i)).append("')");
            }
        }
        return List.of("insert into team (id, name, partner, agent_cap) values ('returns', 'Returns and incidents', "
                        + "false, 25), ('partner-cc', 'Outsourced contact centre', true, 25)",
                "insert into agent (id, team_id, name, available) select 'ag-' || t.code || '-' || lpad(n::text, 2, '0'), "
                        + "t.id, 'Agent ' || upper(t.code) || ' ' || n, n % 6 <> 0 from (values ('inh', 'in-house'), "
                        + "('ret', 'returns'), ('pcc', 'partner-cc')) t (code, id), generate_series(1, 12) n",
                "insert into routing_rule (reason, team_id) values " + rules);
    }

    /**
     * A year of tickets as the service would have left them: targets that ran out are already flagged as breached,
     * and a clock paused while waiting on the customer has no resolution due time, so the SLA check starts from
     * today's work rather than from a year of backlog.
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
                       created + interval '24 hours',
                       case when st = 'PENDING_CUSTOMER' then null else created + interval '72 hours' end, first_at,
                       coalesce(first_at, now()) - created > interval '24 hours',
                       coalesce(solved, now()) - created > interval '72 hours',
                       solved, auto and st in ('SOLVED', 'CLOSED'), case when h6 %% 50 = 0 then 1 else 0 end, null, null, created,
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
                h("g + 77"), customers, customerOf("o").replace("%%", "%"), h("g + 6000001"),
                placedAt("o").replace("%%", "%"), h("g + 7000003"), h("g * 7 + 3"), orders, h("g * 5 + 1"),
                h("g * 5 + 2"), h("g * 5 + 3"), h("g * 5 + 4"), tickets, reasonCase);
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
