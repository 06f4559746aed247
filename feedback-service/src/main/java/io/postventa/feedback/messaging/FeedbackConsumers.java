package io.postventa.feedback.messaging;

import java.util.concurrent.CompletionStage;

import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.eclipse.microprofile.reactive.messaging.Message;

import io.postventa.feedback.service.FactService;
import io.postventa.outbox.inbox.EventConsumer;
import io.smallrye.common.annotation.Blocking;
import jakarta.enterprise.context.ApplicationScoped;

/** The topics feedback-service learns from: each record is deduped and applied in one transaction by EventConsumer. */
@ApplicationScoped
public class FeedbackConsumers {
    private final EventConsumer consumer;
    private final FactService facts;

    public FeedbackConsumers(EventConsumer consumer, FactService facts) {
        this.consumer = consumer;
        this.facts = facts;
    }

    @Incoming("order-status")
    @Blocking
    public CompletionStage<Void> onOrderStatus(Message<String> message) {
        return consumer.consume(message, "feedback-service.order-status", facts::onOrderStatus);
    }

    @Incoming("return-requests")
    @Blocking
    public CompletionStage<Void> onReturnRequest(Message<String> message) {
        return consumer.consume(message, "feedback-service.return-requests", facts::onReturn);
    }

    @Incoming("return-decisions")
    @Blocking
    public CompletionStage<Void> onReturnDecision(Message<String> message) {
        return consumer.consume(message, "feedback-service.return-decisions", facts::onReturn);
    }

    @Incoming("contacts")
    @Blocking
    public CompletionStage<Void> onContact(Message<String> message) {
        return consumer.consume(message, "feedback-service.contacts", facts::onContact);
    }

    @Incoming("notifications")
    @Blocking
    public CompletionStage<Void> onNotification(Message<String> message) {
        return consumer.consume(message, "feedback-service.notifications", facts::onNotification);
    }

    @Incoming("customers")
    @Blocking
    public CompletionStage<Void> onCustomer(Message<String> message) {
        return consumer.consume(message, "feedback-service.customers", facts::onCustomer);
    }
}
