package io.postventa.returns.messaging;

import java.util.concurrent.CompletionStage;

import org.eclipse.microprofile.reactive.messaging.Incoming;

import io.postventa.events.EventType;
import io.postventa.events.orderstatus.OrderStatusChanged;
import io.postventa.outbox.inbox.EventConsumer;
import io.postventa.returns.service.DedupeScopes;
import io.postventa.returns.service.OrderKnowledgeService;
import io.smallrye.common.annotation.Blocking;
import io.smallrye.reactive.messaging.kafka.KafkaRecordBatch;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Learns orders (lines, owner, delivery) from order-status.v1; delays are not needed here. A poll is applied
 * in one transaction, its orders loaded in one query.
 */
@ApplicationScoped
public class OrderStatusConsumer {
    private final EventConsumer consumer;
    private final OrderKnowledgeService orders;

    public OrderStatusConsumer(EventConsumer consumer, OrderKnowledgeService orders) {
        this.consumer = consumer;
        this.orders = orders;
    }

    @Incoming("order-status")
    @Blocking
    public CompletionStage<Void> onOrderStatus(KafkaRecordBatch<String, String> batch) {
        return consumer.consumeBatch(batch, DedupeScopes.ORDER_STATUS,
                events -> orders.prepare(events.stream().filter(event -> event.type() == EventType.ORDER_STATUS_CHANGED)
                        .map(event -> event.data().path("orderId").asText()).toList()),
                event -> {
                    if (event.type() == EventType.ORDER_STATUS_CHANGED) {
                        orders.apply(event.data(OrderStatusChanged.class));
                    }
                });
    }
}
