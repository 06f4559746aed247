package io.postventa.returns.domain;

import java.time.Instant;
import java.util.List;

import io.postventa.events.common.OrderLine;
import io.postventa.events.common.OrderStatus;

/** What the service knows of an order: its owner, status, delivery time and lines. */
public record OrderFacts(String orderId, String customerId, OrderStatus status, Instant deliveredAt, String currency,
        List<OrderLine> lines) {

    public boolean delivered() {
        return deliveredAt != null && status != OrderStatus.CANCELLED;
    }
}
