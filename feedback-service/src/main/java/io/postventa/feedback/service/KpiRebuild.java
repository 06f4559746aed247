package io.postventa.feedback.service;

import java.time.ZoneId;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import io.postventa.feedback.config.FeedbackConfig;
import io.postventa.feedback.domain.DriverDimension;
import io.postventa.feedback.domain.OrderDefects;
import io.postventa.feedback.domain.ResponseTimeHistogram;
import io.postventa.web.ProblemException;
import io.quarkus.narayana.jta.runtime.TransactionConfiguration;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

/**
 * Derives from the stored facts everything the consumers keep derived: orders' defect flags, recovered detractors,
 * and every KPI rollup, set-based, as the consumers would have bumped them one event at a time. For facts that did
 * not come through the consumers (an import, a bulk-loaded benchmark history) or after a change to how a rollup is
 * counted. Three kpi_daily counters count events that leave no fact (ticket reopens, SLA breaches, notifications
 * sent): they are kept as they are. Consumers wait while it runs, so no event is counted twice or lost.
 */
@ApplicationScoped
public class KpiRebuild {
    static final List<String> FACTS = List.of("order_fact", "order_line_fact", "ticket_fact", "contact_fact", "return_fact",
            "return_line_fact", "answer");
    static final List<String> ROLLUPS = List.of("kpi_daily", "first_response_histogram", "first_response_histogram_weekly",
            "first_response_histogram_monthly", "contact_reason_daily", "category_daily", "sku_daily", "sku_monthly",
            "sku_reason_daily", "sku_reason_monthly", "driver_daily", "split_daily", "variant_daily");
    /** The rollups rewritten whole; kpi_daily and split_daily keep the counters of events that leave no fact. */
    static final List<String> REWRITTEN = List.of("first_response_histogram", "first_response_histogram_weekly",
            "first_response_histogram_monthly", "contact_reason_daily", "category_daily", "sku_daily", "sku_monthly",
            "sku_reason_daily", "sku_reason_monthly", "driver_daily", "variant_daily");
    /** The split_daily counters a rebuild derives; reopens and sla_breaches stay. */
    static final List<String> SPLIT_COUNTERS = java.util.Arrays.stream(Rollups.SplitCounter.values())
            .filter(c -> c != Rollups.SplitCounter.REOPENS && c != Rollups.SplitCounter.SLA_BREACHES)
            .map(Rollups.SplitCounter::column).toList();
    /** The kpi_daily counters a rebuild derives; the others (reopens, sla_breaches, notifications) stay. */
    static final List<String> DERIVED_COUNTERS = List.of("orders", "units_ordered", "defective_orders", "contacts",
            "tickets_created", "first_responses", "first_response_seconds_sum", "first_responses_within_sla", "tickets_solved",
            "resolution_seconds_sum", "tickets_solved_within_sla", "returns_requested", "units_returned", "returns_decided",
            "returns_auto_approved", "nps_answers", "nps_promoters", "nps_detractors", "csat_answers", "csat_satisfied",
            "csat_score_sum", "detractors", "recovered_detractors", "automatic_first_responses");

    /** What a rebuild did: orders newly marked defective, detractors newly recovered, rows of each rollup. */
    public record Rebuilt(long defectsMarked, long detractorsRecovered, Map<String, Long> rollupRows, double seconds) {
    }

    private final Sql sql;
    private final ZoneId zone;

    public KpiRebuild(Sql sql, FeedbackConfig config) {
        this.sql = sql;
        this.zone = config.kpi().timeZone();
    }

    /** Runs the rebuild in one transaction (a year of a million orders takes minutes, not the default 60 s). */
    @Transactional
    @TransactionConfiguration(timeout = 3600)
    public Rebuilt rebuild() {
        long start = System.nanoTime();
        // facts keep still (their writers wait; this transaction may write them), rollups are rewritten whole
        sql.update("lock table " + String.join(", ", FACTS) + ", notification_fact in share row exclusive mode");
        sql.update("lock table " + String.join(", ", ROLLUPS) + " in access exclusive mode");
        requireDetailedFacts();
        long defects = markDefects();
        long recovered = recoverDetractors();
        sql.update("truncate " + String.join(", ", REWRITTEN));
        kpiDaily();
        histograms();
        sql.update("insert into contact_reason_daily (day, reason, contacts) select " + day("received_at")
                + ", reason, count(*) from contact_fact group by 1, 2");
        units();
        contactsBySku();
        drivers();
        splits();
        variants();
        Map<String, Long> rows = new LinkedHashMap<>();
        for (String table : ROLLUPS) {
            rows.put(table, sql.one("select count(*) from " + table, rs -> rs.getLong(1)).orElse(0L));
        }
        return new Rebuilt(defects, recovered, rows, Math.round((System.nanoTime() - start) / 1e7) / 100.0);
    }

