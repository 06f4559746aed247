package io.postventa.portal.auth;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import io.postventa.portal.PortalConfig;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Limits lookups per client address: {@code portal.lookup.attempts-per-client} within {@code portal.lookup.window},
 * then a 429 page until the window is over. notification-service limits failed lookups per order number besides,
 * so spreading guesses over addresses does not help either. In memory, per replica.
 */
@ApplicationScoped
public class LookupLimiter {
    private static final int MAX_TRACKED = 100_000;

    private record Window(Instant start, int attempts) {
    }

    private final Map<String, Window> windows = new ConcurrentHashMap<>();
    private final int attempts;
    private final Duration window;

    public LookupLimiter(PortalConfig config) {
        this.attempts = config.lookup().attemptsPerClient();
        this.window = config.lookup().window();
    }

    /** Counts one attempt; returns when the client may try again if this one is over the limit, else null. */
    public Instant attempt(String client) {
        Instant now = Instant.now();
        if (windows.size() > MAX_TRACKED) {
            windows.values().removeIf(w -> !w.start().plus(window).isAfter(now));
        }
        Window w = windows.merge(client, new Window(now, 1), (old, one) -> old.start().plus(window).isAfter(now)
                ? new Window(old.start(), old.attempts() + 1) : one);
        return w.attempts() > attempts ? w.start().plus(window) : null;
    }
}
