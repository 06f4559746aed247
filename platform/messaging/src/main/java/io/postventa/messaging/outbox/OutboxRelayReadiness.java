package io.postventa.messaging.outbox;

import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;
import org.eclipse.microprofile.health.Readiness;

import jakarta.enterprise.context.ApplicationScoped;

/** Ready while this replica relays without errors, or stands by for the active relay. */
@Readiness
@ApplicationScoped
public class OutboxRelayReadiness implements HealthCheck {
    private final OutboxRelayService service;

    public OutboxRelayReadiness(OutboxRelayService service) {
        this.service = service;
    }

    @Override
    public HealthCheckResponse call() {
        HealthCheckResponseBuilder response = HealthCheckResponse.named("Outbox relay");
        OutboxRelay relay = service.relay();
        if (relay == null) {
            return response.up().withData("role", "disabled").build();
        }
        response.withData("role", relay.role().name().toLowerCase())
                .withData("relayed", relay.relayedCount())
                .withData("lagMs", relay.lastLagMillis());
        if (relay.lastError() != null) {
            response.withData("lastError", relay.lastError());
        }
        // STARTING is ready too: the first leadership attempt must not hold the service back.
        boolean up = relay.healthy() || relay.role() == OutboxRelay.Role.STARTING;
        return response.status(up).build();
    }
}
