package io.postventa.portal;

import java.time.Duration;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** The portal's settings (see the README for each). */
@ConfigMapping(prefix = "portal")
public interface PortalConfig {

    Token token();

    Session session();

    Lookup lookup();

    Returns returns();

    /** Languages offered, a message bundle each ({@code messages/portal_<lang>.properties}); the first is the fallback. */
    @WithDefault("es,en,pt")
    List<String> languages();

    /** Time zone in which dates and times are shown. */
    @WithDefault("Europe/Madrid")
    ZoneId timeZone();

    /** The short-lived customer tokens the portal signs to call the services as the customer. */
    interface Token {
        /** PKCS#8 PEM of the signing key ({@code file:...} or a classpath resource); its public key must be one the services trust. */
        Optional<String> privateKeyLocation();

        /** {@code iss} of the tokens: the issuer the services expect ({@code mp.jwt.verify.issuer}). */
        @WithDefault("postventa-dev")
        String issuer();

        /** {@code kid} of the tokens: the key's id in the JWKS the services verify with. */
        @WithDefault("postventa-dev")
        String keyId();

        /** How long a token, and so a portal session, lasts; a session in use is renewed at half-life. */
        @WithDefault("PT30M")
        Duration ttl();
    }

    interface Session {
        /** Session, language and CSRF cookies over https only. */
        @WithDefault("true")
        boolean cookieSecure();
    }

    interface Lookup {
        /** Lookups one client address may try within {@link #window()}; then 429. */
        @WithDefault("10")
        int attemptsPerClient();

        @WithDefault("PT15M")
        Duration window();
    }

    interface Returns {
        /** How long sending a return waits for the decision before showing the page anyway. */
        @WithDefault("PT8S")
        Duration decisionWait();

        /** When a return in review is told to expect an answer (after it was requested). */
        @WithDefault("P2D")
        Duration reviewWithin();

        /** The largest photo of a damaged item the form takes. */
        @WithDefault("5242880")
        long photoMaxBytes();
    }
}
