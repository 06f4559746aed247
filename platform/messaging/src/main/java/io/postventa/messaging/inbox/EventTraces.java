package io.postventa.messaging.inbox;

import java.util.LinkedHashMap;
import java.util.Map;

import io.opentelemetry.api.trace.SpanContext;
import io.opentelemetry.context.Context;
import io.opentelemetry.api.trace.Span;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * The trace of each event this replica consumed lately, by event id: work that a consumer only queues (a
 * notification sent later by a dispatcher thread, say) continues the event's trace from here instead of starting
 * a new one. In memory and bounded (the newest {@value #CAPACITY} events): queued work sent by another replica, or
 * after a restart, starts a trace of its own. Nothing is kept while tracing is off.
 */
@ApplicationScoped
public class EventTraces {
    static final int CAPACITY = 10_000;

    private final Map<String, SpanContext> byEvent = new LinkedHashMap<>(256, 0.75f, false) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, SpanContext> eldest) {
            return size() > CAPACITY;
        }
    };

    /** Remembers the span in which {@code eventId} was processed. */
    void remember(String eventId, SpanContext span) {
        if (eventId == null || !span.isValid()) {
            return;
        }
        synchronized (byEvent) {
            byEvent.put(eventId, span);
        }
    }

    /** A context whose parent is the span that processed {@code eventId}, or the root context if unknown here. */
    public Context of(String eventId) {
        SpanContext span;
        synchronized (byEvent) {
            span = eventId == null ? null : byEvent.get(eventId);
        }
        return span == null ? Context.root() : Context.root().with(Span.wrap(span));
    }
}
