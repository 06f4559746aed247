package io.postventa.benchmarks;

import java.sql.SQLException;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Bulk-loads feedback-service's tables (after its Flyway created them) with one year of generated history: the
 * fact tables (orders and their lines, tickets, contacts, returns, surveys and answers) in the shapes FactService
 * and SurveyService write, then every KPI rollup computed from those facts with SQL aggregates, by local day in
 * the service's KPI time zone, as the consumers would have bumped them one event at a time. Values come from
 * deterministic hashes of the row number. Ticket timings (first response, resolution) and return lines, which
 * the service keeps only in its rollups, live in temporary tables during the load.
 */
final class FeedbackDataSet {
    static final String SHAPE = "feedback-2";
    static final String[] FACTS = {"order_fact", "order_line_fact", "ticket_fact", "contact_fact", "return_fact",
        "survey", "answer"};
    static final String[] ROLLUPS = {"kpi_daily", "first_response_histogram", "first_response_histogram_weekly",
        "first_response_histogram_monthly", "contact_reason_daily", "category_daily",
        "sku_daily", "sku_monthly", "sku_reason_daily", "sku_reason_monthly", "driver_daily"};
    static final List<String> CATEGORIES = List.of("calzado", "ropa", "accesorios", "electronica", "hogar", "cocina",
            "deporte", "juguetes", "belleza", "libros", "jardin", "mascotas", "bebe", "informatica", "telefonia",
            "muebles", "iluminacion", "textil-hogar", "viaje", "papeleria");
    static final int SKUS = 5000;
    static final int CUSTOMERS = 200_000;

    private final int orders;
    private final ZoneId zone;
    private final LocalDate first;
    private final LocalDate last;

    /** {@code orders} placed over the 365 local days ending {@code last}. */
    FeedbackDataSet(int orders, ZoneId zone, LocalDate last) {
        this.orders = orders;
        this.zone = zone;
        this.last = last;
        this.first = last.minusDays(364);
    }

    LocalDate first() {
        return first;
    }

    LocalDate last() {
        return last;
    }

    String marker() {
        return SHAPE + ":" + orders + ":" + first + ":" + last + ":" + zone;
    }

    boolean presentIn(BulkSql sql) throws SQLException {
        sql.execute("create table if not exists bench_data_set (marker text primary key, schema_version text, "
                + "loaded_at timestamptz not null default now())");
        return sql.count("select count(*) from bench_data_set where marker = '" + marker() + "' and schema_version = '"
                + sql.schemaVersion() + "'") > 0;
    }

    private static String h(String expr) {
        return "(hashint4((" + expr + ")::int)::bigint & 2147483647)";
    }

    /** A local day of a timestamp, as Rollups.day computes it. */
    private String day(String ts) {
        return "((" + ts + ") at time zone '" + zone.getId() + "')::date";
    }

