package io.postventa.events.orders;

import io.postventa.events.common.OrderLine;
import io.postventa.events.common.SalesChannel;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/**
 * What was ordered, by whom (as an id) and where it goes (city level only), reported with ORDER_PLACED.
 *
 * @param customerId           the platform's customer id, as on {@code customers.v1}
 * @param lines                the order lines; at least one
 * @param currency             ISO 4217 code of every amount in the order
 * @param total                amount the customer pays, tax and shipping included; {@code >= 0}
 * @param shippingCost         shipping charged; optional, {@code >= 0}
 * @param discountTotal        discounts applied; optional, {@code >= 0}
 * @param locale               BCP 47 language tag the customer shopped in, e.g. {@code es-ES}
 * @param salesChannel         where the order was placed
 * @param promisedDeliveryDate the date the store promised delivery by, in the store's time zone
 * @param shippingCity         delivery city
 * @param shippingPostcode     delivery postcode
 * @param shippingCountry      delivery country, ISO 3166-1 alpha-2
 */
public record OrderPlacedDetails(
        String customerId,
        List<OrderLine> lines,
        String currency,
        BigDecimal total,
        BigDecimal shippingCost,
        BigDecimal discountTotal,
        String locale,
        SalesChannel salesChannel,
        LocalDate promisedDeliveryDate,
        String shippingCity,
        String shippingPostcode,
        String shippingCountry) {
}
