package io.postventa.ticket.messaging;

import java.util.Set;
import java.util.concurrent.CompletionStage;

import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.eclipse.microprofile.reactive.messaging.Message;

import io.postventa.events.EventType;
import io.postventa.messaging.inbox.EventConsumer;
import io.postventa.ticket.service.ReadModelService;
import io.smallrye.common.annotation.Blocking;
import io.smallrye.reactive.messaging.kafka.KafkaRecordBatch;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * The topics ticket-service learns from: each record is deduped and applied by EventConsumer. The two order topics,
 * which carry an event or more for every order of the store, are applied a poll per transaction: one commit per
 * record held ticket-service to a few hundred records a second, behind the order-status stream at 250 order
 * events/s in the end-to-end benchmark. Of the lifecycle events only those that place an order or change where it
 * goes matter here; the rest are acknowledged unread.
 */
@ApplicationScoped
public class TicketConsumers {
    private static final Set<EventType> ORDER_STATUS = Set.of(EventType.ORDER_STATUS_CHANGED, EventType.ORDER_DELAYED);
    private static final Set<EventType> ORDER_FACTS = Set.of(EventType.ORDER_PLACED, EventType.ORDER_ADDRESS_CHANGED);

    private final EventConsumer consumer;
    private final ReadModelService readModels;

    public TicketConsumers(EventConsumer consumer, ReadModelService readModels) {
        this.consumer = consumer;
        this.readModels = readModels;
    }

    @Incoming("order-status")
    @Blocking
    public CompletionStage<Void> onOrderStatus(KafkaRecordBatch<String, String> batch) {
        return consumer.consumeBatch(batch, "ticket-service.order-status", ORDER_STATUS,
                readModels::onOrderStatus);
    }

    @Incoming("orders-lifecycle")
    @Blocking
    public CompletionStage<Void> onOrderLifecycle(KafkaRecordBatch<String, String> batch) {
        return consumer.consumeBatch(batch, "ticket-service.orders-lifecycle", ORDER_FACTS,
                readModels::onOrderLifecycle);
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
