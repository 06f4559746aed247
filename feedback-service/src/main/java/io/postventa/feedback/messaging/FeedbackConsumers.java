package io.postventa.feedback.messaging;

import java.util.Set;
import java.util.concurrent.CompletionStage;

import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.eclipse.microprofile.reactive.messaging.Message;

import io.postventa.events.EventType;
import io.postventa.feedback.service.FactService;
import io.postventa.messaging.inbox.EventConsumer;
import io.smallrye.common.annotation.Blocking;
import io.smallrye.reactive.messaging.kafka.KafkaRecordBatch;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * The topics feedback-service learns from: each record is deduped and applied by EventConsumer, in a transaction of
 * its own, except order-status.v1 (every order's every change) and notifications.v1 (of which only the sent ones
 * count, each adding one to the day's rollup), applied a poll per transaction: one commit per record fell behind 250
 * order events/s in the end-to-end benchmark.
 */
@ApplicationScoped
public class FeedbackConsumers {
    private static final Set<EventType> SENT = Set.of(EventType.NOTIFICATION_SENT);

    private final EventConsumer consumer;
    private final FactService facts;

    public FeedbackConsumers(EventConsumer consumer, FactService facts) {
        this.consumer = consumer;
        this.facts = facts;
    }

    @Incoming("order-status")
    @Blocking
    public CompletionStage<Void> onOrderStatus(KafkaRecordBatch<String, String> batch) {
        return consumer.consumeBatch(batch, "feedback-service.order-status", facts::onOrderStatus);
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
    public CompletionStage<Void> onNotification(KafkaRecordBatch<String, String> batch) {
        return consumer.consumeBatch(batch, "feedback-service.notifications", SENT, facts::onNotification);
    }

    @Incoming("customers")
    @Blocking
    public CompletionStage<Void> onCustomer(Message<String> message) {
        return consumer.consume(message, "feedback-service.customers", facts::onCustomer);
    }
}
