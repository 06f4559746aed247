package io.postventa.web;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;
import io.vertx.core.http.HttpServerRequest;
import jakarta.inject.Singleton;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;

/**
 * Limits the requests of each customer (by token subject), each store platform (by token subject, its platform
 * key) and each caller without a token (by client address) with a token bucket (Bucket4j): {@code N} requests per
 * period, refilled continuously, so a burst of {@code N} is allowed at once. Beyond it the caller gets 429
 * problem+json with {@code Retry-After} (seconds until a request is allowed again); other callers are not affected.
 * Staff (agents, partners, managers, admins) are not limited. Settings: {@link Settings}.
 */
@Singleton
public class RateLimits {
    private static final List<String> STAFF = List.of(Caller.AGENT, Caller.PARTNER_AGENT, Caller.MANAGER, Caller.ADMIN);

    private final Settings config;
    private final Cache<String, Bucket> buckets;

    /** The settings, {@code postventa.rate-limit.*} (each service's README, "Limits and failures"). */
    record Settings(boolean enabled, String pathPrefix, long customerRequests, Duration customerPeriod,
            long platformRequests, Duration platformPeriod, long anonymousRequests, Duration anonymousPeriod) {
    }

    /**
     * The defaults are generous: a person at a browser, the demo, the benchmarks and the fault run stay far below
     * them; they stop a client stuck in a loop. The portal calls the token-less endpoints from its own address for
     * all its visitors, hence the high anonymous default.
     */
    public RateLimits(@ConfigProperty(name = "postventa.rate-limit.enabled", defaultValue = "true") boolean enabled,
            @ConfigProperty(name = "postventa.rate-limit.path-prefix", defaultValue = "/api/") String pathPrefix,
            @ConfigProperty(name = "postventa.rate-limit.customer-requests", defaultValue = "600") long customerRequests,
            @ConfigProperty(name = "postventa.rate-limit.customer-period", defaultValue = "PT1M") Duration customerPeriod,
            @ConfigProperty(name = "postventa.rate-limit.platform-requests", defaultValue = "30000") long platformRequests,
            @ConfigProperty(name = "postventa.rate-limit.platform-period", defaultValue = "PT1M") Duration platformPeriod,
            @ConfigProperty(name = "postventa.rate-limit.anonymous-requests", defaultValue = "3000") long anonymousRequests,
            @ConfigProperty(name = "postventa.rate-limit.anonymous-period", defaultValue = "PT1M") Duration anonymousPeriod,
            @ConfigProperty(name = "postventa.rate-limit.max-callers", defaultValue = "100000") long maxCallers) {
        this.config = new Settings(enabled, pathPrefix, customerRequests, customerPeriod, platformRequests,
                platformPeriod, anonymousRequests, anonymousPeriod);
        Duration longest = max(customerPeriod, max(platformPeriod, anonymousPeriod));
        // a bucket untouched for a whole period is full again: forgetting it changes nothing
        this.buckets = Caffeine.newBuilder().maximumSize(maxCallers).expireAfterAccess(longest).build();
    }

    @ServerRequestFilter(priority = jakarta.ws.rs.Priorities.AUTHORIZATION + 10)
    public Optional<Response> limit(ContainerRequestContext request, HttpServerRequest http) {
        if (!config.enabled() || !request.getUriInfo().getRequestUri().getRawPath().startsWith(config.pathPrefix())) {
            return Optional.empty();
        }
        String key;
        long requests;
        Duration period;
        SecurityContext security = request.getSecurityContext();
        if (security == null || security.getUserPrincipal() == null) {
            key = "address:" + (http.remoteAddress() == null ? "unknown" : http.remoteAddress().hostAddress());
            requests = config.anonymousRequests();
            period = config.anonymousPeriod();
        } else if (STAFF.stream().anyMatch(security::isUserInRole)) {
            return Optional.empty();
        } else if (security.isUserInRole(Caller.PLATFORM)) {
            key = "platform:" + subject(security);
            requests = config.platformRequests();
            period = config.platformPeriod();
        } else if (security.isUserInRole(Caller.CUSTOMER)) {
            key = "customer:" + subject(security);
            requests = config.customerRequests();
            period = config.customerPeriod();
        } else {
            return Optional.empty();
        }
        Bucket bucket = buckets.get(key, k -> Bucket.builder()
                .addLimit(Bandwidth.builder().capacity(requests).refillGreedy(requests, period).build()).build());
        ConsumptionProbe probe = bucket.tryConsumeAndReturnRemaining(1);
        if (probe.isConsumed()) {
            return Optional.empty();
        }
        long retryAfter = Math.max(1, (probe.getNanosToWaitForRefill() + 999_999_999L) / 1_000_000_000L);
        String path = "/" + request.getUriInfo().getPath().replaceFirst("^/", "");
        return Optional.of(Response.status(429).type(Problem.MEDIA_TYPE).header("Retry-After", Long.toString(retryAfter))
                .entity(new Problem("https://postventa.io/problems/429", "Too many requests", 429,
                        "more than " + requests + " requests in " + period.toSeconds() + " s; send the next one in "
                                + retryAfter + " s", path, List.of()))
                .build());
    }

    private static String subject(SecurityContext security) {
        return security.getUserPrincipal() instanceof JsonWebToken jwt && jwt.getSubject() != null ? jwt.getSubject()
                : security.getUserPrincipal().getName();
    }

    private static Duration max(Duration a, Duration b) {
        return a.compareTo(b) >= 0 ? a : b;
    }
}
