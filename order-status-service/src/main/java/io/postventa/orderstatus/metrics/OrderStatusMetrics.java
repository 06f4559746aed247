package io.postventa.orderstatus.metrics;

import io.micrometer.core.instrument.MeterRegistry;
import io.postventa.events.EventType;
import io.postventa.events.common.OrderStatus;
import io.postventa.events.orderstatus.DelayCause;
import io.postventa.messaging.outbox.EventCounters;
import io.postventa.messaging.outbox.OutboxListener;
import io.postventa.messaging.outbox.OutboxMessage;
import io.quarkus.runtime.Startup;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Counts what order-status-service tells the platform, once committed: status changes by new status
 * ({@code postventa_order_status_changes_total{status}}) and late orders by cause
 * ({@code postventa_orders_delayed_total{cause}}).
 */
@Startup
@ApplicationScoped
public class OrderStatusMetrics implements OutboxListener {
    private final EventCounters changes;
    private final EventCounters delays;

    public OrderStatusMetrics(MeterRegistry registry) {
        changes = new EventCounters(registry, "postventa.order.status.changes", "Order status changes published");
        delays = new EventCounters(registry, "postventa.orders.delayed", "Orders published as late, by cause");
        for (OrderStatus status : OrderStatus.values()) {
            changes.register("status", status.name());
        }
        for (DelayCause cause : DelayCause.values()) {
            delays.register("cause", cause.name());
        }
    }

    @Override
    public void committed(OutboxMessage message) {
        if (EventType.ORDER_STATUS_CHANGED.ceType().equals(message.type())) {
            changes.increment("status", message.payloadText("newStatus"));
        } else if (EventType.ORDER_DELAYED.ceType().equals(message.type())) {
            delays.increment("cause", message.payloadText("cause"));
        }
    }
}
