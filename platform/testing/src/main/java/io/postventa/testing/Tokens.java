package io.postventa.testing;

import java.time.Duration;

import io.postventa.devstack.DevTokens;

/** Development JWTs for tests, signed with the key the services' test profile trusts. */
public final class Tokens {
    private Tokens() {
    }

    /** A customer's token: the subject is the customer id. */
    public static String customer(String customerId) {
        return DevTokens.token("customer", customerId);
    }

    public static String agent(String agentId) {
        return DevTokens.token("agent", agentId);
    }

    /** An agent of an outsourced contact centre, limited to its team's tickets. */
    public static String partnerAgent(String agentId, String team) {
        return DevTokens.token("partner-agent", agentId, team, Duration.ofHours(1));
    }

    public static String platform(String platformId) {
        return DevTokens.token("platform", platformId);
    }

    public static String manager(String managerId) {
        return DevTokens.token("manager", managerId);
    }

    public static String admin(String adminId) {
        return DevTokens.token("admin", adminId);
    }

    /** Any role, for tests of roles that should be refused. */
    public static String of(String role, String subject) {
        return DevTokens.token(role, subject);
    }

    /** The value of an Authorization header. */
    public static String bearer(String token) {
        return "Bearer " + token;
    }
}
