package io.postventa.orderstatus.messaging;

import java.util.concurrent.CompletionStage;

import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.eclipse.microprofile.reactive.messaging.Message;

import io.postventa.orderstatus.service.DedupeScopes;
import io.postventa.orderstatus.service.DeliveryAreaErasure;
import io.postventa.outbox.inbox.EventConsumer;
import io.smallrye.common.annotation.Blocking;
import jakarta.enterprise.context.ApplicationScoped;

/** Reads {@code customers.v1} for its tombstones: an erased customer's delivery areas leave this service too. */
@ApplicationScoped
public class CustomerConsumer {
    private final EventConsumer consumer;
    private final DeliveryAreaErasure erasure;

    public CustomerConsumer(EventConsumer consumer, DeliveryAreaErasure erasure) {
        this.consumer = consumer;
        this.erasure = erasure;
    }

    @Incoming("customers")
    @Blocking
    public CompletionStage<Void> onCustomer(Message<String> message) {
        return consumer.consume(message, DedupeScopes.CUSTOMERS, erasure::onCustomer);
    }
}