    Map<String, Object> load(BulkSql sql, String slot) throws SQLException, InterruptedException {
        long start = System.nanoTime();
        sql.execute("truncate " + String.join(", ", FACTS) + ", " + String.join(", ", ROLLUPS) + ", bench_data_set");
        List<String> indexes = sql.dropSecondaryIndexes(FACTS);
        List<String> rollupIndexes = sql.dropSecondaryIndexes(ROLLUPS);
        String start0 = "(timestamp '" + first + " 00:00' at time zone '" + zone.getId() + "')";
        String categories = TicketTexts.sqlArray(CATEGORIES);
        String sku = "'SKU-' || lpad((%s)::text, 5, '0')";

        // facts ---------------------------------------------------------------------------------------
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
                """.formatted(h("g"), CUSTOMERS, day("p"), start0, h("g + 3000017"), h("g + 4000037"), orders));
        sql.step("order_line_fact", """
                insert into order_line_fact (order_id, sku, category, quantity)
                select 'ORD-' || (1000000 + g), %1$s, (%2$s)[1 + s %% %3$d], 1 + (%4$s %% 10 = 0)::int
                from generate_series(1, %5$d) g, lateral generate_series(1, 1 + %6$s %% 3) k,
                     lateral (select %7$s %% %8$d s) x
                on conflict do nothing
                """.formatted(sku.formatted("s"), categories, CATEGORIES.size(), h("g * 3 + k + 11"), orders,
                h("g + 5000011"), h("g * 3 + k"), SKUS));
        sql.step("order defects (exceptions)", "update order_fact set defect = true where status = 'EXCEPTION'");

        // tickets: timings kept aside, as only the rollups keep them
        sql.execute("drop table if exists bench_ticket");
        sql.step("tickets (timings, temporary)", """
                create temp table bench_ticket as
                select 'T-' || g ticket_id, o.order_id, o.customer_id, reason, created, first_seconds,
                       created + first_seconds * interval '1 second' first_at,
                       first_seconds <= 86400 first_within,
                       solved, case when solved then first_seconds + 600 + h2 %% 200000 end resolution_seconds,
                       case when solved then created + (first_seconds + 600 + h2 %% 200000) * interval '1 second' end solved_at,
                       solved and first_seconds <= 86400 and first_seconds + 600 + h2 %% 200000 <= 259200 sla_met,
                       solved and h2 %% 20 = 0 reopened, 1 + (h2 %% 4 = 0)::int contacts
                from (select g, %1$s h2,
                        least(%2$s + interval '364 days 23 hours', p + (3600 + %3$s %% 864000) * interval '1 second') created,
                        (60 + (-ln((%4$s %% 1000000 + 1) / 1000001.0)) * 18000)::bigint first_seconds,
                        %5$s %% 100 < 95 solved,
                        %6$s reason
                      from (select g, %2$s + (%7$s %% 31536000) * interval '1 second' p, %8$s %% 100 rb
                            from generate_series(1, %9$d) g where %10$s %% 100 < 12) a) b
                join order_fact o on o.order_id = 'ORD-' || (1000000 + g)
                """.formatted(h("g + 9000001"), start0, h("g + 9100003"), h("g + 9200003"), h("g + 9300001"),
                TicketTexts.weighted("rb", TicketTexts.REASONS, TicketTexts.REASON_WEIGHTS), h("g + 3000017"),
                h("g + 9400001"), orders, h("g + 8000009")));
        sql.step("ticket_fact", """
                insert into ticket_fact (ticket_id, customer_id, order_id, reason, created_at, open, solved_once, sla_met,
                    first_response_recorded)
                select ticket_id, customer_id, order_id, reason, created, not solved, solved,
                       case when solved then sla_met end, true
                from bench_ticket
                """);
        sql.step("contact_fact", """
                insert into contact_fact (contact_id, ticket_id, customer_id, order_id, reason, received_at)
                select ticket_id || '-c' || n, ticket_id, customer_id, order_id, reason,
                       created + (n - 1) * interval '26 hours'
                from bench_ticket, generate_series(1, contacts) n
                """);

        // returns: one returned line per return, kept aside like the ticket timings
        sql.execute("drop table if exists bench_return");
        sql.step("returns (lines, temporary)", """
                create temp table bench_return as
                select 'RET-' || substr(o.order_id, 5) return_id, o.order_id, o.customer_id,
                       least(%1$s + interval '364 days 23 hours', o.delivered_at + (1 + h %% 14) * interval '1 day') requested_at,
                       l.sku, l.category, 1 quantity,
                       (array['SIZE_FIT','SIZE_FIT','SIZE_FIT','CHANGED_MIND','CHANGED_MIND','DAMAGED','DEFECTIVE',
                              'WRONG_ITEM','NOT_AS_DESCRIBED','LATE_DELIVERY','MISSING_PARTS','OTHER'])[1 + h %% 12] reason,
                       h %% 10 < 7 auto_approved
                from (select order_id, customer_id, delivered_at, %2$s h from order_fact
                      where delivered_at is not null) o
                join lateral (select sku, category from order_line_fact l where l.order_id = o.order_id limit 1) l on true
                where h %% 100 < 6
                """.formatted(start0, h("substr(order_id, 5)::int + 9500003")));
        sql.step("return_fact", """
                insert into return_fact (return_id, order_id, customer_id, requested_at, main_reason, open, decided)
                select return_id, order_id, customer_id, requested_at, reason, requested_at > now() - interval '10 days', true
                from bench_return
                """);
        sql.step("order defects (returns, contacts)", """
                update order_fact o set defect = true where not defect and (
                    exists (select 1 from bench_return r where r.order_id = o.order_id
                            and r.reason in ('DAMAGED', 'DEFECTIVE', 'WRONG_ITEM', 'MISSING_PARTS'))
                    or exists (select 1 from bench_ticket t where t.order_id = o.order_id
                            and t.reason in ('DAMAGED_ITEM', 'WRONG_ITEM', 'MISSING_PARTS')))
                """);

        // surveys and answers: NPS after a tenth of deliveries, CSAT after a quarter of solved tickets and refunds
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
                from (select *, %2$s h from bench_ticket where solved) t where h %% 4 = 0
                union all
                select 'S-R-' || return_id, customer_id, 'CSAT', 'RETURN_REFUNDED', return_id, requested_at + interval '6 days',
                       requested_at + interval '7 days', requested_at + interval '7 days' + (h %% 100000) * interval '1 second',
                       (array[5,5,4,4,3,2,1])[1 + h %% 7], 'es-ES', order_id, null, null, return_id, reason, null, null, null
                from (select *, %3$s h from bench_return) r where h %% 5 = 0
                """.formatted(h("substr(order_id, 5)::int + 9600011"), h("substr(ticket_id, 3)::int + 9700001"),
                h("substr(return_id, 5)::int + 9800011")));
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
        sql.createIndexes(indexes);
        sql.analyze(FACTS);
        sql.step("recovered detractors (a later order)", """
                update answer a set recovered_at = r.first_order from (
                    select a.survey_id, min(o.placed_at) as first_order from answer a
                    join order_fact o on o.customer_id = a.customer_id and o.placed_at > a.answered_at
                    where a.detractor group by a.survey_id) r
                where a.survey_id = r.survey_id
                """);

