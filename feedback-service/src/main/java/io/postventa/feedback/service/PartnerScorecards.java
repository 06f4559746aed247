package io.postventa.feedback.service;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.postventa.feedback.config.FeedbackConfig;
import io.postventa.feedback.domain.Ratios;
import io.postventa.feedback.domain.ScorecardMetric;
import io.postventa.feedback.domain.SplitDimension;
import io.postventa.feedback.service.SplitQueries.SplitFigures;
import io.postventa.web.Problem;
import io.postventa.web.ProblemException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

/**
 * Partner contact centres and the targets their contracts hold them to (data, edited by an admin), and their monthly
 * scorecard: each target against the month's result, with the months before it for the trend. Results come from the
 * team's rows of split_daily: a month is at most 31 rows.
 */
@ApplicationScoped
public class PartnerScorecards {
    /** Longest trend one scorecard shows. */
    public static final int MAX_MONTHS = 24;

    /** A contracted target: the metric, the hours for first-response targets, the target value. */
    public record Target(String metric, Integer hours, Double target) {
    }

    public record Partner(String teamId, String name, List<Target> targets, int version, Instant updatedAt) {
    }

    /** One target in one month: the result, and whether it met the target (null without data). */
    public record Result(String metric, Integer hours, double target, boolean atLeast, Double value, Boolean met) {
    }

    public record Month(String month, long ticketsCreated, long firstResponses, long csatAnswers, List<Result> results,
            long targetsMet, long targetsMissed) {
    }

    /** The scorecard of one month (the last of {@code months}), with the months before it, oldest first. */
    public record Scorecard(String teamId, String name, String month, String timeZone, List<Target> targets, Month current,
            List<Month> trend) {
    }

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final TypeReference<List<Target>> TARGETS = new TypeReference<>() {
    };

    private final Sql sql;
    private final Clock clock;
    private final FeedbackConfig config;

    public PartnerScorecards(Sql sql, Clock clock, FeedbackConfig config) {
        this.sql = sql;
        this.clock = clock;
        this.config = config;
    }

    public List<Partner> list() {
        return sql.list("select team_id, name, targets, version, updated_at from partner_team order by name, team_id",
                PartnerScorecards::partner);
    }

    public Optional<Partner> find(String teamId) {
        return sql.one("select team_id, name, targets, version, updated_at from partner_team where team_id = ?",
                PartnerScorecards::partner, teamId);
    }

    public Partner get(String teamId) {
        return find(teamId).orElseThrow(() -> ProblemException.notFound("partner team", teamId));
    }

    private static Partner partner(java.sql.ResultSet rs) throws java.sql.SQLException {
        try {
            return new Partner(rs.getString(1), rs.getString(2), JSON.readValue(rs.getString(3), TARGETS), rs.getInt(4),
                    rs.getTimestamp(5).toInstant());
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("partner " + rs.getString(1) + " has unreadable targets", e);
        }
    }

