package io.postventa.messaging.outbox;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import io.opentelemetry.api.OpenTelemetry;
import io.opentelemetry.api.trace.Tracer;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;

/**
 * The tracer the outbox, the relay and the consumers use: Quarkus' own when tracing is on, OpenTelemetry's no-op
 * when {@code quarkus.otel.sdk.disabled=true} (the services' default). A "disabled" SDK still hands out spans
 * that record their attributes and go nowhere; with tracing off the platform's code creates no span, stores no
 * trace context and sends no {@code traceparent} at all ({@link #enabled()} is checked first).
 */
@ApplicationScoped
public class Tracing {
    private static final String SCOPE = "io.postventa";

    private final OpenTelemetry openTelemetry;
    private final Tracer tracer;
    private final boolean enabled;

    public Tracing(Instance<OpenTelemetry> openTelemetry,
            @ConfigProperty(name = "quarkus.otel.sdk.disabled", defaultValue = "false") boolean disabled) {
        this.enabled = !disabled && openTelemetry.isResolvable();
        this.openTelemetry = enabled ? openTelemetry.get() : OpenTelemetry.noop();
        this.tracer = this.openTelemetry.getTracer(SCOPE);
    }

    /** True when spans are recorded and exported. */
    public boolean enabled() {
        return enabled;
    }

    public Tracer tracer() {
        return tracer;
    }

    public OpenTelemetry openTelemetry() {
        return openTelemetry;
    }
}
