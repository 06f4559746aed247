package io.postventa.benchmarks.data;

import java.sql.SQLException;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import io.postventa.benchmarks.stack.BenchStack;
import io.postventa.devstack.PlatformService;

/**
 * One year of generated history for feedback-service, facts only: orders and their lines, tickets (with the first
 * response and solve ticket-service reported), contacts, returns (with their first decision) and their lines,
 * surveys and answers, bulk-loaded with SQL (generate_series) in the shapes the consumers store them, after the
 * service's Flyway created the schema. Then the service derives the rest itself (its admin rebuild): orders' defect
 * flags, recovered detractors and every KPI rollup. Values come from deterministic hashes of the row number, so every
 * run generates the same history. Ticket reopens, SLA breaches and notifications sent are event counts the service
 * keeps no fact of: this history has none.
 */
public final class FeedbackDataSet implements DataSet {
    /** How the history is made, for the results file. */
    public static final String METHOD = "facts bulk-loaded with SQL (generate_series) after the service's Flyway "
            + "migrations, then POST /api/v1/maintenance/rebuild: the service derives defect flags, recovered detractors "
            + "and every rollup; then ANALYZE";
    /** Bumped when the generated shapes change, so a kept history of another shape is not reused. */
    private static final String SHAPE = "feedback-4";
    /** The service's outbox slot: the load waits until its relay has read past the load's WAL. */
    private static final String SLOT = "feedback_service_outbox";
    private static final List<String> FACTS = List.of("order_fact", "order_line_fact", "ticket_fact", "contact_fact",
            "return_fact", "return_line_fact", "survey", "answer", "notification_fact", "notification_link_fact");
    /** The teams tickets are routed to (the last two are partners, with contracted targets) and their agents. */
    static final List<String> TEAMS = List.of("in-house-madrid", "in-house-lisboa", "partner-sur", "partner-norte");
    static final int AGENTS_PER_TEAM = 15;
    /** The A/B-tested templates of the history (every delivered order gets one message, variant A or B). */
    static final List<String> TEMPLATES = List.of("order-shipped", "order-delivered", "order-delayed");
    /**
     * The rollups, for dropping their secondary indexes while the rebuild fills them (an optimisation only: a table
     * renamed in the service is found by the rebuild's answer, just loaded with its indexes in place).
     */
    private static final List<String> ROLLUPS = List.of("kpi_daily", "first_response_histogram",
            "first_response_histogram_weekly", "first_response_histogram_monthly", "contact_reason_daily",
            "category_daily", "sku_daily", "sku_monthly", "sku_reason_daily", "sku_reason_monthly", "driver_daily", "split_daily",
            "variant_daily");
    private static final List<String> CATEGORIES = List.of("calzado", "ropa", "accesorios", "electronica", "hogar",
            "cocina", "deporte", "juguetes", "belleza", "libros", "jardin", "mascotas", "bebe", "informatica", "telefonia",
            "muebles", "iluminacion", "textil-hogar", "viaje", "papeleria");
    private static final int SKUS = 5000;
    private static final int CUSTOMERS = 200_000;

    private final int orders;
    private final ZoneId zone;
    private final LocalDate first;
    private final LocalDate last;

    /** {@code orders} placed over the 365 local days ending {@code last}. */
    public FeedbackDataSet(int orders, ZoneId zone, LocalDate last) {
        this.orders = orders;
        this.zone = zone;
        this.last = last;
        this.first = last.minusDays(364);
    }

    @Override
    public String toString() {
        return String.format("one year (%s to %s) of %,d orders, facts only (SQL), then the service's rebuild", first, last,
                orders);
    }

    public int orders() {
        return orders;
    }

    public ZoneId zone() {
        return zone;
    }

    public LocalDate first() {
        return first;
    }

    public LocalDate last() {
        return last;
    }

    @Override
    public PlatformService service() {
        return PlatformService.FEEDBACK;
    }

    private String marker() {
        return SHAPE + ":" + orders + ":" + first + ":" + last + ":" + zone;
    }

