package io.postventa.feedback.service;

import java.security.SecureRandom;
import java.util.Base64;

import org.jboss.logging.Logger;

import io.postventa.feedback.config.FeedbackConfig;
import io.postventa.feedback.domain.SurveyToken;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * The signer of survey links. Its key is {@code feedback.surveys.token-secret} when set (dev and test profiles
 * have a development value; production takes {@code FEEDBACK_SURVEYS_TOKEN_SECRET}). A production install without
 * it does not fall back to a known value: it generates a random key once and keeps it in its own database, so every
 * replica and every restart signs and verifies with the same key.
 */
@ApplicationScoped
public class SurveyTokens {
    private static final Logger LOG = Logger.getLogger(SurveyTokens.class);
    private static final String NAME = "survey-token";

    private final SurveyToken token;

    public SurveyTokens(FeedbackConfig config, Sql sql) {
        String secret = config.surveys().tokenSecret().filter(s -> !s.isBlank()).orElseGet(() -> stored(sql));
        this.token = new SurveyToken(secret);
    }

    public SurveyToken token() {
        return token;
    }

    private static String stored(Sql sql) {
        byte[] random = new byte[32];
        new SecureRandom().nextBytes(random);
        String candidate = Base64.getUrlEncoder().withoutPadding().encodeToString(random);
        return QuarkusTransaction.requiringNew().call(() -> {
            if (sql.update("insert into service_secret (name, value) values (?, ?) on conflict (name) do nothing", NAME,
                    candidate) == 1) {
                LOG.warn("feedback.surveys.token-secret is not set: generated a random survey link key and stored it in the "
                        + "database; set FEEDBACK_SURVEYS_TOKEN_SECRET to manage it yourself");
            }
            return sql.one("select value from service_secret where name = ?", rs -> rs.getString(1), NAME).orElseThrow();
        });
    }
}
