package io.postventa.feedback.config;

import java.time.Duration;
import java.time.ZoneId;
import java.util.Optional;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Survey timing, token and KPI settings ({@code feedback.*}); the README lists each one. */
@ConfigMapping(prefix = "feedback")
public interface FeedbackConfig {

    Surveys surveys();

    Kpi kpi();

    /** When surveys go out and how their links work. */
    interface Surveys {
        /** NPS is due this long after delivery. */
        @WithDefault("P7D")
        Duration npsAfterDelivery();

        /** CSAT is due this long after a ticket is solved. */
        @WithDefault("PT2H")
        Duration csatAfterTicketSolved();

        /** CSAT is due this long after a return is refunded. */
        @WithDefault("P1D")
        Duration csatAfterReturnRefunded();

        /** No second survey of the same kind to one customer within this period. */
        @WithDefault("P30D")
        Duration cooldown();

        /** A survey held (open ticket, open return, delivery exception) longer than this past its due time is dropped. */
        @WithDefault("P30D")
        Duration maxHold();

        /** How long the link token works. */
        @WithDefault("P14D")
        Duration tokenTtl();

        /** HMAC-SHA256 key that signs link tokens, at least 32 characters; unset: generated once and kept in the database. */
        Optional<String> tokenSecret();

        /** The answer page; the token is appended. */
        @WithDefault("http://127.0.0.1:8085/api/v1/surveys/")
        String linkBase();

        /** Longest comment accepted, in characters. */
        @WithDefault("2000")
        int commentMaxLength();

        /** Locale of a survey when the customer's is unknown. */
        @WithDefault("es-ES")
        String defaultLocale();

        /** How often the sender looks for due surveys ({@code off} to disable, e.g. in tests). */
        @WithDefault("60s")
        String checkEvery();

        /** Most due surveys handled per batch. */
        @WithDefault("500")
        int batchSize();
    }

    /** How KPIs are bucketed. */
    interface Kpi {
        /** Days, weeks and months are local to this zone. */
        @WithDefault("Europe/Madrid")
        ZoneId timeZone();

        /** Longest range one KPI query may cover. */
        @WithDefault("P800D")
        Duration maxRange();

        /** Skus listed in per-sku breakdowns. */
        @WithDefault("20")
        int topSkus();
    }
}