    @Override
    public boolean presentIn(BulkSql sql) throws SQLException {
        return sql.holds(marker());
    }

    @Override
    public Map<String, Long> counts(BulkSql sql) throws SQLException {
        List<String> tables = new ArrayList<>(FACTS);
        tables.addAll(ROLLUPS);
        return sql.counts(tables);
    }

    /** A local day of a timestamp, as the service stores days (its KPI time zone). */
    private String day(String ts) {
        return "((" + ts + ") at time zone '" + zone.getId() + "')::date";
    }

    /** Loads the facts, lets the service derive the rest, and returns the seconds each step took and the rows. */
    @Override
    public Map<String, Object> load(BenchStack stack, BulkSql sql, ServiceAdmin service) throws Exception {
        long start = System.nanoTime();
        sql.execute("truncate " + String.join(", ", FACTS) + ", " + String.join(", ", ROLLUPS) + ", partner_team, bench_data_set");
        List<String> indexes = sql.dropSecondaryIndexes(FACTS.toArray(String[]::new));
        String start0 = "(timestamp '" + first + " 00:00' at time zone '" + zone.getId() + "')";
        orders(sql, start0);
        tickets(sql, start0);
        returns(sql, start0);
        answers(sql);
        notifications(sql);
        partners(sql);
        sql.createIndexes(indexes);
        sql.analyze(FACTS.toArray(String[]::new));

        List<String> rollupIndexes = sql.dropSecondaryIndexes(ROLLUPS.toArray(String[]::new));
        Map<String, Object> rebuilt = service.rebuild();
        sql.timings().put("rebuild by the service", rebuilt.get("seconds"));
        sql.createIndexes(rollupIndexes);
        // a live database's autovacuum has long since marked a year's rollup pages all-visible (index-only scans)
        sql.vacuumAnalyze(((Map<?, ?>) rebuilt.get("rollupRows")).keySet().toArray(String[]::new));
        return DataSet.loaded(this, sql, marker(), SLOT, start, rebuilt);
    }

    /** Orders over the year (a few in exception, cancelled or still on the way) and their one to three lines. */
    private void orders(BulkSql sql, String start0) throws SQLException {
        sql.step("order_fact", """
                insert into order_fact (order_id, customer_id, placed_at, placed_day, status, carrier, delivered_at, delayed,
                    defect, locale)
                select 'ORD-' || (1000000 + g), 'c-' || lpad((1 + %1$s %% %2$d)::text, 6, '0'), p, %3$s, st, carrier,
                       case when st in ('DELIVERED', 'RETURNED') then p + (2 + h %% 4) * interval '1 day' end,
                       h %% 100 < 6, false, case when g %% 4 = 0 then 'en-GB' else 'es-ES' end
                from (select g, p, h, (array['SEUR','Correos Express','MRW','GLS','DHL','UPS'])[1 + h %% 6] carrier,
                        case when h %% 1000 < 5 then 'EXCEPTION' when h %% 100 < 3 then 'CANCELLED'
                             when p > %4$s + interval '358 days' and h %% 3 = 0 then 'IN_TRANSIT' else 'DELIVERED' end st
                      from (select g, %4$s + (%5$s %% 31536000) * interval '1 second' p, %6$s h
                            from generate_series(1, %7$d) g) a) b
                """.formatted(BulkSql.hash("g"), CUSTOMERS, day("p"), start0, BulkSql.hash("g + 3000017"), BulkSql.hash("g + 4000037"), orders));
        sql.step("order_line_fact", """
                insert into order_line_fact (order_id, sku, category, quantity)
                select 'ORD-' || (1000000 + g), 'SKU-' || lpad(s::text, 5, '0'), (%1$s)[1 + s %% %2$d], 1 + (%3$s %% 10 = 0)::int
                from generate_series(1, %4$d) g, lateral generate_series(1, 1 + %5$s %% 3) k,
                     lateral (select %6$s %% %7$d s) x
                on conflict do nothing
                """.formatted(TicketTexts.sqlArray(CATEGORIES), CATEGORIES.size(), BulkSql.hash("g * 3 + k + 11"), orders,
                BulkSql.hash("g + 5000011"), BulkSql.hash("g * 3 + k"), SKUS));
    }