    /**
     * Facts recorded before the service kept first responses, solves, decisions and return lines (migration 5.1)
     * would be undercounted: refuse rather than rewrite their rollups wrong.
     */
    private void requireDetailedFacts() {
        long missing = sql.one("select (select count(*) from ticket_fact where first_response_recorded and first_response_at is null)"
                + " + (select count(*) from ticket_fact where solved_once and solved_at is null)"
                + " + (select count(*) from return_fact where decided and decided_at is null)"
                + " + (select count(*) from return_fact r where requested_at is not null"
                + "    and not exists (select 1 from return_line_fact l where l.return_id = r.return_id))",
                rs -> rs.getLong(1)).orElse(0L);
        if (missing > 0) {
            throw ProblemException.conflict(missing + " tickets or returns were recorded before the service kept their first "
                    + "response, solve, decision or lines; a rebuild would undercount them, so the rollups stay as counted");
        }
    }

    /** An order becomes defective as the consumers decide (OrderDefects): never undone, only added. */
    private long markDefects() {
        return sql.update("update order_fact o set defect = true from ("
                + " select order_id from order_fact where status = " + Sql.literal(OrderDefects.DEFECT_STATUS)
                + " union select order_id from contact_fact where reason in " + Sql.literals(OrderDefects.DEFECT_CONTACTS)
                + "   or reason_at_contact in " + Sql.literals(OrderDefects.DEFECT_CONTACTS)
                + " union select r.order_id from return_fact r join return_line_fact l on l.return_id = r.return_id"
                + "   where l.reason in " + Sql.literals(OrderDefects.DEFECT_RETURNS) + ") d"
                + " where o.order_id = d.order_id and not o.defect");
    }

    /** A detractor is recovered by the customer's first later order or later good answer (DetractorRecovery). */
    private long recoverDetractors() {
        return sql.update("update answer a set recovered_at = r.at from (select a.survey_id, least("
                + " (select min(o.placed_at) from order_fact o where o.customer_id = a.customer_id and o.placed_at > a.answered_at),"
                + " (select min(g.answered_at) from answer g where g.customer_id = a.customer_id and g.answered_at > a.answered_at"
                + "   and (g.kind = 'NPS' and g.score >= 7 or g.kind = 'CSAT' and g.score >= 4))) at"
                + " from answer a where a.detractor and a.recovered_at is null) r"
                + " where a.survey_id = r.survey_id and r.at is not null");
    }

