package io.postventa.ticket.messaging;

import java.util.Set;
import java.util.concurrent.CompletionStage;

import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.eclipse.microprofile.reactive.messaging.Message;

import io.postventa.events.EventType;
import io.postventa.messaging.inbox.EventConsumer;
import io.postventa.ticket.service.DedupeScopes;
import io.postventa.ticket.service.DetractorFollowUp;
import io.postventa.ticket.service.KnownCustomers;
import io.postventa.ticket.service.KnownOrders;
import io.postventa.ticket.service.KnownReturns;
import io.smallrye.common.annotation.Blocking;
import io.smallrye.reactive.messaging.kafka.KafkaRecordBatch;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * The topics ticket-service learns from: each record is deduped and applied by EventConsumer. The two order topics,
 * which carry an event or more for every order of the store, are applied a poll per transaction: one commit per
 * record held ticket-service to a few hundred records a second, behind the order-status stream at 250 order
 * events/s in the end-to-end benchmark. Of the lifecycle events only those that place an order or change where it
 * goes matter here; the rest are acknowledged unread. What a poll's events read (their orders, which of them have
 * active tickets, the customers) is read once for the poll ({@code KnownOrders.prepare}).
 */
@ApplicationScoped
public class TicketConsumers {
    private static final Set<EventType> ORDER_STATUS = Set.of(EventType.ORDER_STATUS_CHANGED, EventType.ORDER_DELAYED);
    private static final Set<EventType> ORDER_FACTS = Set.of(EventType.ORDER_PLACED, EventType.ORDER_ADDRESS_CHANGED);

    private final EventConsumer consumer;
    private final KnownOrders orders;
    private final KnownReturns returns;
    private final KnownCustomers customers;
    private final DetractorFollowUp detractors;

    public TicketConsumers(EventConsumer consumer, KnownOrders orders, KnownReturns returns, KnownCustomers customers,
            DetractorFollowUp detractors) {
        this.consumer = consumer;
        this.orders = orders;
        this.returns = returns;
        this.customers = customers;
        this.detractors = detractors;
    }

    @Incoming("order-status")
    @Blocking
    public CompletionStage<Void> onOrderStatus(KafkaRecordBatch<String, String> batch) {
        return consumer.consumeBatch(batch, DedupeScopes.ORDER_STATUS, ORDER_STATUS, orders::prepare,
                orders::onOrderStatus);
    }

    @Incoming("orders-lifecycle")
    @Blocking
    public CompletionStage<Void> onOrderLifecycle(KafkaRecordBatch<String, String> batch) {
        return consumer.consumeBatch(batch, DedupeScopes.ORDERS_LIFECYCLE, ORDER_FACTS, orders::prepare,
                orders::onOrderLifecycle);
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

    @Incoming("feedback")
    @Blocking
    public CompletionStage<Void> onFeedback(Message<String> message) {
        return consumer.consume(message, DedupeScopes.FEEDBACK, detractors::onFeedback);
    }

    @Incoming("customers")
    @Blocking
    public CompletionStage<Void> onCustomer(Message<String> message) {
        return consumer.consume(message, DedupeScopes.CUSTOMERS, customers::onCustomer);
    }
}
