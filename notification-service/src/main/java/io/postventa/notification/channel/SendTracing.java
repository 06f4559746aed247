package io.postventa.notification.channel;

import java.io.IOException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.concurrent.Callable;

import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.context.Scope;
import io.postventa.messaging.outbox.TraceContext;
import io.postventa.messaging.inbox.EventTraces;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * The spans of sending a notification: the send of a delivery continues the trace of the event that caused it
 * (the dispatcher sends later, on its own thread), and inside it the SMTP send and the provider's HTTP call are
 * CLIENT spans; the provider gets the trace in a {@code traceparent} header. No recipient, subject or text goes
 * into a span: ids, channel and status only.
 */
@ApplicationScoped
public class SendTracing {
    private static final AttributeKey<String> CHANNEL = AttributeKey.stringKey("postventa.notification.channel");
    private static final AttributeKey<String> DELIVERY = AttributeKey.stringKey("postventa.notification.id");
    private static final AttributeKey<String> SOURCE_EVENT = AttributeKey.stringKey("postventa.notification.source_event_id");
    private static final AttributeKey<String> METHOD = AttributeKey.stringKey("http.request.method");
    private static final AttributeKey<Long> STATUS = AttributeKey.longKey("http.response.status_code");
    private static final AttributeKey<String> SERVER = AttributeKey.stringKey("server.address");
    private static final AttributeKey<String> PROTOCOL = AttributeKey.stringKey("network.protocol.name");

    private final Tracer tracer;
    private final boolean enabled;
    private final EventTraces traces;

    public SendTracing(io.postventa.messaging.outbox.Tracing tracing, EventTraces traces) {
        this.tracer = tracing.tracer();
        this.enabled = tracing.enabled();
        this.traces = traces;
    }

    /** Runs the send of one delivery in a span of the trace of {@code sourceEventId}. */
    public <T> T send(String deliveryId, String channel, String sourceEventId, Callable<T> send) throws Exception {
        if (!enabled) {
            return send.call();
        }
        Span span = tracer.spanBuilder("notification send " + channel).setParent(traces.of(sourceEventId))
                .setSpanKind(SpanKind.INTERNAL).setAttribute(CHANNEL, channel).setAttribute(DELIVERY, deliveryId)
                .setAttribute(SOURCE_EVENT, sourceEventId).startSpan();
        try (Scope scope = span.makeCurrent()) {
            return send.call();
        } finally {
            span.end();
        }
    }

    /** Hands a mail to the SMTP server in a CLIENT span. */
    public void smtp(Runnable send) {
        if (!enabled) {
            send.run();
            return;
        }
        Span span = tracer.spanBuilder("smtp send").setSpanKind(SpanKind.CLIENT).setAttribute(PROTOCOL, "smtp")
                .startSpan();
        try (Scope scope = span.makeCurrent()) {
            send.run();
        } catch (RuntimeException e) {
            span.setStatus(StatusCode.ERROR, e.getClass().getSimpleName());
            throw e;
        } finally {
            span.end();
        }
    }

    /** A provider's HTTP call. */
    @FunctionalInterface
    public interface Call {
        HttpResponse<String> send(HttpRequest request) throws IOException, InterruptedException;
    }

    /** POSTs to a messaging provider in a CLIENT span, telling the provider the trace in a traceparent header. */
    public HttpResponse<String> post(String channel, HttpRequest.Builder request, Call call)
            throws IOException, InterruptedException {
        if (!enabled) {
            return call.send(request.build());
        }
        Span span = tracer.spanBuilder("POST " + channel + " provider").setSpanKind(SpanKind.CLIENT)
                .setAttribute(METHOD, "POST").setAttribute(CHANNEL, channel).startSpan();
        try (Scope scope = span.makeCurrent()) {
            String traceparent = TraceContext.current();
            if (traceparent != null) {
                request.header(TraceContext.TRACEPARENT, traceparent);
            }
            HttpRequest built = request.build();
            span.setAttribute(SERVER, built.uri().getHost());
            HttpResponse<String> response = call.send(built);
            span.setAttribute(STATUS, (long) response.statusCode());
            if (response.statusCode() >= 400) {
                span.setStatus(StatusCode.ERROR, "HTTP " + response.statusCode());
            }
            return response;
        } catch (IOException | InterruptedException | RuntimeException e) {
            span.setStatus(StatusCode.ERROR, e.getClass().getSimpleName());
            throw e;
        } finally {
            span.end();
        }
    }
}
