package io.postventa.console.auth;

import java.time.Duration;

import io.postventa.console.ConsoleConfig;
import io.vertx.core.http.Cookie;
import io.vertx.core.http.CookieSameSite;
import jakarta.enterprise.context.ApplicationScoped;

/** The development session cookie: the signed token, HttpOnly, SameSite=Lax, Secure where configured. */
@ApplicationScoped
public class SessionCookie {
    /** Name of the development session cookie. */
    public static final String NAME = "console-session";

    private final ConsoleConfig config;

    public SessionCookie(ConsoleConfig config) {
        this.config = config;
    }

    public Cookie create(String token) {
        return base(token).setMaxAge(config.devSignIn().sessionTtl().toSeconds());
    }

    public Cookie expired() {
        return base("").setMaxAge(0);
    }

    private Cookie base(String value) {
        // Lax: a link from an e-mail opens the console signed in, while a cross-site POST carries no session
        return Cookie.cookie(NAME, value).setPath("/").setHttpOnly(true).setSameSite(CookieSameSite.LAX)
                .setSecure(config.session().cookieSecure());
    }

    public Duration ttl() {
        return config.devSignIn().sessionTtl();
    }
}