    private void kpiDaily() {
        sql.update("update kpi_daily set first_response_p90_bucket = null, "
                + DERIVED_COUNTERS.stream().map(c -> c + " = 0").collect(Collectors.joining(", ")));
        upsertDaily("select o.placed_day, count(*), coalesce(sum(u.units), 0), count(*) filter (where o.defect) from order_fact o"
                + " left join (select order_id, sum(quantity) units from order_line_fact group by order_id) u"
                + " on u.order_id = o.order_id where o.placed_day is not null group by 1",
                "orders", "units_ordered", "defective_orders");
        upsertDaily("select " + day("received_at") + ", count(*) from contact_fact group by 1", "contacts");
        upsertDaily("select " + day("created_at") + ", count(*) from ticket_fact where created_at is not null"
                + " and merged_into is null group by 1", "tickets_created");
        upsertDaily("select " + day("first_response_at") + ", count(*), sum(first_response_seconds),"
                + " count(*) filter (where first_response_within_sla) from ticket_fact where first_response_at is not null"
                + " and not coalesce(first_response_automatic, false) group by 1",
                "first_responses", "first_response_seconds_sum", "first_responses_within_sla");
        upsertDaily("select " + day("first_response_at") + ", count(*) from ticket_fact where first_response_at is not null"
                + " and first_response_automatic group by 1", "automatic_first_responses");
        upsertDaily("select " + day("solved_at") + ", count(*), sum(resolution_seconds), count(*) filter (where solved_within_sla)"
                + " from ticket_fact where solved_at is not null group by 1",
                "tickets_solved", "resolution_seconds_sum", "tickets_solved_within_sla");
        upsertDaily("select " + day("r.requested_at") + ", count(*), sum(l.units) from return_fact r"
                + " join (select return_id, sum(quantity) units from return_line_fact group by return_id) l"
                + " on l.return_id = r.return_id where r.requested_at is not null group by 1", "returns_requested", "units_returned");
        upsertDaily("select " + day("decided_at") + ", count(*), count(*) filter (where auto_approved) from return_fact"
                + " where decided_at is not null group by 1", "returns_decided", "returns_auto_approved");
        upsertDaily("select day, count(*) filter (where kind = 'NPS'), count(*) filter (where kind = 'NPS' and score >= 9),"
                + " count(*) filter (where kind = 'NPS' and detractor), count(*) filter (where kind = 'CSAT'),"
                + " count(*) filter (where kind = 'CSAT' and score >= 4), coalesce(sum(score) filter (where kind = 'CSAT'), 0),"
                + " count(*) filter (where detractor), count(*) filter (where detractor and recovered_at is not null)"
                + " from answer group by day", "nps_answers", "nps_promoters", "nps_detractors", "csat_answers", "csat_satisfied",
                "csat_score_sum", "detractors", "recovered_detractors");
    }

    /** Sets some kpi_daily counters from a query of (day, counters...), adding the days it does not have yet. */
    private void upsertDaily(String select, String... counters) {
        String columns = String.join(", ", counters);
        String set = java.util.Arrays.stream(counters).map(c -> c + " = excluded." + c).collect(Collectors.joining(", "));
        sql.update("insert into kpi_daily (day, " + columns + ") " + select + " on conflict (day) do update set " + set);
    }

    private void histograms() {
        sql.update("insert into first_response_histogram (day, bucket, responses) select " + day("first_response_at") + ", "
                + ResponseTimeHistogram.BUCKET_SQL.formatted("first_response_seconds")
                + ", count(*) from ticket_fact where first_response_at is not null and not coalesce(first_response_automatic, false)"
                + " group by 1, 2");
        for (String period : new String[] {"week", "month"}) {
            sql.update("insert into first_response_histogram_" + period + "ly (day, bucket, responses) select date_trunc('"
                    + period + "', day)::date, bucket, sum(responses) from first_response_histogram group by 1, 2");
        }
        sql.update("update kpi_daily k set first_response_p90_bucket = p.p90 from (" + ResponseTimeHistogram.P90_BY_PERIOD
                .formatted("select day period, bucket, responses n from first_response_histogram") + ") p where k.day = p.period");
    }

    /** Units ordered (by the placement day) and returned (by the request's day), by category and by sku. */
    private void units() {
        String lines = "select o.placed_day d, l.category, l.sku, l.quantity ordered, 0 returned from order_line_fact l"
                + " join order_fact o on o.order_id = l.order_id where o.placed_day is not null"
                + " union all select " + day("r.requested_at") + ", l.category, l.sku, 0, l.quantity from return_line_fact l"
                + " join return_fact r on r.return_id = l.return_id where r.requested_at is not null";
        sql.update("insert into category_daily (day, category, units_ordered, units_returned) select d, coalesce(category, 'unknown'),"
                + " sum(ordered), sum(returned) from (" + lines + ") x group by 1, 2");
        sql.update("insert into sku_daily (day, sku, units_ordered, units_returned, contacts) select d, sku, sum(ordered),"
                + " sum(returned), 0 from (" + lines + ") x where sku is not null group by 1, 2");
    }

