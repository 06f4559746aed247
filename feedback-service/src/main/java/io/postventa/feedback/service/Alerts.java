package io.postventa.feedback.service;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import io.postventa.feedback.config.FeedbackConfig;
import io.postventa.feedback.domain.AlertKind;
import io.postventa.feedback.domain.Ratios;
import io.postventa.web.Problem;
import io.postventa.web.ProblemException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

/**
 * Raises alerts, once per cause: a ticket at risk of missing its SLA or missing it tells its team's lead; the order
 * defect rate or the 24 h answer rate crossing its threshold tells the managers. An alert is a row (its cause unique)
 * written in the transaction that found the cause; {@link AlertSender} delivers it.
 */
@ApplicationScoped
public class Alerts {
    public record Recipient(String teamId, String leadEmail, String webhookUrl, Instant updatedAt) {
    }

    public record Alert(String alertId, String cause, String kind, String teamId, String subjectId, Double value,
            Double threshold, String link, Instant raisedAt, boolean emailSent, boolean webhookSent, int attempts) {
    }

    /** What one check found: alerts raised for tickets at risk and for rates. */
    public record Checked(int atRisk, int rates) {
    }

    private final Sql sql;
    private final Clock clock;
    private final FeedbackConfig config;
    private final Rollups rollups;

    public Alerts(Sql sql, Clock clock, FeedbackConfig config, Rollups rollups) {
        this.sql = sql;
        this.clock = clock;
        this.config = config;
        this.rollups = rollups;
    }

    /** A ticket missed an SLA target: its team's lead is told once per ticket and target. */
    @Transactional(Transactional.TxType.MANDATORY)
    public boolean ticketBreached(String ticketId, String target, String teamId) {
        return raise(AlertKind.SLA_BREACHED, AlertKind.SLA_BREACHED.cause(target, ticketId), teamId, ticketId, null, null);
    }

    /** Raises an alert unless its cause has one already; true when this call raised it. */
    boolean raise(AlertKind kind, String cause, String teamId, String subjectId, Double value, Double threshold) {
        String emailTo;
        String webhook;
        String link;
        if (kind.aboutATicket()) {
            Optional<Recipient> r = teamId == null ? Optional.empty() : recipient(teamId);
            emailTo = r.map(Recipient::leadEmail).orElse(null);
            webhook = r.map(Recipient::webhookUrl).orElse(null);
            link = config.alerts().consoleBase() + "/tickets/" + subjectId;
        } else {
            emailTo = config.alerts().managers().map(m -> String.join(",", m)).orElse(null);
            webhook = config.alerts().managersWebhook().orElse(null);
            LocalDate to = LocalDate.parse(subjectId);
            link = config.alerts().dashboardBase() + "?from=" + to.minusDays(config.alerts().rateWindow().toDays() - 1) + "&to=" + to;
        }
        return sql.update("insert into alert (alert_id, cause, kind, team_id, subject_id, value, threshold, link, raised_at, email_to, "
                + "webhook_url) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) on conflict (cause) do nothing", UUID.randomUUID().toString(),
                cause, kind.name(), teamId, subjectId, value, threshold, link, clock.instant(), emailTo, webhook) == 1;
    }

    /**
     * Looks for tickets whose SLA target falls due within {@code at-risk-before} and is not met, and for store-wide rates
     * that crossed their threshold since the last check. One transaction; safe to run on every replica (causes are
     * unique, the rate state row is locked).
     */
    @Transactional
    public Checked check() {
        Instant now = clock.instant();
        Instant soon = now.plus(config.alerts().atRiskBefore());
        int atRisk = 0;
        for (String[] t : sql.list("select ticket_id, team_id from ticket_fact where open and not first_response_recorded "
                + "and first_response_due_at > ? and first_response_due_at <= ?", rs -> new String[] { rs.getString(1), rs.getString(2) },
                now, soon)) {
            atRisk += raise(AlertKind.SLA_AT_RISK, AlertKind.SLA_AT_RISK.cause("FIRST_RESPONSE", t[0]), t[1], t[0], null, null) ? 1 : 0;
        }
        for (String[] t : sql.list("select ticket_id, coalesce(solved_team, first_response_team, team_id) from ticket_fact "
                + "where open and not solved_once and resolution_due_at > ? and resolution_due_at <= ?",
                rs -> new String[] { rs.getString(1), rs.getString(2) }, now, soon)) {
            atRisk += raise(AlertKind.SLA_AT_RISK, AlertKind.SLA_AT_RISK.cause("RESOLUTION", t[0]), t[1], t[0], null, null) ? 1 : 0;
        }
        LocalDate today = rollups.day(now);
        LocalDate from = today.minusDays(config.alerts().rateWindow().toDays() - 1);
        int rates = 0;
        long[] defects = sql.one("select coalesce(sum(defective_orders), 0), coalesce(sum(orders), 0) from kpi_daily "
                + "where day between ? and ?", rs -> new long[] { rs.getLong(1), rs.getLong(2) }, from, today).orElseThrow();
        rates += rate(AlertKind.ORDER_DEFECT_RATE, defects[0], defects[1], config.alerts().orderDefectRateMax(), true, today) ? 1 : 0;
        long[] answers = sql.one("select coalesce(sum(first_responses_within_24h), 0), coalesce(sum(first_responses), 0) "
                + "from split_daily where dimension = 'TEAM' and day between ? and ?", rs -> new long[] { rs.getLong(1), rs.getLong(2) },
                from, today).orElseThrow();
        rates += rate(AlertKind.ANSWER_RATE_24H, answers[0], answers[1], config.alerts().answerRate24hMin(), false, today) ? 1 : 0;
        return new Checked(atRisk, rates);
    }

