package io.postventa.ticket.messaging;

import java.util.concurrent.CompletionStage;

import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.eclipse.microprofile.reactive.messaging.Message;

import io.postventa.outbox.inbox.EventConsumer;
import io.postventa.ticket.service.ReadModelService;
import io.smallrye.common.annotation.Blocking;
import jakarta.enterprise.context.ApplicationScoped;

/** The topics ticket-service learns from: each record is deduped and applied in one transaction by EventConsumer. */
@ApplicationScoped
public class TicketConsumers {
    private final EventConsumer consumer;
    private final ReadModelService readModels;

    public TicketConsumers(EventConsumer consumer, ReadModelService readModels) {
        this.consumer = consumer;
        this.readModels = readModels;
    }

    @Incoming("order-status")
    @Blocking
    public CompletionStage<Void> onOrderStatus(Message<String> message) {
        return consumer.consume(message, "ticket-service.order-status", readModels::onOrderStatus);
    }

    @Incoming("orders-lifecycle")
    @Blocking
    public CompletionStage<Void> onOrderLifecycle(Message<String> message) {
        return consumer.consume(message, "ticket-service.orders-lifecycle", readModels::onOrderLifecycle);
    }

    @Incoming("return-requests")
    @Blocking
    public CompletionStage<Void> onReturnRequest(Message<String> message) {
        return consumer.consume(message, "ticket-service.return-requests", readModels::onReturn);
    }

    @Incoming("return-decisions")
    @Blocking
    public CompletionStage<Void> onReturnDecision(Message<String> message) {
        return consumer.consume(message, "ticket-service.return-decisions", readModels::onReturn);
    }

    @Incoming("feedback")
    @Blocking
    public CompletionStage<Void> onFeedback(Message<String> message) {
        return consumer.consume(message, "ticket-service.feedback", readModels::onFeedback);
    }

    @Incoming("customers")
    @Blocking
    public CompletionStage<Void> onCustomer(Message<String> message) {
        return consumer.consume(message, "ticket-service.customers", readModels::onCustomer);
    }
}
