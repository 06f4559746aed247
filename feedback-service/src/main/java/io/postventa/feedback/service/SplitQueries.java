package io.postventa.feedback.service;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import io.postventa.feedback.domain.Ratios;
import io.postventa.feedback.domain.SplitDimension;
import io.postventa.feedback.service.KpiQueries.Range;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * The ticket KPIs by channel, team or agent, read from split_daily: one row per value and day, so a year of one
 * dimension is at most 366 rows per channel, team or agent, summed in SQL.
 */
@ApplicationScoped
public class SplitQueries {
    static final String SUMS = "sum(contacts) contacts, sum(tickets_created) tickets_created, sum(first_responses) first_responses, "
            + "sum(first_response_seconds_sum) first_response_seconds_sum, sum(first_responses_within_sla) first_responses_within_sla, "
            + "sum(first_responses_within_1h) first_responses_within_1h, sum(first_responses_within_4h) first_responses_within_4h, "
            + "sum(first_responses_within_24h) first_responses_within_24h, sum(first_responses_within_48h) first_responses_within_48h, "
            + "sum(automatic_first_responses) automatic_first_responses, sum(tickets_solved) tickets_solved, "
            + "sum(resolution_seconds_sum) resolution_seconds_sum, sum(tickets_solved_within_sla) tickets_solved_within_sla, "
            + "sum(reopens) reopens, sum(sla_breaches) sla_breaches, sum(csat_answers) csat_answers, "
            + "sum(csat_satisfied) csat_satisfied, sum(csat_score_sum) csat_score_sum";

    /** First responses by people (automatic ones apart), their times and the shares within thresholds. */
    public record SplitFirstResponse(long responses, Double meanSeconds, Double withinSlaRate, Double within1hRate,
            Double within4hRate, Double within24hRate, Double within48hRate, long automatic, Double automaticShare) {
    }

    /** The ticket KPIs of one channel, team or agent. */
    public record SplitFigures(long contacts, Double contactsPerOrder, long ticketsCreated, SplitFirstResponse firstResponse,
            KpiQueries.Resolution resolution, Double resolutionRate, Double slaCompliance, long slaBreaches, Double reopenRate,
            KpiQueries.Csat csat) {
    }

    /** One value of a dimension: a channel, a team (partner or in-house, with the partner's name) or an agent. */
    public record SplitRow(String value, Boolean partner, String partnerName, SplitFigures figures) {
    }

    public record SplitReport(LocalDate from, LocalDate to, String by, long orders, List<SplitRow> rows) {
    }

    private final Sql sql;

    public SplitQueries(Sql sql) {
        this.sql = sql;
    }

    /**
     * The KPIs of every value of a dimension over a range (only {@code onlyValue} when given: a partner's own team),
     * most tickets first. Contacts per order divide by the store's orders (orders have no channel, team or agent).
     */
    public SplitReport splits(Range range, SplitDimension by, String onlyValue) {
        long orders = sql.reportRow("select coalesce(sum(orders), 0) from kpi_daily where day between ? and ?", rs -> rs.getLong(1),
                range.from(), range.to()).orElse(0L);
        Map<String, String> partners = by == SplitDimension.TEAM ? partners() : Map.of();
        List<Object> params = new ArrayList<>(List.of(by.name(), range.from(), range.to()));
        String filter = "";
        if (onlyValue != null) {
            filter = " and value = ?";
            params.add(onlyValue);
        }
        List<SplitRow> rows = sql.report("select value, " + SUMS + " from split_daily where dimension = ? and day between ? and ?"
                + filter + " group by value order by sum(tickets_created) desc, sum(contacts) desc, value", rs -> {
                    String value = rs.getString("value");
                    return new SplitRow(value, by == SplitDimension.TEAM ? partners.containsKey(value) : null, partners.get(value),
                            figures(rs, by == SplitDimension.CHANNEL ? orders : 0));
                }, params.toArray());
        return new SplitReport(range.from(), range.to(), by.param(), orders, rows);
    }

    /** The partner teams' names by team id. */
    Map<String, String> partners() {
        Map<String, String> names = new HashMap<>();
        sql.list("select team_id, name from partner_team", rs -> names.put(rs.getString(1), rs.getString(2)));
        return names;
    }

    /** The figures of a row of SUMS; contacts per order only when {@code orders} is given (channels). */
    static SplitFigures figures(ResultSet rs, long orders) throws SQLException {
        long created = rs.getLong("tickets_created");
        long responses = rs.getLong("first_responses");
        long automatic = rs.getLong("automatic_first_responses");
        long solved = rs.getLong("tickets_solved");
        long csat = rs.getLong("csat_answers");
        long contacts = rs.getLong("contacts");
        return new SplitFigures(contacts, orders == 0 ? null : Ratios.ratio(contacts, orders), created,
                new SplitFirstResponse(responses, Ratios.mean(rs.getLong("first_response_seconds_sum"), responses),
                        Ratios.ratio(rs.getLong("first_responses_within_sla"), responses),
                        Ratios.ratio(rs.getLong("first_responses_within_1h"), responses),
                        Ratios.ratio(rs.getLong("first_responses_within_4h"), responses),
                        Ratios.ratio(rs.getLong("first_responses_within_24h"), responses),
                        Ratios.ratio(rs.getLong("first_responses_within_48h"), responses), automatic,
                        Ratios.ratio(automatic, responses + automatic)),
                new KpiQueries.Resolution(solved, Ratios.mean(rs.getLong("resolution_seconds_sum"), solved)),
                Ratios.ratio(solved, created), Ratios.ratio(rs.getLong("tickets_solved_within_sla"), solved), rs.getLong("sla_breaches"),
                Ratios.ratio(rs.getLong("reopens"), solved),
                new KpiQueries.Csat(csat, rs.getLong("csat_satisfied"), Ratios.average(rs.getLong("csat_score_sum"), csat),
                        Ratios.csat(rs.getLong("csat_satisfied"), csat)));
    }
}
