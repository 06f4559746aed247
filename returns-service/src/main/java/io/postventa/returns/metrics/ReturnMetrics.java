package io.postventa.returns.metrics;

import io.micrometer.core.instrument.MeterRegistry;
import io.postventa.events.EventType;
import io.postventa.events.returns.Decider;
import io.postventa.events.returns.ReturnOutcome;
import io.postventa.messaging.outbox.EventCounters;
import io.postventa.messaging.outbox.OutboxListener;
import io.postventa.messaging.outbox.OutboxMessage;
import io.quarkus.runtime.Startup;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Counts returns as they are published, once committed: requests ({@code postventa_return_requests_total}) and
 * decisions by outcome and by who decided ({@code postventa_return_decisions_total{outcome,decided_by}}), so the
 * share the risk engine approves at once, and the review queue's inflow, show.
 */
@Startup
@ApplicationScoped
public class ReturnMetrics implements OutboxListener {
    private final EventCounters requests;
    private final EventCounters decisions;

    public ReturnMetrics(MeterRegistry registry) {
        requests = new EventCounters(registry, "postventa.return.requests", "Return requests published").register();
        decisions = new EventCounters(registry, "postventa.return.decisions", "Return decisions published");
        for (ReturnOutcome outcome : ReturnOutcome.values()) {
            for (Decider decider : Decider.values()) {
                decisions.register("outcome", outcome.name(), "decided_by", decider.name());
            }
        }
    }

    @Override
    public void committed(OutboxMessage message) {
        if (EventType.RETURN_DECIDED.ceType().equals(message.type())) {
            decisions.increment("outcome", message.payloadText("outcome"), "decided_by", message.payloadText("decidedBy"));
        } else if (EventType.RETURN_REQUESTED.ceType().equals(message.type())) {
            requests.increment();
        }
    }
}
