package io.postventa.orderstatus.messaging;

import java.util.concurrent.CompletionStage;

import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.eclipse.microprofile.reactive.messaging.Message;

import io.postventa.events.orders.OrderLifecycleEvent;
import io.postventa.orderstatus.service.OrderLifecycleService;
import io.postventa.outbox.inbox.EventConsumer;
import io.smallrye.common.annotation.Blocking;
import jakarta.enterprise.context.ApplicationScoped;

/** Reads {@code orders.lifecycle.v1} (platforms' records and the webhook's alike) and applies each event once. */
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
    public CompletionStage<Void> onLifecycleEvent(Message<String> message) {
        return consumer.consume(message, OrderLifecycleService.CONSUMER,
                event -> orders.apply(event.id(), event.data(OrderLifecycleEvent.class)));
    }
}
