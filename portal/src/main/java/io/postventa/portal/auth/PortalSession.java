package io.postventa.portal.auth;

import java.time.Instant;
import java.util.Optional;

import io.postventa.portal.PortalConfig;
import io.vertx.core.http.Cookie;
import io.vertx.core.http.CookieSameSite;
import io.vertx.core.http.HttpServerRequest;
import jakarta.enterprise.context.RequestScoped;

/**
 * This request's portal session, from the {@code portal-session} cookie: HttpOnly, SameSite=Lax (a link from an
 * e-mail opens the page, a cross-site POST carries no session), Secure where configured. It holds the customer token
 * itself, so there is nothing to look up and nothing to lose on a restart; past half its life it is renewed on the
 * way out ({@link SessionRenewal}).
 */
@RequestScoped
public class PortalSession {
    /** Name of the session cookie. */
    public static final String COOKIE = "portal-session";

    private final CustomerTokens tokens;
    private final PortalConfig config;
    private final Optional<CustomerTokens.Session> current;
    private String renewed;

    public PortalSession(HttpServerRequest request, CustomerTokens tokens, PortalConfig config) {
        this.tokens = tokens;
        this.config = config;
        Cookie cookie = request.getCookie(COOKIE);
        this.current = cookie == null ? Optional.empty() : tokens.verify(cookie.getValue());
    }

    public boolean active() {
        return current.isPresent();
    }

    public String customerId() {
        return current.map(CustomerTokens.Session::customerId).orElse(null);
    }

    /** The one order this session shows. */
    public String orderId() {
        return current.map(CustomerTokens.Session::orderId).orElse(null);
    }

    /** The {@code Authorization} header of a call to a service as this customer. */
    public String bearer() {
        return current.map(s -> "Bearer " + (renewed != null ? renewed : s.token())).orElse(null);
    }

    /** A cookie starting a session for the customer and order a link or lookup named. */
    public Cookie start(String customerId, String orderId) {
        return cookie(tokens.issue(customerId, orderId), config.token().ttl().toSeconds());
    }

    public Cookie end() {
        return cookie("", 0);
    }

    /** The renewed session cookie, when this request's session was past half its life. */
    Optional<Cookie> renewal() {
        if (current.isEmpty()) {
            return Optional.empty();
        }
        long left = current.get().expiresAt() - Instant.now().getEpochSecond();
        if (left > config.token().ttl().toSeconds() / 2) {
            return Optional.empty();
        }
        renewed = tokens.issue(current.get().customerId(), current.get().orderId());
        return Optional.of(cookie(renewed, config.token().ttl().toSeconds()));
    }

    private Cookie cookie(String value, long maxAge) {
        return Cookie.cookie(COOKIE, value).setPath("/").setHttpOnly(true).setSameSite(CookieSameSite.LAX)
                .setSecure(config.session().cookieSecure()).setMaxAge(maxAge);
    }
}
