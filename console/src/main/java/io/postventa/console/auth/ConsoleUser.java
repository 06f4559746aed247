package io.postventa.console.auth;

import java.util.Optional;
import java.util.Set;

import org.eclipse.microprofile.jwt.JsonWebToken;

import io.quarkus.oidc.AccessTokenCredential;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.enterprise.context.RequestScoped;

/**
 * The person signed in, from either sign-in (development session or OIDC): subject, roles, partner team, and the
 * token the services receive. Roles here only choose what the navigation offers; the services decide what a
 * person may see and do.
 */
@RequestScoped
public class ConsoleUser {
    public static final String AGENT = "agent";
    public static final String PARTNER_AGENT = "partner-agent";
    public static final String MANAGER = "manager";
    public static final String ADMIN = "admin";

    private final SecurityIdentity identity;

    public ConsoleUser(SecurityIdentity identity) {
        this.identity = identity;
    }

    public boolean signedIn() {
        return !identity.isAnonymous();
    }

    /** The token's subject: the agent id the services know. */
    public String subject() {
        String dev = identity.getAttribute(SessionMechanism.SUBJECT);
        if (dev != null) {
            return dev;
        }
        return identity.getPrincipal() instanceof JsonWebToken jwt ? jwt.getSubject() : identity.getPrincipal().getName();
    }

    public String name() {
        String dev = identity.getAttribute(SessionMechanism.NAME);
        if (dev != null) {
            return dev;
        }
        if (identity.getPrincipal() instanceof JsonWebToken jwt && jwt.getClaim("name") != null) {
            return jwt.getClaim("name").toString();
        }
        return subject();
    }

    public Optional<String> team() {
        String dev = identity.getAttribute(SessionMechanism.TEAM);
        if (dev != null) {
            return Optional.of(dev);
        }
        if (identity.getPrincipal() instanceof JsonWebToken jwt && jwt.getClaim("team") != null) {
            return Optional.of(jwt.getClaim("team").toString().replace("\"", ""));
        }
        return Optional.empty();
    }

    public Set<String> roles() {
        return identity.getRoles();
    }

    public boolean isAgent() {
        return roles().contains(AGENT);
    }

    /** A partner contact centre's agent (and nothing more privileged). */
    public boolean isPartner() {
        return roles().contains(PARTNER_AGENT) && !isAgent() && !isAdmin() && !isManager();
    }

    public boolean worksTickets() {
        return isAgent() || roles().contains(PARTNER_AGENT);
    }

    public boolean isManager() {
        return roles().contains(MANAGER);
    }

    public boolean isAdmin() {
        return roles().contains(ADMIN);
    }

    /** The first role, for display. */
    public String role() {
        for (String r : new String[] { ADMIN, MANAGER, AGENT, PARTNER_AGENT }) {
            if (roles().contains(r)) {
                return r;
            }
        }
        return "";
    }

    /** {@code Bearer <token>} for the services, or null when signed out. */
    public String bearer() {
        AccessTokenCredential token = identity.getCredential(AccessTokenCredential.class);
        return token == null ? null : "Bearer " + token.getToken();
    }
}
