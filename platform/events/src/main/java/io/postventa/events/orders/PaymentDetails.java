package io.postventa.events.orders;

import java.math.BigDecimal;

/**
 * Payment facts reported with ORDER_PAID.
 *
 * @param amount   amount captured; {@code >= 0}
 * @param currency ISO 4217 code
 * @param method   payment method as the platform names it, e.g. {@code card}, {@code paypal}, {@code bizum}
 */
public record PaymentDetails(BigDecimal amount, String currency, String method) {
}
