package io.postventa.returns.service;

import java.time.Clock;
import java.util.List;

import io.postventa.events.common.OrderStatus;
import io.postventa.events.orderstatus.OrderStatusChanged;
import io.postventa.returns.domain.CustomerOrder;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

/**
 * Keeps the local read model of orders from order-status.v1: lines, owner, purchase number and
 * delivery time. A late event (older than the status already known) never moves the status back,
 * but still fills in facts that were missing.
 */
@ApplicationScoped
public class OrderKnowledgeService {
    private final Clock clock;
    private final LoadedCustomerOrders loaded;

    public OrderKnowledgeService(Clock clock, LoadedCustomerOrders loaded) {
        this.clock = clock;
        this.loaded = loaded;
    }

    /** Loads the orders a batch of events is about in one query (call in the batch's transaction, before {@link #apply}). */
    @Transactional(Transactional.TxType.MANDATORY)
    public void prepare(List<String> orderIds) {
        loaded.load(orderIds);
    }

    @Transactional
    public void apply(OrderStatusChanged event) {
        CustomerOrder order = loaded.order(event.orderId());
        boolean learnt = order == null;
        if (learnt) {
            order = new CustomerOrder();
            order.orderId = event.orderId();
            order.status = event.newStatus();
            order.statusAt = event.occurredAt();
            order.lines = "[]";
        } else if (!event.occurredAt().isBefore(order.statusAt)) {
            order.status = event.newStatus();
            order.statusAt = event.occurredAt();
        }
        order.customerId = event.customerId();
        if (event.purchaseNumber() != null) {
            order.purchaseNumber = event.purchaseNumber();
        }
        if (event.currency() != null) {
            order.currency = event.currency();
        }
        if (event.total() != null) {
            order.total = event.total();
        }
        if (event.lines() != null && !event.lines().isEmpty()) {
            order.lines = Json.write(List.copyOf(event.lines()));
        }
        if (event.placedAt() != null) {
            order.placedAt = event.placedAt();
        }
        if (event.deliveredAt() != null) {
            order.deliveredAt = event.deliveredAt();
        } else if (event.newStatus() == OrderStatus.DELIVERED && order.deliveredAt == null) {
            order.deliveredAt = event.occurredAt();
        }
        order.updatedAt = clock.instant();
        if (learnt) {
            loaded.learnt(order);
        }
    }
}
