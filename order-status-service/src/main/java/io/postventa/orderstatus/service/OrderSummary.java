package io.postventa.orderstatus.service;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;

import io.postventa.events.common.OrderStatus;

/** One line of "my orders", as {@link OrderQueries} lists them. */
public record OrderSummary(
        String orderId,
        OrderStatus status,
        String statusText,
        boolean delayed,
        Instant placedAt,
        int purchaseNumber,
        LocalDate promisedDeliveryDate,
        String carrier,
        String trackingUrl,
        Instant deliveredAt,
        String currency,
        BigDecimal total) {
}
