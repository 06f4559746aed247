package io.postventa.web;

import java.util.Optional;
import java.util.Set;

import org.eclipse.microprofile.jwt.JsonWebToken;

import jakarta.enterprise.context.RequestScoped;

/**
 * Who is calling, from the verified JWT: the subject (a customer's id, an agent's id), the roles
 * ({@code groups}) and, for a partner contact centre's agents, the team. Resources use it for the
 * "whose data is it" half of every access check.
 */
@RequestScoped
public class Caller {
    public static final String CUSTOMER = "customer";
    public static final String AGENT = "agent";
    public static final String PARTNER_AGENT = "partner-agent";
    public static final String PLATFORM = "platform";
    public static final String MANAGER = "manager";
    public static final String ADMIN = "admin";

    private final JsonWebToken jwt;

    public Caller(JsonWebToken jwt) {
        this.jwt = jwt;
    }

    /** The token's subject. */
    public String subject() {
        return jwt.getSubject();
    }

    public Set<String> roles() {
        return jwt.getGroups() == null ? Set.of() : jwt.getGroups();
    }

    public boolean hasRole(String role) {
        return roles().contains(role);
    }

    /** True when the caller is a customer and nothing more privileged. */
    public boolean isOnlyCustomer() {
        return hasRole(CUSTOMER) && !hasRole(AGENT) && !hasRole(PARTNER_AGENT) && !hasRole(ADMIN) && !hasRole(MANAGER);
    }

    /** The partner team of a partner-agent ({@code team} claim). */
    public Optional<String> team() {
        Object team = jwt.getClaim("team");
        return team == null ? Optional.empty() : Optional.of(team.toString().replace("\"", ""));
    }

    /** Fails with 404 unless the caller is that customer or a role that may see any customer's data. */
    public void requireCustomerOrStaff(String customerId, String what, String id) {
        if (isOnlyCustomer() && !subject().equals(customerId)) {
            throw ProblemException.notFound(what, id);
        }
    }
}