        // rollups, from the facts -----------------------------------------------------------------------
        sql.step("kpi_daily (days)", "insert into kpi_daily (day) select d::date from generate_series(date '" + first
                + "', date '" + last + "' + 40, interval '1 day') d");
        sql.step("kpi_daily orders", """
                update kpi_daily k set orders = s.n, units_ordered = s.units, defective_orders = s.defects,
                       notifications = s.n + s.delivered * 2 from (
                    select o.placed_day as day, count(*) n, sum(u.units) units, count(*) filter (where o.defect) defects,
                           count(*) filter (where o.delivered_at is not null) delivered
                    from order_fact o join (select order_id, sum(quantity) units from order_line_fact group by order_id) u
                      on u.order_id = o.order_id group by o.placed_day) s where k.day = s.day
                """);
        sql.step("kpi_daily contacts", "update kpi_daily k set contacts = s.n from (select " + day("received_at")
                + " as day, count(*) n from contact_fact group by 1) s where k.day = s.day");
        sql.step("kpi_daily tickets", """
                update kpi_daily k set tickets_created = s.n from (select %s as day, count(*) n from bench_ticket group by 1) s
                where k.day = s.day
                """.formatted(day("created")));
        sql.step("kpi_daily first responses", """
                update kpi_daily k set first_responses = s.n, first_response_seconds_sum = s.secs,
                       first_responses_within_sla = s.n_within from (
                    select %s as day, count(*) n, sum(first_seconds) secs, count(*) filter (where first_within) n_within
                    from bench_ticket group by 1) s where k.day = s.day
                """.formatted(day("first_at")));
        sql.step("kpi_daily solved", """
                update kpi_daily k set tickets_solved = s.n, resolution_seconds_sum = s.secs,
                       tickets_solved_within_sla = s.n_within, reopens = s.reopens, sla_breaches = s.breaches from (
                    select %s as day, count(*) n, sum(resolution_seconds) secs, count(*) filter (where sla_met) n_within,
                           count(*) filter (where reopened) reopens, count(*) filter (where not sla_met) breaches
                    from bench_ticket where solved group by 1) s where k.day = s.day
                """.formatted(day("solved_at")));
        sql.step("kpi_daily returns", """
                update kpi_daily k set returns_requested = s.n, units_returned = s.units, returns_decided = s.n,
                       returns_auto_approved = s.auto from (
                    select %s as day, count(*) n, sum(quantity) units, count(*) filter (where auto_approved) auto
                    from bench_return group by 1) s where k.day = s.day
                """.formatted(day("requested_at")));
        sql.step("kpi_daily answers", """
                update kpi_daily k set nps_answers = s.nps, nps_promoters = s.promoters, nps_detractors = s.nps_detractors,
                       csat_answers = s.csat, csat_satisfied = s.satisfied, csat_score_sum = s.csat_sum,
                       detractors = s.detractors, recovered_detractors = s.recovered from (
                    select day, count(*) filter (where kind = 'NPS') nps,
                           count(*) filter (where kind = 'NPS' and score >= 9) promoters,
                           count(*) filter (where kind = 'NPS' and detractor) nps_detractors,
                           count(*) filter (where kind = 'CSAT') csat,
                           count(*) filter (where kind = 'CSAT' and score >= 4) satisfied,
                           coalesce(sum(score) filter (where kind = 'CSAT'), 0) csat_sum,
                           count(*) filter (where detractor) detractors,
                           count(*) filter (where detractor and recovered_at is not null) recovered
                    from answer group by day) s where k.day = s.day
                """);
        sql.step("first_response_histogram", """
                insert into first_response_histogram (day, bucket, responses)
                select %s, case when first_seconds <= 1 then 0
                                 else greatest(1, ceil(ln(first_seconds) / ln(1.02) - 1e-9))::int end, count(*)
                from bench_ticket group by 1, 2 order by 1, 2
                """.formatted(day("first_at")));
        for (String unit : new String[] {"week", "month"}) {
            sql.step("first_response_histogram_" + unit + "ly", """
                    insert into first_response_histogram_%1$sly (day, bucket, responses)
                    select date_trunc('%1$s', day)::date, bucket, sum(responses) from first_response_histogram group by 1, 2
                    """.formatted(unit));
        }
        sql.step("kpi_daily first-response p90", """
                update kpi_daily k set first_response_p90_bucket = p.p90 from (
                    select day, min(bucket) p90 from (
                        select day, bucket, sum(responses) over (partition by day order by bucket) cum,
                               sum(responses) over (partition by day) total from first_response_histogram) c
                    where cum >= ceil(total * 0.9) group by day) p
                where k.day = p.day
                """);
        sql.step("contact_reason_daily", "insert into contact_reason_daily (day, reason, contacts) select "
                + day("received_at") + ", reason, count(*) from contact_fact group by 1, 2");
        sql.step("category_daily", """
                insert into category_daily (day, category, units_ordered, units_returned)
                select day, category, sum(o), sum(r) from (
                    select f.placed_day as day, l.category, l.quantity o, 0 r from order_line_fact l
                    join order_fact f on f.order_id = l.order_id
                    union all select %s, category, 0, quantity from bench_return) x group by 1, 2
                """.formatted(day("requested_at")));
        sql.step("sku_daily", """
                insert into sku_daily (day, sku, units_ordered, units_returned, contacts)
                select day, sku, sum(o), sum(r), sum(c) from (
                    select f.placed_day as day, l.sku, l.quantity o, 0 r, 0 c from order_line_fact l
                    join order_fact f on f.order_id = l.order_id
                    union all select %s, sku, 0, quantity, 0 from bench_return
                    union all select %s, l.sku, 0, 0, 1 from contact_fact c join order_line_fact l on l.order_id = c.order_id
                ) x group by 1, 2 order by 1, 2
                """.formatted(day("requested_at"), day("c.received_at")));
        sql.step("sku_monthly", """
                insert into sku_monthly (day, sku, units_ordered, units_returned, contacts)
                select date_trunc('month', day)::date, sku, sum(units_ordered), sum(units_returned), sum(contacts)
                from sku_daily group by 1, 2
                """);
        sql.step("sku_reason_daily", """
                insert into sku_reason_daily (day, sku, reason, contacts)
                select %s, l.sku, c.reason, count(*) from contact_fact c join order_line_fact l on l.order_id = c.order_id
                group by 1, 2, 3
                """.formatted(day("c.received_at")));
        sql.step("sku_reason_monthly", """
                insert into sku_reason_monthly (day, sku, reason, contacts)
                select date_trunc('month', day)::date, sku, reason, sum(contacts) from sku_reason_daily group by 1, 2, 3
                """);
        sql.step("driver_daily", """
                insert into driver_daily (day, kind, dimension, value, answers, promoters, detractors, satisfied, score_sum)
                select day, kind, dimension, value, count(*), count(*) filter (where kind = 'NPS' and score >= 9),
                       count(*) filter (where detractor), count(*) filter (where kind = 'CSAT' and score >= 4), sum(score)
                from (select day, kind, score, detractor, 'CARRIER' as dimension, ctx_carrier as value from answer
                      where ctx_carrier is not null
                      union all select day, kind, score, detractor, 'DELAYED', ctx_delayed::text from answer
                      where ctx_delayed is not null
                      union all select day, kind, score, detractor, 'RETURN_REASON', ctx_return_reason from answer
                      where ctx_return_reason is not null
                      union all select day, kind, score, detractor, 'TICKET_REASON', ctx_ticket_reason from answer
                      where ctx_ticket_reason is not null) a
                group by 1, 2, 3, 4
                """);
        sql.execute("drop table bench_ticket");
        sql.execute("drop table bench_return");
        sql.execute("drop table bench_answer");
        sql.createIndexes(rollupIndexes);
        // a live database's autovacuum has long since marked a year's rollup pages all-visible (index-only scans)
        sql.vacuumAnalyze(ROLLUPS);
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
        for (String table : FACTS) {
            rows.put(table, sql.count("select count(*) from " + table));
        }
        for (String table : ROLLUPS) {
            rows.put(table, sql.count("select count(*) from " + table));
        }
        return rows;
    }
}
