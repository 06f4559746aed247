package io.postventa.console;

import java.time.Duration;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** The console's settings (see the README for each). */
@ConfigMapping(prefix = "console")
public interface ConsoleConfig {

    DevSignIn devSignIn();

    Session session();

    Inbox inbox();

    /** Languages offered; a message bundle per language; the first is the fallback. */
    @WithDefault("es,en")
    List<String> languages();

    /** Time zone in which times are shown. */
    @WithDefault("Europe/Madrid")
    ZoneId timeZone();

    /** Where a manager's browser opens feedback-service's dashboard. */
    @WithDefault("http://127.0.0.1:8085/dashboard")
    String feedbackDashboardUrl();

    interface DevSignIn {
        /** Development sign-in: lists seeded users and signs their tokens with the development key. */
        @WithDefault("false")
        boolean enabled();

        /** How long a development session (and its token) lasts. */
        @WithDefault("PT8H")
        Duration sessionTtl();

        /** PKCS#8 PEM of the development private key ({@code file:...} or a classpath resource). */
        Optional<String> privateKeyLocation();

        /** The seeded users (platform/devstack's dev-users.json). */
        Optional<String> usersFile();
    }

    interface Session {
        /** Session and CSRF cookies only over https. */
        @WithDefault("true")
        boolean cookieSecure();
    }

    interface Inbox {
        /** How early a ticket is marked at risk before its SLA target is due. */
        @WithDefault("PT2H")
        Duration atRiskWithin();

        /** htmx polling interval of the inbox (an htmx time such as 10s). */
        @WithDefault("10s")
        String refreshEvery();

        @WithDefault("50")
        int pageSize();
    }
}
