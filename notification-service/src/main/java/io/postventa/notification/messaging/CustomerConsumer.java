package io.postventa.notification.messaging;

import java.util.concurrent.CompletionStage;

import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.eclipse.microprofile.reactive.messaging.Message;

import io.postventa.events.customers.CustomerUpserted;
import io.postventa.notification.service.CustomerContactStore;
import io.postventa.notification.service.DedupeScopes;
import io.postventa.outbox.inbox.EventConsumer;
import io.smallrye.reactive.messaging.annotations.Blocking;
import jakarta.enterprise.context.ApplicationScoped;

/** customers.v1 into the contact store; a tombstone erases the customer. */
@ApplicationScoped
public class CustomerConsumer {
    private final EventConsumer consumer;
    private final CustomerContactStore contacts;

    public CustomerConsumer(EventConsumer consumer, CustomerContactStore contacts) {
        this.consumer = consumer;
        this.contacts = contacts;
    }

    @Incoming("customers")
    @Blocking
    public CompletionStage<Void> onCustomer(Message<String> message) {
        return consumer.consume(message, DedupeScopes.CUSTOMERS, event -> {
            if (event.tombstone()) {
                contacts.erase(event.key());
            } else {
                contacts.upsert(event.data(CustomerUpserted.class));
            }
        });
    }
}
