package io.postventa.events.returns;

import java.math.BigDecimal;
import java.time.Instant;

/**
 * The customer was refunded.
 *
 * @param returnId        the return's id; also the record key
 * @param orderId         the order
 * @param customerId      the customer's id
 * @param occurredAt      when the refund was issued
 * @param amount          amount refunded; {@code >= 0}
 * @param currency        ISO 4217 code
 * @param refundMethod    e.g. {@code ORIGINAL_PAYMENT}, {@code BANK_TRANSFER}; optional
 * @param refundReference the payment provider's reference; optional
 */
public record ReturnRefunded(
        String returnId,
        String orderId,
        String customerId,
        Instant occurredAt,
        BigDecimal amount,
        String currency,
        String refundMethod,
        String refundReference) {
}
