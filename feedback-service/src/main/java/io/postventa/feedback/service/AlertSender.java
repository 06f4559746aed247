package io.postventa.feedback.service;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.jboss.logging.Logger;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.postventa.feedback.config.FeedbackConfig;
import io.quarkus.mailer.Mail;
import io.quarkus.mailer.Mailer;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

/**
 * Delivers raised alerts: an e-mail (the platform's SMTP settings, {@code quarkus.mailer.*}) and a webhook POST of
 * JSON, each once it succeeds; a failure is kept and tried again on the next run, up to {@code max-attempts}. Rows
 * are taken with {@code for update skip locked}, so replicas never send the same alert at once. A crash after
 * sending and before the commit sends it again (at least once).
 */
@ApplicationScoped
public class AlertSender {
    private static final Logger LOG = Logger.getLogger(AlertSender.class);
    private static final ObjectMapper JSON = new ObjectMapper();

    /** What one run did. */
    public record Sent(int emails, int webhooks, int failures) {
    }

    private record Pending(String alertId, String cause, String kind, String teamId, String subjectId, Double value,
            Double threshold, String link, String raisedAt, String emailTo, boolean emailDue, String webhookUrl, boolean webhookDue) {
    }

    private final Sql sql;
    private final Mailer mailer;
    private final AlertTexts texts;
    private final FeedbackConfig config;
    private final Clock clock;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    public AlertSender(Sql sql, Mailer mailer, AlertTexts texts, FeedbackConfig config, Clock clock) {
        this.sql = sql;
        this.mailer = mailer;
        this.texts = texts;
        this.config = config;
        this.clock = clock;
    }

    @Transactional
    public Sent sendDue() {
        List<Pending> due = sql.list("select alert_id, cause, kind, team_id, subject_id, value, threshold, link, raised_at, email_to, "
                + "email_to is not null and email_sent_at is null, webhook_url, webhook_url is not null and webhook_sent_at is null "
                + "from alert where ((email_to is not null and email_sent_at is null) or (webhook_url is not null and webhook_sent_at is null)) "
                + "and attempts < ? order by raised_at limit 100 for update skip locked", rs -> new Pending(rs.getString(1),
                        rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5), (Double) rs.getObject(6),
                        (Double) rs.getObject(7), rs.getString(8), rs.getTimestamp(9).toInstant().toString(), rs.getString(10),
                        rs.getBoolean(11), rs.getString(12), rs.getBoolean(13)), config.alerts().maxAttempts());
        int emails = 0;
        int webhooks = 0;
        int failures = 0;
        for (Pending p : due) {
            String error = null;
            if (p.emailDue()) {
                try {
                    Map<String, Object> values = Map.of("subject", p.subjectId(), "team", p.teamId() == null ? "-" : p.teamId(),
                            "value", p.value() == null ? "-" : p.value(), "threshold", p.threshold() == null ? "-" : p.threshold(),
                            "link", p.link());
                    String language = config.alerts().language();
                    mailer.send(Mail.withText(p.emailTo().split(",")[0].strip(), texts.subject(language, p.kind(), values),
                            texts.body(language, p.kind(), values)).setTo(List.of(p.emailTo().split("\\s*,\\s*"))));
                    sql.update("update alert set email_sent_at = ? where alert_id = ?", clock.instant(), p.alertId());
                    emails++;
                } catch (RuntimeException e) {
                    error = "e-mail: " + e.getMessage();
                }
            }
            if (p.webhookDue()) {
                try {
                    Map<String, Object> body = new LinkedHashMap<>();
                    body.put("alertId", p.alertId());
                    body.put("kind", p.kind());
                    body.put("cause", p.cause());
                    body.put("teamId", p.teamId());
                    body.put("subjectId", p.subjectId());
                    body.put("value", p.value());
                    body.put("threshold", p.threshold());
                    body.put("link", p.link());
                    body.put("raisedAt", p.raisedAt());
                    HttpResponse<Void> r = http.send(HttpRequest.newBuilder(URI.create(p.webhookUrl())).timeout(Duration.ofSeconds(10))
                            .header("Content-Type", "application/json").header("Idempotency-Key", p.alertId())
                            .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body))).build(),
                            HttpResponse.BodyHandlers.discarding());
                    if (r.statusCode() / 100 != 2) {
                        throw new IllegalStateException("webhook answered " + r.statusCode());
                    }
                    sql.update("update alert set webhook_sent_at = ? where alert_id = ?", clock.instant(), p.alertId());
                    webhooks++;
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    error = "webhook: interrupted";
                } catch (Exception e) {
                    error = (error == null ? "" : error + "; ") + "webhook: " + e.getMessage();
                }
            }
            if (error != null) {
                failures++;
                // the alert's cause names a ticket id or a day, no personal data; the address stays out of the log
                LOG.warnf("alert %s (%s) not delivered yet: %s", p.alertId(), p.kind(), error.replace(p.emailTo() == null ? "\u0000"
                        : p.emailTo(), "<lead>"));
                sql.update("update alert set attempts = attempts + 1, last_error = ? where alert_id = ?", error, p.alertId());
            }
        }
        return new Sent(emails, webhooks, failures);
    }
}
