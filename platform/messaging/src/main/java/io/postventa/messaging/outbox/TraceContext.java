package io.postventa.messaging.outbox;

import java.util.HashMap;
import java.util.Map;

import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanContext;
import io.opentelemetry.api.trace.propagation.W3CTraceContextPropagator;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.propagation.TextMapGetter;

/**
 * The W3C trace context as the outbox stores it ({@code outbox_event.traceparent}) and the relay sends it (the
 * {@code traceparent} header, as the CloudEvents distributed-tracing extension names it): one text, so a trace
 * crosses the database and Kafka without either knowing about tracing.
 */
public final class TraceContext {
    /** The header (and column) name W3C Trace Context and CloudEvents' distributed-tracing extension use. */
    public static final String TRACEPARENT = "traceparent";

    private static final W3CTraceContextPropagator W3C = W3CTraceContextPropagator.getInstance();
    private static final TextMapGetter<String> SINGLE = new TextMapGetter<>() {
        @Override
        public Iterable<String> keys(String carrier) {
            return java.util.List.of(TRACEPARENT);
        }

        @Override
        public String get(String carrier, String key) {
            return TRACEPARENT.equals(key) ? carrier : null;
        }
    };

    private TraceContext() {
    }

    /** The traceparent of the span current on this thread, or null when none is (tracing off: nothing stored). */
    public static String current() {
        SpanContext span = Span.current().getSpanContext();
        if (!span.isValid()) {
            return null;
        }
        Map<String, String> carrier = new HashMap<>(2);
        W3C.inject(Context.current(), carrier, Map::put);
        return carrier.get(TRACEPARENT);
    }

    /** The traceparent of {@code context}'s span, or null when it has none. */
    public static String of(Context context) {
        if (!Span.fromContext(context).getSpanContext().isValid()) {
            return null;
        }
        Map<String, String> carrier = new HashMap<>(2);
        W3C.inject(context, carrier, Map::put);
        return carrier.get(TRACEPARENT);
    }

    /** A context whose (remote) parent is {@code traceparent}, on top of {@code base}; {@code base} if it is null or malformed. */
    public static Context extract(Context base, String traceparent) {
        if (traceparent == null || traceparent.isBlank()) {
            return base;
        }
        return W3C.extract(base, traceparent, SINGLE);
    }
}
