package io.postventa.events.returns;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;

/**
 * The customer was given store credit.
 *
 * @param returnId        the return's id; also the record key
 * @param orderId         the order
 * @param customerId      the customer's id
 * @param occurredAt      when the credit was issued
 * @param amount          credit amount; {@code >= 0}
 * @param currency        ISO 4217 code
 * @param creditReference the store's id of the credit (voucher, gift card)
 * @param expiresOn       last day the credit can be used; optional
 */
public record ReturnCredited(
        String returnId,
        String orderId,
        String customerId,
        Instant occurredAt,
        BigDecimal amount,
        String currency,
        String creditReference,
        LocalDate expiresOn) {
}
