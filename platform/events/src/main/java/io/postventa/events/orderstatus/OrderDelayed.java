package io.postventa.events.orderstatus;

import io.postventa.events.common.OrderStatus;
import java.time.Instant;
import java.time.LocalDate;

/**
 * An order is late; published once per order per cause by order-status-service's scheduled check.
 *
 * @param orderId              the order id; also the record key
 * @param customerId           the customer's id
 * @param occurredAt           when the delay was detected
 * @param cause                why it counts as late
 * @param currentStatus        the order's status when detected
 * @param promisedDeliveryDate the promised date, if one was given
 * @param lastCarrierScanAt    time of the last carrier event, if any
 * @param exceptionReasonCode  the carrier's reason code, for {@link DelayCause#SHIPMENT_EXCEPTION}
 * @param purchaseNumber       which purchase of this customer the order is; {@code >= 1}
 * @param locale               BCP 47 tag the customer shopped in
 * @param carrier              carrier name or code, if shipped
 * @param trackingUrl          public tracking page, if shipped
 */
public record OrderDelayed(
        String orderId,
        String customerId,
        Instant occurredAt,
        DelayCause cause,
        OrderStatus currentStatus,
        LocalDate promisedDeliveryDate,
        Instant lastCarrierScanAt,
        String exceptionReasonCode,
        Integer purchaseNumber,
        String locale,
        String carrier,
        String trackingUrl) {
}
