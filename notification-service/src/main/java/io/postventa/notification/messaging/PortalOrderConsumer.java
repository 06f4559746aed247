package io.postventa.notification.messaging;

import java.util.Set;
import java.util.concurrent.CompletionStage;

import org.eclipse.microprofile.reactive.messaging.Incoming;

import io.postventa.events.EventType;
import io.postventa.events.orders.OrderLifecycleEvent;
import io.postventa.notification.service.PortalLinks;
import io.postventa.messaging.inbox.EventConsumer;
import io.smallrye.common.annotation.Blocking;
import io.smallrye.reactive.messaging.kafka.KafkaRecordBatch;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * orders.lifecycle.v1, for the portal's lookups only: whose each order is and its delivery postcode (placed,
 * address changed). The other lifecycle events are skipped unread; order updates come from order-status.v1.
 */
@ApplicationScoped
public class PortalOrderConsumer {
    private static final Set<EventType> HANDLED = Set.of(EventType.ORDER_PLACED, EventType.ORDER_ADDRESS_CHANGED);

    private final EventConsumer consumer;
    private final PortalLinks links;

    public PortalOrderConsumer(EventConsumer consumer, PortalLinks links) {
        this.consumer = consumer;
        this.links = links;
    }

    @Incoming("portal-orders")
    @Blocking
    public CompletionStage<Void> onOrderEvent(KafkaRecordBatch<String, String> batch) {
        return consumer.consumeBatch(batch, "notification-service.portal-orders", HANDLED, event -> {
            OrderLifecycleEvent order = event.data(OrderLifecycleEvent.class);
            if (event.type() == EventType.ORDER_PLACED && order.placed() != null) {
                links.placed(order.orderId(), order.placed().customerId(), order.placed().shippingPostcode(),
                        order.occurredAt());
            } else if (event.type() == EventType.ORDER_ADDRESS_CHANGED && order.addressChange() != null) {
                links.addressChanged(order.orderId(), order.addressChange().postcode());
            }
        });
    }
}
