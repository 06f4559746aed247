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

    Alerts alerts();

    /** When a figure slips: who is told, how, and the thresholds. */
    interface Alerts {
        /** How often tickets at risk and the store-wide rates are checked, and undelivered alerts sent ({@code off}: never). */
        @WithDefault("60s")
        String checkEvery();

        /** A ticket whose SLA target falls due within this and is not met yet is at risk. */
        @WithDefault("PT2H")
        Duration atRiskBefore();

        /** The managers' e-mail addresses (comma-separated) for the store-wide rates. */
        Optional<java.util.List<String>> managers();

        /** The managers' webhook for the store-wide rates (none when unset). */
        Optional<String> managersWebhook();

        /** The order defect rate over the trailing window above this raises an alert. */
        @WithDefault("0.05")
        double orderDefectRateMax();

        /** The share of first responses by people within 24 h over the trailing window below this raises an alert. */
        @io.smallrye.config.WithName("answer-rate-24h-min")
        @WithDefault("0.95")
        double answerRate24hMin();

        /** The trailing window the rates are measured over, ending today. */
        @WithDefault("P7D")
        Duration rateWindow();

        /** Fewest orders (defect rate) or first responses (24 h rate) in the window for a rate to be judged. */
        @WithDefault("100")
        int minSample();

        /** The console's address: an alert about a ticket links to its page there. */
        @WithDefault("http://127.0.0.1:8086")
        String consoleBase();

        /** The dashboard's address: an alert about a rate links to it. */
        @WithDefault("http://127.0.0.1:8085/dashboard")
        String dashboardBase();

        /** The language of alert e-mails (es, en, pt). */
        @WithDefault("es")
        String language();

        /** Delivery attempts per alert before it is left undelivered (with its last error). */
        @WithDefault("10")
        int maxAttempts();
    }

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