    /**
     * Creates or replaces a partner's name and targets. {@code version}, when given, must be the one read (else 409: an
     * admin edited it meanwhile); a concurrent first creation is a 409 too, never a 500.
     */
    @Transactional
    public Partner put(String teamId, String name, List<Target> targets, Integer version, String by) {
        List<Problem.FieldError> errors = new ArrayList<>();
        if (teamId == null || teamId.isBlank() || teamId.length() > 100) {
            errors.add(new Problem.FieldError("teamId", "must be 1 to 100 characters"));
        }
        if (name == null || name.isBlank() || name.length() > 200) {
            errors.add(new Problem.FieldError("name", "is required, at most 200 characters"));
        }
        if (targets == null) {
            errors.add(new Problem.FieldError("targets", "is required (an empty list for none)"));
        } else {
            if (targets.size() > 20) {
                errors.add(new Problem.FieldError("targets", "at most 20 targets"));
            }
            for (int i = 0; i < targets.size(); i++) {
                validate("targets[" + i + "]", targets.get(i), errors);
            }
        }
        if (!errors.isEmpty()) {
            throw ProblemException.badFields(errors);
        }
        String json;
        try {
            json = JSON.writeValueAsString(targets);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
        Instant now = clock.instant();
        Optional<Partner> current = find(teamId);
        if (current.isPresent()) {
            if (version != null && version != current.get().version()) {
                throw ProblemException.conflict("partner " + teamId + " is at version " + current.get().version()
                        + ", not " + version + ": read it again");
            }
            int expected = current.get().version();
            if (sql.update("update partner_team set name = ?, targets = ?, version = version + 1, updated_at = ?, updated_by = ? "
                    + "where team_id = ? and version = ?", name.strip(), json, now, by, teamId, expected) == 0) {
                throw ProblemException.conflict("partner " + teamId + " was changed meanwhile: read it again");
            }
        } else if (sql.update("insert into partner_team (team_id, name, targets, version, updated_at, updated_by) "
                + "values (?, ?, ?, 1, ?, ?) on conflict (team_id) do nothing", teamId, name.strip(), json, now, by) == 0) {
            throw ProblemException.conflict("partner " + teamId + " was created meanwhile: read it again");
        }
        return get(teamId);
    }

    private static void validate(String field, Target t, List<Problem.FieldError> errors) {
        if (t == null) {
            errors.add(new Problem.FieldError(field, "must be a target"));
            return;
        }
        ScorecardMetric m = ScorecardMetric.parse(t.metric());
        if (m == null) {
            errors.add(new Problem.FieldError(field + ".metric", "must be one of " + Arrays.toString(ScorecardMetric.values())));
            return;
        }
        if (t.target() == null || !m.accepts(t.target())) {
            errors.add(new Problem.FieldError(field + ".target", "must be a number in " + m.bounds()));
        }
        if (m == ScorecardMetric.FIRST_RESPONSE_WITHIN_HOURS) {
            if (t.hours() == null || !ScorecardMetric.HOURS.contains(t.hours())) {
                errors.add(new Problem.FieldError(field + ".hours", "must be one of 1, 4, 24, 48"));
            }
        } else if (t.hours() != null) {
            errors.add(new Problem.FieldError(field + ".hours", "only for FIRST_RESPONSE_WITHIN_HOURS"));
        }
    }

    /** Parses {@code month} (yyyy-MM; default: the last whole month) and {@code months} (1..24, default 6). */
    public YearMonth month(String month) {
        if (month == null || month.isBlank()) {
            return YearMonth.now(clock.withZone(config.kpi().timeZone())).minusMonths(1);
        }
        try {
            return YearMonth.parse(month);
        } catch (DateTimeParseException e) {
            throw ProblemException.badField("month", "must be a month like 2026-11");
        }
    }

    public static int months(Integer months) {
        if (months == null) {
            return 6;
        }
        if (months < 1 || months > MAX_MONTHS) {
            throw ProblemException.badField("months", "must be between 1 and " + MAX_MONTHS);
        }
        return months;
    }

    /** The scorecard of a partner's month, with the {@code months - 1} months before it. */
    public Scorecard scorecard(String teamId, YearMonth month, int months) {
        Partner p = get(teamId);
        YearMonth first = month.minusMonths(months - 1L);
        Map<LocalDate, SplitFigures> byMonth = new LinkedHashMap<>();
        sql.report("select date_trunc('month', day)::date period, " + SplitQueries.SUMS + " from split_daily "
                + "where dimension = ? and value = ? and day between ? and ? group by 1", rs -> byMonth.put(Sql.date(rs, "period"),
                        SplitQueries.figures(rs, 0)), SplitDimension.TEAM.name(), teamId, first.atDay(1), month.atEndOfMonth());
        List<Month> trend = new ArrayList<>();
        for (YearMonth m = first; !m.isAfter(month); m = m.plusMonths(1)) {
            trend.add(month(m, byMonth.get(m.atDay(1)), p.targets()));
        }
        return new Scorecard(p.teamId(), p.name(), month.toString(), config.kpi().timeZone().getId(), p.targets(),
                trend.get(trend.size() - 1), trend);
    }

    private static Month month(YearMonth m, SplitFigures f, List<Target> targets) {
        List<Result> results = new ArrayList<>();
        long met = 0;
        long missed = 0;
        for (Target t : targets) {
            ScorecardMetric metric = ScorecardMetric.valueOf(t.metric());
            Double value = f == null ? null : value(metric, t.hours(), f);
            Boolean ok = metric.met(value, t.target());
            met += Boolean.TRUE.equals(ok) ? 1 : 0;
            missed += Boolean.FALSE.equals(ok) ? 1 : 0;
            results.add(new Result(t.metric(), t.hours(), t.target(), metric.atLeast(), value, ok));
        }
        return new Month(m.toString(), f == null ? 0 : f.ticketsCreated(), f == null ? 0 : f.firstResponse().responses(),
                f == null ? 0 : f.csat().answers(), results, met, missed);
    }

    static Double value(ScorecardMetric metric, Integer hours, SplitFigures f) {
        return switch (metric) {
            case FIRST_RESPONSE_WITHIN_HOURS -> switch (hours) {
                case 1 -> f.firstResponse().within1hRate();
                case 4 -> f.firstResponse().within4hRate();
                case 24 -> f.firstResponse().within24hRate();
                default -> f.firstResponse().within48hRate();
            };
            case FIRST_RESPONSE_WITHIN_SLA -> f.firstResponse().withinSlaRate();
            case SLA_COMPLIANCE -> f.slaCompliance();
            case RESOLUTION_RATE -> f.resolutionRate();
            case REOPEN_RATE -> f.reopenRate();
            case CSAT_AVERAGE -> f.csat().averageScore();
            case CSAT_SATISFIED -> f.csat().score() == null ? null : Ratios.round(f.csat().score() / 100.0);
        };
    }
}
