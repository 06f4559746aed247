package io.postventa.console.auth;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.jose4j.jwt.JwtClaims;
import org.jose4j.jwt.MalformedClaimException;

import io.quarkus.oidc.AccessTokenCredential;
import io.quarkus.security.identity.IdentityProviderManager;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.request.AuthenticationRequest;
import io.quarkus.security.runtime.QuarkusPrincipal;
import io.quarkus.security.runtime.QuarkusSecurityIdentity;
import io.quarkus.vertx.http.runtime.security.ChallengeData;
import io.quarkus.vertx.http.runtime.security.HttpAuthenticationMechanism;
import io.smallrye.mutiny.Uni;
import io.vertx.core.http.Cookie;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Signs a request in from the development session cookie (a token {@link DevTokenIssuer} signed and still valid).
 * Without a valid one, a page is sent to the sign-in page with the way back in {@code next}; an htmx request gets
 * {@code HX-Redirect} so the whole page goes there. Inactive unless the development sign-in is on: production uses
 * quarkus-oidc's authorization-code flow.
 */
@ApplicationScoped
public class SessionMechanism implements HttpAuthenticationMechanism {
    public static final String TEAM = "postventa.team";
    public static final String NAME = "postventa.name";
    public static final String SUBJECT = "postventa.subject";

    private final DevTokenIssuer issuer;

    public SessionMechanism(DevTokenIssuer issuer) {
        this.issuer = issuer;
    }

    @Override
    public Uni<SecurityIdentity> authenticate(RoutingContext context, IdentityProviderManager identityProviderManager) {
        if (!issuer.enabled()) {
            return Uni.createFrom().nullItem();
        }
        Cookie cookie = context.request().getCookie(SessionCookie.NAME);
        if (cookie == null) {
            return Uni.createFrom().nullItem();
        }
        return Uni.createFrom().item(() -> issuer.verify(cookie.getValue()).map(claims -> identity(cookie.getValue(), claims))
                .orElse(null));
    }

    private static SecurityIdentity identity(String token, JwtClaims claims) {
        try {
            Set<String> roles = new HashSet<>();
            List<String> groups = claims.getStringListClaimValue("groups");
            if (groups != null) {
                roles.addAll(groups);
            }
            String subject = claims.getSubject();
            QuarkusSecurityIdentity.Builder builder = QuarkusSecurityIdentity.builder()
                    .setPrincipal(new QuarkusPrincipal(subject)).addRoles(roles)
                    .addCredential(new AccessTokenCredential(token))
                    .addAttribute(SUBJECT, subject);
            if (claims.hasClaim("team")) {
                builder.addAttribute(TEAM, claims.getStringClaimValue("team"));
            }
            if (claims.hasClaim("name")) {
                builder.addAttribute(NAME, claims.getStringClaimValue("name"));
            }
            return builder.build();
        } catch (MalformedClaimException e) {
            return null;
        }
    }

    @Override
    public Uni<ChallengeData> getChallenge(RoutingContext context) {
        if (!issuer.enabled()) {
            return Uni.createFrom().nullItem();
        }
        String next = context.request().getHeader("HX-Request") != null ? currentPage(context)
                : context.request().uri();
        String signIn = "/sign-in?next=" + URLEncoder.encode(next, StandardCharsets.UTF_8);
        if (context.request().getHeader("HX-Request") != null) {
            return Uni.createFrom().item(new ChallengeData(401, "HX-Redirect", signIn));
        }
        return Uni.createFrom().item(new ChallengeData(302, "Location", signIn));
    }

    /** The page an htmx request came from (its path and query), else the inbox. */
    private static String currentPage(RoutingContext context) {
        String url = context.request().getHeader("HX-Current-URL");
        if (url == null) {
            return "/inbox";
        }
        int start = url.indexOf('/', url.indexOf("//") + 2);
        return start < 0 ? "/inbox" : url.substring(start);
    }

    @Override
    public Set<Class<? extends AuthenticationRequest>> getCredentialTypes() {
        return Set.of();
    }

    @Override
    public int getPriority() {
        // ahead of quarkus-oidc, which has no tenant when the development sign-in is on
        return DEFAULT_PRIORITY + 1000;
    }
}