    /**
     * A rate crossing its threshold raises one alert (its cause: the kind and the day it crossed); while it stays on
     * the wrong side nothing more is raised; back on the right side, the next crossing is a new cause.
     */
    private boolean rate(AlertKind kind, long numerator, long denominator, double threshold, boolean max, LocalDate today) {
        if (denominator < config.alerts().minSample()) {
            return false;
        }
        double value = Ratios.round((double) numerator / denominator);
        boolean wrong = max ? value > threshold : value < threshold;
        sql.update("insert into alert_rate_state (kind, above, since) values (?, false, ?) on conflict (kind) do nothing", kind.name(),
                clock.instant());
        boolean was = sql.one("select above from alert_rate_state where kind = ? for update", rs -> rs.getBoolean(1), kind.name())
                .orElse(false);
        if (wrong == was) {
            return false;
        }
        sql.update("update alert_rate_state set above = ?, since = ? where kind = ?", wrong, clock.instant(), kind.name());
        return wrong && raise(kind, kind.cause(today.toString()), null, today.toString(), value, threshold);
    }

    public Optional<Recipient> recipient(String teamId) {
        return sql.one("select team_id, lead_email, webhook_url, updated_at from alert_recipient where team_id = ?",
                rs -> new Recipient(rs.getString(1), rs.getString(2), rs.getString(3), rs.getTimestamp(4).toInstant()), teamId);
    }

    public List<Recipient> recipients() {
        return sql.list("select team_id, lead_email, webhook_url, updated_at from alert_recipient order by team_id",
                rs -> new Recipient(rs.getString(1), rs.getString(2), rs.getString(3), rs.getTimestamp(4).toInstant()));
    }

    /** Sets who hears about a team's tickets; a bad e-mail or URL is named in a 400. */
    @Transactional
    public Recipient putRecipient(String teamId, String leadEmail, String webhookUrl, String by) {
        List<Problem.FieldError> errors = new java.util.ArrayList<>();
        if (leadEmail != null && !leadEmail.matches("[^@\\s,]{1,64}@[^@\\s,]{1,255}")) {
            errors.add(new Problem.FieldError("leadEmail", "must be an e-mail address"));
        }
        if (webhookUrl != null && !webhookUrl.matches("https?://[^\\s]{1,2000}")) {
            errors.add(new Problem.FieldError("webhookUrl", "must be an http(s) URL"));
        }
        if (leadEmail == null && webhookUrl == null) {
            errors.add(new Problem.FieldError("leadEmail", "give an e-mail address, a webhook URL or both"));
        }
        if (!errors.isEmpty()) {
            throw ProblemException.badFields(errors);
        }
        sql.update("insert into alert_recipient (team_id, lead_email, webhook_url, updated_at, updated_by) values (?, ?, ?, ?, ?) "
                + "on conflict (team_id) do update set lead_email = excluded.lead_email, webhook_url = excluded.webhook_url, "
                + "updated_at = excluded.updated_at, updated_by = excluded.updated_by", teamId, leadEmail, webhookUrl, clock.instant(), by);
        return recipient(teamId).orElseThrow();
    }

    /** The latest alerts, newest first (at most {@code limit}). */
    public List<Alert> latest(int limit) {
        return sql.list("select alert_id, cause, kind, team_id, subject_id, value, threshold, link, raised_at, email_sent_at is not null, "
                + "webhook_sent_at is not null, attempts from alert order by raised_at desc, alert_id limit ?", rs -> new Alert(
                        rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5),
                        (Double) rs.getObject(6), (Double) rs.getObject(7), rs.getString(8), rs.getTimestamp(9).toInstant(),
                        rs.getBoolean(10), rs.getBoolean(11), rs.getInt(12)), limit);
    }
}
