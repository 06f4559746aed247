package io.postventa.notification.service;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import io.postventa.notification.config.NotificationConfig;

import jakarta.enterprise.context.ApplicationScoped;

/**
 * Limits guessing an order's e-mail or postcode: after {@code portal-lookup-attempts} failed lookups of one order
 * number within {@code portal-lookup-window}, every lookup of that number is refused (429) until the window is over,
 * whether the order exists or not, so the refusal says nothing about it. Counted per replica, in memory: N replicas
 * allow N times as many guesses, which the portal's own per-address limit and the window keep small.
 */
@ApplicationScoped
public class PortalLookupLimiter {
    private static final int MAX_TRACKED = 100_000;

    private record Window(Instant start, int failures) {
    }

    private final Map<String, Window> failures = new ConcurrentHashMap<>();
    private final Clock clock;
    private final int attempts;
    private final Duration window;

    public PortalLookupLimiter(Clock clock, NotificationConfig config) {
        this.clock = clock;
        this.attempts = config.portalLookupAttempts();
        this.window = config.portalLookupWindow();
    }

    /** When lookups of this order number may be tried again, or null if they may now. */
    public Instant blockedUntil(String orderId) {
        Window w = failures.get(key(orderId));
        Instant now = clock.instant();
        if (w == null || !w.start().plus(window).isAfter(now) || w.failures() < attempts) {
            return null;
        }
        return w.start().plus(window);
    }

    public void failed(String orderId) {
        Instant now = clock.instant();
        if (failures.size() > MAX_TRACKED) {
            failures.values().removeIf(w -> !w.start().plus(window).isAfter(now));
        }
        failures.merge(key(orderId), new Window(now, 1), (old, one) -> old.start().plus(window).isAfter(now)
                ? new Window(old.start(), old.failures() + 1) : one);
    }

    private static String key(String orderId) {
        return orderId == null ? "" : orderId.trim().toUpperCase(Locale.ROOT);
    }
}
