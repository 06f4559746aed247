package io.postventa.returns.messaging;

import java.util.concurrent.CompletionStage;

import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.eclipse.microprofile.reactive.messaging.Message;

import io.postventa.outbox.inbox.EventConsumer;
import io.postventa.returns.service.DedupeScopes;
import io.postventa.returns.service.ReturnPersonalDataErasure;
import io.smallrye.common.annotation.Blocking;
import jakarta.enterprise.context.ApplicationScoped;

/** Reads {@code customers.v1} for its tombstones: an erased customer's comments, notes and label files leave returns. */
@ApplicationScoped
public class CustomerConsumer {
    private final EventConsumer consumer;
    private final ReturnPersonalDataErasure erasure;

    public CustomerConsumer(EventConsumer consumer, ReturnPersonalDataErasure erasure) {
        this.consumer = consumer;
        this.erasure = erasure;
    }

    @Incoming("customers")
    @Blocking
    public CompletionStage<Void> onCustomer(Message<String> message) {
        return consumer.consume(message, DedupeScopes.CUSTOMERS, erasure::onCustomer);
    }
}
