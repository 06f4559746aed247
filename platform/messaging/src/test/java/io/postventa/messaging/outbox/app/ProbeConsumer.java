package io.postventa.messaging.outbox.app;

import java.util.Set;
import java.util.concurrent.CompletionStage;

import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.eclipse.microprofile.reactive.messaging.Message;

import io.postventa.events.EventType;
import io.postventa.events.orderstatus.OrderStatusChanged;
import io.postventa.messaging.inbox.EventConsumer;
import io.postventa.messaging.inbox.IncomingEvent;
import io.smallrye.common.annotation.Blocking;
import io.smallrye.reactive.messaging.kafka.KafkaRecordBatch;
import jakarta.enterprise.context.ApplicationScoped;

/** A consumer shaped like the services' ones: thin, idempotent through {@link EventConsumer}. */
@ApplicationScoped
public class ProbeConsumer {
    static final String BATCH_CONSUMER = "outbox-test-service.order-status-batch";
    private final EventConsumer consumer;
    private final javax.sql.DataSource dataSource;

    public ProbeConsumer(EventConsumer consumer, javax.sql.DataSource dataSource) {
        this.consumer = consumer;
        this.dataSource = dataSource;
    }

    @Incoming("order-status")
    @Blocking
    public CompletionStage<Void> onOrderStatus(Message<String> message) {
        return consumer.consume(message, "outbox-test-service.order-status", this::apply);
    }

    @Incoming("order-status-batch")
    @Blocking
    public CompletionStage<Void> onOrderStatusBatch(KafkaRecordBatch<String, String> batch) {
        // handles status changes only: the topic's order.delayed records are none of its business
        return consumer.consumeBatch(batch, BATCH_CONSUMER, Set.of(EventType.ORDER_STATUS_CHANGED), events -> {
        }, event -> record(event, "probe_batch_effect"));
    }

    private void apply(IncomingEvent event) {
        record(event, "probe_effect");
    }

    private void record(IncomingEvent event, String table) {
        if ("fail-always".equals(event.key())) {
            throw new IllegalStateException("the database said no");
        }
        OrderStatusChanged changed = event.data(OrderStatusChanged.class);
        try (var c = dataSource.getConnection();
             var insert = c.prepareStatement("insert into " + table + " (event_id, order_id, status) values (?, ?, ?)")) {
            insert.setString(1, event.id());
            insert.setString(2, changed.orderId());
            insert.setString(3, String.valueOf(changed.newStatus()));
            insert.executeUpdate();
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