    /**
     * About 12% of orders get a ticket, with the first response and the solve ticket-service reported (95% solved),
     * and one or two contacts.
     */
    private void tickets(BulkSql sql, String start0) throws SQLException {
        sql.step("ticket_fact", """
                insert into ticket_fact (ticket_id, customer_id, order_id, reason, created_at, open, solved_once, sla_met,
                    first_response_recorded, first_response_at, first_response_seconds, first_response_within_sla, solved_at,
                    resolution_seconds, solved_within_sla, channel, team_id, first_response_automatic, first_response_team,
                    first_response_agent, solved_team, solved_agent)
                select ticket_id, o.customer_id, o.order_id, reason, created, not solved, solved, case when solved then met end,
                       true, created + first_seconds * interval '1 second', first_seconds, first_seconds <= 86400,
                       case when solved then created + resolution * interval '1 second' end,
                       case when solved then resolution end, case when solved then met end,
                       (array['EMAIL','EMAIL','CHAT','PHONE','WHATSAPP','WEB_FORM'])[1 + h2 %% 6], team, automatic, team,
                       case when not automatic then agent end, case when solved then team end,
                       case when solved then agent end
                from (select *, first_seconds <= 86400 and resolution <= 259200 met,
                        (%11$s)[1 + h2 / 3 %% %13$d] team, h2 %% 10 = 0 automatic,
                        'agent-' || lpad(((h2 / 3 %% %13$d) * %12$d + h2 / 7 %% %12$d + 1)::text, 3, '0') agent
                      from (select 'T-' || g ticket_id, g, h2, created, first_seconds, solved, reason,
                              first_seconds + 600 + h2 %% 200000 resolution
                            from (select g, %1$s h2,
                                    least(%2$s + interval '364 days 23 hours',
                                          p + (3600 + %3$s %% 864000) * interval '1 second') created,
                                    (60 + (-ln((%4$s %% 1000000 + 1) / 1000001.0)) * 18000)::bigint first_seconds,
                                    %5$s %% 100 < 95 solved,
                                    %6$s reason
                                  from (select g, %2$s + (%7$s %% 31536000) * interval '1 second' p, %8$s %% 100 rb
                                        from generate_series(1, %9$d) g where %10$s %% 100 < 12) a) b) c) t
                join order_fact o on o.order_id = 'ORD-' || (1000000 + t.g)
                """.formatted(BulkSql.hash("g + 9000001"), start0, BulkSql.hash("g + 9100003"), BulkSql.hash("g + 9200003"), BulkSql.hash("g + 9300001"),
                TicketTexts.weighted("rb", TicketTexts.REASONS, TicketTexts.REASON_WEIGHTS), BulkSql.hash("g + 3000017"),
                BulkSql.hash("g + 9400001"), orders, BulkSql.hash("g + 8000009"), TicketTexts.sqlArray(TEAMS), AGENTS_PER_TEAM,
                TEAMS.size()));
        sql.step("contact_fact", """
                insert into contact_fact (contact_id, ticket_id, customer_id, order_id, reason, received_at, reason_at_contact,
                    channel)
                select ticket_id || '-c' || n, ticket_id, customer_id, order_id, reason, created_at + (n - 1) * interval '26 hours',
                       reason, channel
                from ticket_fact, generate_series(1, 1 + (%s %% 4 = 0)::int) n
                """.formatted(BulkSql.hash("substr(ticket_id, 3)::int + 9000001")));
    }

