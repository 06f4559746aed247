package io.postventa.feedback.messaging;

import java.util.Set;
import java.util.concurrent.CompletionStage;

import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.eclipse.microprofile.reactive.messaging.Message;

import io.postventa.events.EventType;
import io.postventa.feedback.service.DedupeScopes;
import io.postventa.feedback.service.CustomerFacts;
import io.postventa.feedback.service.NotificationFacts;
import io.postventa.feedback.service.OrderFacts;
import io.postventa.feedback.service.ReturnFacts;
import io.postventa.feedback.service.TicketFacts;
import io.postventa.messaging.inbox.EventConsumer;
import io.smallrye.common.annotation.Blocking;
import io.smallrye.reactive.messaging.kafka.KafkaRecordBatch;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * The topics feedback-service learns from: each record is deduped and applied by EventConsumer, in a transaction of
 * its own, except order-status.v1 (every order's every change) and notifications.v1 (of which only the sent ones and
 * the uses of their links count, each adding one to a day's rollup), applied a poll per transaction: one commit per
 * record fell behind 250 order events/s in the end-to-end benchmark. A poll of order-status.v1 is even applied as
 * sets, a statement per step for all its events ({@code OrderFacts.prepare}).
 */
@ApplicationScoped
public class FeedbackConsumers {
    private static final Set<EventType> COUNTED = Set.of(EventType.NOTIFICATION_SENT,
            EventType.NOTIFICATION_PORTAL_LINK_OPENED, EventType.NOTIFICATION_UNSUBSCRIBED);

    private final EventConsumer consumer;
    private final OrderFacts orders;
    private final ReturnFacts returns;
    private final TicketFacts tickets;
    private final NotificationFacts notifications;
    private final CustomerFacts customers;

    public FeedbackConsumers(EventConsumer consumer, OrderFacts orders, ReturnFacts returns, TicketFacts tickets,
            NotificationFacts notifications, CustomerFacts customers) {
        this.consumer = consumer;
        this.orders = orders;
        this.returns = returns;
        this.tickets = tickets;
        this.notifications = notifications;
        this.customers = customers;
    }

    @Incoming("order-status")
    @Blocking
    public CompletionStage<Void> onOrderStatus(KafkaRecordBatch<String, String> batch) {
        return consumer.consumeBatch(batch, DedupeScopes.ORDER_STATUS, orders::prepare, orders::onOrderStatus);
    }

    @Incoming("return-requests")
    @Blocking
    public CompletionStage<Void> onReturnRequest(Message<String> message) {
        return consumer.consume(message, DedupeScopes.RETURN_REQUESTS, returns::onReturn);
    }

    @Incoming("return-decisions")
    @Blocking
    public CompletionStage<Void> onReturnDecision(Message<String> message) {
        return consumer.consume(message, DedupeScopes.RETURN_DECISIONS, returns::onReturn);
    }

    @Incoming("contacts")
    @Blocking
    public CompletionStage<Void> onContact(Message<String> message) {
        return consumer.consume(message, DedupeScopes.CONTACTS, tickets::onContact);
    }

    @Incoming("notifications")
    @Blocking
    public CompletionStage<Void> onNotification(KafkaRecordBatch<String, String> batch) {
        return consumer.consumeBatch(batch, DedupeScopes.NOTIFICATIONS, COUNTED, notifications::onNotification);
    }

    @Incoming("customers")
    @Blocking
    public CompletionStage<Void> onCustomer(Message<String> message) {
        return consumer.consume(message, DedupeScopes.CUSTOMERS, customers::onCustomer);
    }
}
