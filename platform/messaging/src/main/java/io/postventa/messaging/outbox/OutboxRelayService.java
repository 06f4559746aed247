package io.postventa.messaging.outbox;

import java.time.Duration;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.opentelemetry.api.OpenTelemetry;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

/** Runs the service's {@link OutboxRelay} for the life of the application and exposes its metrics. */
@ApplicationScoped
public class OutboxRelayService {
    private static final Logger LOG = Logger.getLogger(OutboxRelayService.class);

    private final OutboxConfig config;
    private final MeterRegistry registry;
    private final String serviceName;
    private final String jdbcUrl;
    private final String user;
    private final String password;
    private final String bootstrapServers;
    private final OpenTelemetry openTelemetry;
    private volatile OutboxRelay relay;

    public OutboxRelayService(OutboxConfig config, MeterRegistry registry, Tracing tracing,
            @ConfigProperty(name = "quarkus.application.name") String serviceName,
            @ConfigProperty(name = "quarkus.datasource.jdbc.url") String jdbcUrl,
            @ConfigProperty(name = "quarkus.datasource.username") String user,
            @ConfigProperty(name = "quarkus.datasource.password") String password,
            @ConfigProperty(name = "kafka.bootstrap.servers") String bootstrapServers) {
        this.config = config;
        this.registry = registry;
        this.serviceName = serviceName;
        this.jdbcUrl = jdbcUrl;
        this.user = user;
        this.password = password;
        this.bootstrapServers = bootstrapServers;
        this.openTelemetry = tracing.openTelemetry();
    }

    void start(@Observes StartupEvent event) {
        if (!config.relayEnabled()) {
            LOG.info("outbox relay disabled on this replica (postventa.outbox.relay-enabled=false)");
            return;
        }
        RelaySettings settings = new RelaySettings(serviceName, jdbcUrl, user, password, config.slotName(),
                "postventa_outbox", bootstrapServers, Duration.ofMillis(config.pollIntervalMs()), config.maxBatchSize(),
                Duration.ofMillis(config.offsetFlushIntervalMs()), Duration.ofMillis(config.heartbeatIntervalMs()),
                Duration.ofMillis(config.lockRetryIntervalMs()), config.maxBatchesInFlight());
        OutboxRelay started = new OutboxRelay(settings, openTelemetry).start();
        FunctionCounter.builder("postventa.outbox.relayed", started, OutboxRelay::relayedCount)
                .description("Outbox events relayed to Kafka by this replica").register(registry);
        // Prometheus wants base units: seconds, not the milliseconds the readiness check shows.
        Gauge.builder("postventa.outbox.relay.lag", started, r -> r.lastLagMillis() / 1000.0).baseUnit("seconds")
                .description("Commit-to-Kafka-acknowledgement time of the last relayed batch").register(registry);
        Gauge.builder("postventa.outbox.leader", started, r -> r.role() == OutboxRelay.Role.LEADER ? 1 : 0)
                .description("1 while this replica is the service's active relay").register(registry);
        relay = started;
    }

    void stop(@Observes ShutdownEvent event) {
        OutboxRelay current = relay;
        relay = null;
        if (current != null) {
            current.close();
        }
    }

    /** The running relay, or null when disabled or stopped. */
    public OutboxRelay relay() {
        return relay;
    }
}