    /**
     * A contact counts for every sku of its order (with the reason it came with, in the per-sku reasons); the
     * monthly tables are the sums of the daily ones.
     */
    private void contactsBySku() {
        String contacts = "select " + day("c.received_at") + " d, l.sku, coalesce(c.reason_at_contact, c.reason) reason"
                + " from contact_fact c join order_line_fact l on l.order_id = c.order_id";
        sql.update("insert into sku_daily (day, sku, contacts) select d, sku, count(*) from (" + contacts + ") x group by 1, 2"
                + " on conflict (day, sku) do update set contacts = excluded.contacts");
        sql.update("insert into sku_reason_daily (day, sku, reason, contacts) select d, sku, reason, count(*) from (" + contacts
                + ") x group by 1, 2, 3");
        sql.update("insert into sku_monthly (day, sku, units_ordered, units_returned, contacts) select date_trunc('month', day)::date,"
                + " sku, sum(units_ordered), sum(units_returned), sum(contacts) from sku_daily group by 1, 2");
        sql.update("insert into sku_reason_monthly (day, sku, reason, contacts) select date_trunc('month', day)::date, sku, reason,"
                + " sum(contacts) from sku_reason_daily group by 1, 2, 3");
    }

    /** NPS and CSAT by the context the answers were given in. */
    private void drivers() {
        StringBuilder answers = new StringBuilder();
        Map<DriverDimension, String> dimensions = new EnumMap<>(Map.of(DriverDimension.CARRIER, "ctx_carrier",
                DriverDimension.DELAYED, "ctx_delayed::text", DriverDimension.RETURN_REASON, "ctx_return_reason",
                DriverDimension.TICKET_REASON, "ctx_ticket_reason"));
        dimensions.forEach((dimension, column) -> answers.append(answers.isEmpty() ? "" : " union all ")
                .append("select day, kind, score, detractor, ").append(Sql.literal(dimension)).append(" dimension, ")
                .append(column).append(" as value from answer where ").append(column).append(" is not null"));
        sql.update("insert into driver_daily (day, kind, dimension, value, answers, promoters, detractors, satisfied, score_sum)"
                + " select day, kind, dimension, value, count(*), count(*) filter (where kind = 'NPS' and score >= 9),"
                + " count(*) filter (where detractor), count(*) filter (where kind = 'CSAT' and score >= 4), sum(score)"
                + " from (" + answers + ") a group by 1, 2, 3, 4");
    }

    /**
     * The ticket KPIs by channel, team and agent, as TicketFacts counts them: contacts by their channel; tickets created
     * by channel and team at creation; first responses (a person's, or automatic apart) by the ticket's channel and the
     * responding team and agent; solves by the solving team and agent; CSAT about a ticket by who solved it.
     */
    private void splits() {
        sql.update("update split_daily set " + SPLIT_COUNTERS.stream().map(c -> c + " = 0").collect(Collectors.joining(", ")));
        List<String> rows = new java.util.ArrayList<>();
        rows.add(splitRow("'CHANNEL'", "channel", day("received_at"), "contact_fact where channel is not null",
                Map.of("contacts", "1")));
        String created = "ticket_fact where created_at is not null and merged_into is null";
        rows.add(splitRow("'CHANNEL'", "channel", day("created_at"), created, Map.of("tickets_created", "1")));
        rows.add(splitRow("'TEAM'", "team_id", day("created_at"), created, Map.of("tickets_created", "1")));
        Map<String, String> human = new LinkedHashMap<>();
        human.put("first_responses", "1");
        human.put("first_response_seconds_sum", "first_response_seconds");
        human.put("first_responses_within_sla", "first_response_within_sla::int");
        human.put("first_responses_within_1h", "(first_response_seconds <= 3600)::int");
        human.put("first_responses_within_4h", "(first_response_seconds <= 14400)::int");
        human.put("first_responses_within_24h", "(first_response_seconds <= 86400)::int");
        human.put("first_responses_within_48h", "(first_response_seconds <= 172800)::int");
        String answered = "ticket_fact where first_response_at is not null and not coalesce(first_response_automatic, false)";
        String automatic = "ticket_fact where first_response_at is not null and first_response_automatic";
        for (String[] d : new String[][] { { "'CHANNEL'", "channel" }, { "'TEAM'", "first_response_team" },
                { "'AGENT'", "first_response_agent" } }) {
            rows.add(splitRow(d[0], d[1], day("first_response_at"), answered, human));
            if (!d[0].equals("'AGENT'")) {
                rows.add(splitRow(d[0], d[1], day("first_response_at"), automatic, Map.of("automatic_first_responses", "1")));
            }
        }
        Map<String, String> solved = Map.of("tickets_solved", "1", "resolution_seconds_sum", "resolution_seconds",
                "tickets_solved_within_sla", "solved_within_sla::int");
        Map<String, String> csat = Map.of("csat_answers", "1", "csat_satisfied", "(a.score >= 4)::int", "csat_score_sum", "a.score");
        String answers = "answer a join ticket_fact t on t.ticket_id = a.ctx_ticket_id where a.kind = 'CSAT'";
        for (String[] d : new String[][] { { "'CHANNEL'", "channel" }, { "'TEAM'", "solved_team" }, { "'AGENT'", "solved_agent" } }) {
            rows.add(splitRow(d[0], d[1], day("solved_at"), "ticket_fact where solved_at is not null", solved));
            rows.add(splitRow(d[0], "t." + d[1], "a.day", answers, csat));
        }
        String set = SPLIT_COUNTERS.stream().map(c -> c + " = excluded." + c).collect(Collectors.joining(", "));
        sql.update("insert into split_daily (dimension, value, day, " + String.join(", ", SPLIT_COUNTERS) + ") select dimension, "
                + "value, day, " + SPLIT_COUNTERS.stream().map(c -> "sum(" + c + ")").collect(Collectors.joining(", "))
                + " from (" + String.join(" union all ", rows) + ") x where value is not null group by 1, 2, 3"
                + " on conflict (dimension, day, value) do update set " + set);
    }

