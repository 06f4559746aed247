package io.postventa.orderstatus.service;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;

import io.postventa.events.common.OrderLine;
import io.postventa.events.common.OrderStatus;
import io.postventa.events.orderstatus.DelayCause;

/**
 * The tracking page of an order ("where is my order?"), as its customer or an agent sees it: status in words,
 * promise, delay, tracking, timeline. Built by {@link OrderQueries}; the API returns it as it is.
 */
public record OrderTracking(
        String orderId,
        String customerId,
        OrderStatus status,
        String statusText,
        String language,
        boolean delayed,
        Set<DelayCause> delayCauses,
        Instant placedAt,
        int purchaseNumber,
        LocalDate promisedDeliveryDate,
        LocalDate estimatedDeliveryDate,
        String carrier,
        String trackingNumber,
        String trackingUrl,
        Instant deliveredAt,
        String shippingCity,
        String shippingPostcode,
        String currency,
        BigDecimal total,
        List<OrderLine> lines,
        List<TimelineItem> timeline) {

    /** One event of the timeline; {@code outcome} says whether it changed the status (staff see late ones too). */
    public record TimelineItem(Instant occurredAt, String eventType, OrderStatus status, String text, String detail,
            String outcome) {
    }
}