    /** About 6% of delivered orders come back: one line, requested within two weeks, 70% approved by the risk engine. */
    private void returns(BulkSql sql, String start0) throws SQLException {
        sql.step("return_fact", """
                insert into return_fact (return_id, order_id, customer_id, requested_at, main_reason, open, decided,
                    decided_at, auto_approved)
                select return_id, order_id, customer_id, requested_at, reason, requested_at > now() - interval '10 days', true,
                       requested_at + interval '5 minutes', h %% 10 < 7
                from (select 'RET-' || substr(order_id, 5) return_id, order_id, customer_id, h,
                        least(%1$s + interval '364 days 23 hours', delivered_at + (1 + h %% 14) * interval '1 day') requested_at,
                        (array['SIZE_FIT','SIZE_FIT','SIZE_FIT','CHANGED_MIND','CHANGED_MIND','DAMAGED','DEFECTIVE',
                               'WRONG_ITEM','NOT_AS_DESCRIBED','LATE_DELIVERY','MISSING_PARTS','OTHER'])[1 + h %% 12] reason
                      from (select order_id, customer_id, delivered_at, %2$s h from order_fact
                            where delivered_at is not null) o
                      where h %% 100 < 6) r
                """.formatted(start0, BulkSql.hash("substr(order_id, 5)::int + 9500003")));
        sql.step("return_line_fact", """
                insert into return_line_fact (return_id, line_no, sku, category, quantity, reason)
                select r.return_id, 0, l.sku, l.category, 1, r.main_reason from return_fact r
                join lateral (select sku, category from order_line_fact l where l.order_id = r.order_id limit 1) l on true
                """);
    }

    /**
     * One A/B-tested message per delivered order, on the day it was delivered: one of the templates, variant A or B by
     * the customer (as notification-service assigns them).
     */
    private void notifications(BulkSql sql) throws SQLException {
        sql.step("notification_fact", """
                insert into notification_fact (notification_id, customer_id, order_id, template_id, variant, sent_at)
                select 'N-' || substr(order_id, 5), customer_id, order_id, (%1$s)[1 + h %% %2$d],
                       case when hashtext(customer_id) %% 2 = 0 then 'A' else 'B' end, delivered_at
                from (select order_id, customer_id, delivered_at, %3$s h from order_fact where delivered_at is not null) o
                """.formatted(TicketTexts.sqlArray(TEMPLATES), TEMPLATES.size(), BulkSql.hash("substr(order_id, 5)::int + 9900001")));
        // what the messages' links were used for: the portal opened for about a third, an unsubscribe for one in a hundred,
        // a day after the message (the rebuild counts them onto the messages' variants)
        sql.step("notification_link_fact", """
                insert into notification_link_fact (notification_id, action, occurred_at)
                select notification_id, 'PORTAL_VISIT', sent_at + interval '1 day' from (select notification_id, sent_at, %1$s h
                from notification_fact) n where h %% 3 = 0
                union all
                select notification_id, 'UNSUBSCRIBE', sent_at + interval '1 day' from (select notification_id, sent_at, %1$s h
                from notification_fact) n where h %% 100 = 1
                """.formatted(BulkSql.hash("substr(notification_id, 3)::int + 9910007")));
    }

    /** The two partner teams and their contracted targets (the scorecard reads them). */
    private void partners(BulkSql sql) throws SQLException {
        String targets = "[{\"metric\":\"FIRST_RESPONSE_WITHIN_HOURS\",\"hours\":24,\"target\":0.95},"
                + "{\"metric\":\"CSAT_AVERAGE\",\"hours\":null,\"target\":4.2},"
                + "{\"metric\":\"SLA_COMPLIANCE\",\"hours\":null,\"target\":0.9},"
                + "{\"metric\":\"REOPEN_RATE\",\"hours\":null,\"target\":0.05}]";
        for (String team : TEAMS.subList(2, TEAMS.size())) {
            sql.execute("insert into partner_team (team_id, name, targets, version, updated_at, updated_by) values ('" + team
                    + "', '" + team + "', '" + targets + "', 1, now(), 'bench')");
        }
    }