    /** One branch of the splits' union: every derived counter, the given ones from expressions, the others 0. */
    private static String splitRow(String dimension, String value, String day, String from, Map<String, String> counters) {
        return "select " + dimension + " dimension, " + value + " as value, " + day + " as day, " + SPLIT_COUNTERS.stream()
                .map(c -> counters.getOrDefault(c, "0") + "::bigint " + c).collect(Collectors.joining(", ")) + " from " + from;
    }

    /**
     * The messages sent with a variant: what followed them (VariantFacts: contacts, CSAT, the uses of their links) is
     * added to the notification facts where missing (never cleared), then counted by the day each was sent.
     */
    private void variants() {
        sql.update("update notification_fact n set contacted_at = c.at from (select n.notification_id, (select min(c.received_at)"
                + " from contact_fact c where c.order_id = n.order_id and c.received_at > n.sent_at"
                + " and c.received_at <= n.sent_at + interval '7 days') at from notification_fact n"
                + " where n.order_id is not null and n.contacted_at is null) c where n.notification_id = c.notification_id"
                + " and c.at is not null");
        sql.update("update notification_fact n set csat_score = a.score from (select distinct on (n.notification_id)"
                + " n.notification_id, a.score from notification_fact n join answer a on a.ctx_order_id = n.order_id"
                + " and a.customer_id = n.customer_id and a.kind = 'CSAT' and a.answered_at > n.sent_at"
                + " where n.csat_score is null order by n.notification_id, a.answered_at) a"
                + " where n.notification_id = a.notification_id");
        for (VariantFacts.LinkAction a : VariantFacts.LinkAction.values()) {
            sql.update("update notification_fact n set " + a.factColumn + " = l.occurred_at from notification_link_fact l"
                    + " where l.notification_id = n.notification_id and l.action = ? and n." + a.factColumn + " is null",
                    a.name());
        }
        sql.update("insert into variant_daily (day, template_id, variant, sent, with_order, contacted_7d, csat_answers,"
                + " csat_satisfied, csat_score_sum, portal_visits, unsubscribes) select " + day("sent_at")
                + ", template_id, variant, count(*), count(order_id), count(contacted_at), count(csat_score),"
                + " count(*) filter (where csat_score >= 4), coalesce(sum(csat_score), 0), count(portal_visited_at),"
                + " count(unsubscribed_at) from notification_fact group by 1, 2, 3");
    }

    /** The local day of a timestamp column in the KPI time zone, as Rollups.day computes it. */
    private String day(String column) {
        return "((" + column + ") at time zone '" + zone.getId() + "')::date";
    }
}
