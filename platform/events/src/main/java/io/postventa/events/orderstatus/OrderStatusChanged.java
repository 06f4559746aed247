package io.postventa.events.orderstatus;

import io.postventa.events.common.OrderLine;
import io.postventa.events.common.OrderStatus;
import io.postventa.events.common.SalesChannel;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * An order moved to a new normalized status; published once per real transition, never for late or duplicated
 * inbound events. Carries the order facts downstream services keep in their read models.
 *
 * @param orderId              the order id; also the record key
 * @param customerId           the customer's id
 * @param occurredAt           when the transition happened (the inbound event's time)
 * @param previousStatus       status before; absent for the first status
 * @param newStatus            status now
 * @param sourceEventId        id of the inbound {@code orders.lifecycle.v1} event that caused it
 * @param purchaseNumber       which purchase of this customer the order is: 1 for the first; {@code >= 1}
 * @param locale               BCP 47 tag the customer shopped in
 * @param salesChannel         where the order was placed
 * @param currency             ISO 4217 code of every amount
 * @param total                order total; {@code >= 0}
 * @param lines                the order lines
 * @param placedAt             when the order was placed
 * @param promisedDeliveryDate the date delivery was promised by
 * @param carrier              carrier name or code, once shipped
 * @param trackingNumber       the carrier's tracking number, once shipped
 * @param trackingUrl          public tracking page, once shipped
 * @param deliveredAt          when it was delivered, once delivered
 * @param exceptionReasonCode  the carrier's reason code, for EXCEPTION and DELIVERY_FAILED
 */
public record OrderStatusChanged(
        String orderId,
        String customerId,
        Instant occurredAt,
        OrderStatus previousStatus,
        OrderStatus newStatus,
        String sourceEventId,
        Integer purchaseNumber,
        String locale,
        SalesChannel salesChannel,
        String currency,
        BigDecimal total,
        List<OrderLine> lines,
        Instant placedAt,
        LocalDate promisedDeliveryDate,
        String carrier,
        String trackingNumber,
        String trackingUrl,
        Instant deliveredAt,
        String exceptionReasonCode) {
}