    /** NPS after a tenth of deliveries, CSAT after a quarter of solved tickets and a fifth of returns; none in the future. */
    private void answers(BulkSql sql) throws SQLException {
        sql.execute("drop table if exists bench_answer");
        sql.step("answers (temporary)", """
                create temp table bench_answer as
                select 'S-N-' || substr(order_id, 5) survey_id, customer_id, 'NPS' as kind, 'ORDER_DELIVERED' as trigger,
                       order_id subject_id, delivered_at triggered_at, delivered_at + interval '7 days' due_at,
                       delivered_at + interval '7 days' + (h %% 200000) * interval '1 second' answered_at,
                       (array[10,10,10,9,9,9,8,8,7,6,5,3,0])[1 + h %% 13] score, locale,
                       order_id ctx_order_id, carrier ctx_carrier, delayed ctx_delayed, null::text ctx_return_id,
                       null::text ctx_return_reason, null::text ctx_ticket_id, null::text ctx_ticket_reason,
                       null::boolean ctx_sla_met
                from (select *, %1$s h from order_fact where delivered_at is not null) o where h %% 10 = 0
                union all
                select 'S-T-' || ticket_id, customer_id, 'CSAT', 'TICKET_SOLVED', ticket_id, solved_at,
                       solved_at + interval '2 hours', solved_at + interval '2 hours' + (h %% 100000) * interval '1 second',
                       case when sla_met then (array[5,5,5,4,4,3,2])[1 + h %% 7] else (array[5,4,3,2,2,1,1])[1 + h %% 7] end,
                       'es-ES', order_id, null, null, null, null, ticket_id, reason, sla_met
                from (select *, %2$s h from ticket_fact where solved_once) t where h %% 4 = 0
                union all
                select 'S-R-' || return_id, customer_id, 'CSAT', 'RETURN_REFUNDED', return_id, requested_at + interval '6 days',
                       requested_at + interval '7 days', requested_at + interval '7 days' + (h %% 100000) * interval '1 second',
                       (array[5,5,4,4,3,2,1])[1 + h %% 7], 'es-ES', order_id, null, null, return_id, main_reason, null, null,
                       null
                from (select *, %3$s h from return_fact) r where h %% 5 = 0
                """.formatted(BulkSql.hash("substr(order_id, 5)::int + 9600011"), BulkSql.hash("substr(ticket_id, 3)::int + 9700001"),
                BulkSql.hash("substr(return_id, 5)::int + 9800011")));
        sql.execute("delete from bench_answer where answered_at > now()");
        sql.step("survey", """
                insert into survey (survey_id, customer_id, kind, trigger, subject_id, status, triggered_at, due_at,
                    checked_at, invited_at, expires_at, locale, ctx_order_id, ctx_carrier, ctx_delayed, ctx_return_id,
                    ctx_return_reason, ctx_ticket_id, ctx_ticket_reason, ctx_sla_met)
                select survey_id, customer_id, kind, trigger, subject_id, 'ANSWERED', triggered_at, due_at, due_at, due_at,
                       due_at + interval '14 days', locale, ctx_order_id, ctx_carrier, ctx_delayed, ctx_return_id,
                       ctx_return_reason, ctx_ticket_id, ctx_ticket_reason, ctx_sla_met
                from bench_answer
                """);
        sql.step("answer", """
                insert into answer (survey_id, customer_id, kind, trigger, score, comment, low_score_reason, locale,
                    answered_at, day, detractor, ctx_order_id, ctx_carrier, ctx_delayed, ctx_return_id, ctx_return_reason,
                    ctx_ticket_id, ctx_ticket_reason, ctx_sla_met)
                select survey_id, customer_id, kind, trigger, score,
                       case when kind = 'CSAT' and score <= 2 or kind = 'NPS' and score <= 5 then 'No quedé contento con el servicio' end,
                       case when kind = 'CSAT' and score <= 2 then 'NOT_RESOLVED' end, locale, answered_at, %1$s,
                       case when kind = 'NPS' then score <= 6 else score <= 2 end,
                       ctx_order_id, ctx_carrier, ctx_delayed, ctx_return_id, ctx_return_reason, ctx_ticket_id,
                       ctx_ticket_reason, ctx_sla_met
                from bench_answer
                """.formatted(day("answered_at")));
        sql.execute("drop table bench_answer");
    }
}
