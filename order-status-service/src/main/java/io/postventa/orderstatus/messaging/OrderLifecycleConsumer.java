package io.postventa.orderstatus.messaging;

import java.util.concurrent.CompletionStage;

import org.eclipse.microprofile.reactive.messaging.Incoming;

import io.postventa.events.orders.OrderLifecycleEvent;
import io.postventa.orderstatus.service.DedupeScopes;
import io.postventa.orderstatus.service.OrderLifecycleService;
import io.postventa.outbox.inbox.EventConsumer;
import io.smallrye.common.annotation.Blocking;
import io.smallrye.reactive.messaging.kafka.KafkaRecordBatch;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Reads {@code orders.lifecycle.v1} (platforms' records and the webhook's alike) and applies each event once.
 * Records come a poll at a time and a poll is applied in one transaction: at a marketplace's peak the
 * commit per event, not the work, is what limits a consumer.
 */
@ApplicationScoped
public class OrderLifecycleConsumer {
    private final EventConsumer consumer;
    private final OrderLifecycleService orders;

    public OrderLifecycleConsumer(EventConsumer consumer, OrderLifecycleService orders) {
        this.consumer = consumer;
        this.orders = orders;
    }

    @Incoming("orders-lifecycle")
    @Blocking
    public CompletionStage<Void> onLifecycleEvents(KafkaRecordBatch<String, String> batch) {
        return consumer.consumeBatch(batch, DedupeScopes.ORDERS_LIFECYCLE,
                events -> orders.prepare(events.stream().map(event -> event.data().path("orderId").asText()).toList()),
                event -> orders.apply(event.id(), event.data(OrderLifecycleEvent.class)));
    }
}
