package io.postventa.orderstatus.domain;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.EnumSet;
import java.util.Set;

import io.postventa.events.common.OrderStatus;
import io.postventa.events.orderstatus.DelayCause;

/**
 * When an order counts as late, per cause:
 * <ul>
 * <li>PROMISED_DATE_PASSED: the promised delivery date is over (in the store's time zone) and the order is neither
 * delivered, cancelled nor returned;</li>
 * <li>NO_CARRIER_SCAN: while with the carrier (SHIPPED, IN_TRANSIT, OUT_FOR_DELIVERY), no carrier event for longer
 * than the configured silence;</li>
 * <li>SHIPMENT_EXCEPTION: the shipment is in EXCEPTION.</li>
 * </ul>
 */
public final class DelayRules {
    private static final Set<OrderStatus> WITH_CARRIER = EnumSet.of(OrderStatus.SHIPPED, OrderStatus.IN_TRANSIT,
            OrderStatus.OUT_FOR_DELIVERY);

    /** Largest carrier silence that can be configured: 30 days. */
    public static final int MAX_NO_SCAN_HOURS = 720;

    private DelayRules() {
    }

    public static Set<DelayCause> due(OrderStatus status, LocalDate promisedDeliveryDate, Instant lastCarrierScanAt,
            Instant now, ZoneId zone, Duration maxCarrierSilence) {
        Set<DelayCause> causes = EnumSet.noneOf(DelayCause.class);
        if (StatusMachine.isClosed(status)) {
            return causes;
        }
        if (promisedDeliveryDate != null && promisedDeliveryDate.isBefore(LocalDate.ofInstant(now, zone))) {
            causes.add(DelayCause.PROMISED_DATE_PASSED);
        }
        if (WITH_CARRIER.contains(status) && lastCarrierScanAt != null
                && lastCarrierScanAt.plus(maxCarrierSilence).isBefore(now)) {
            causes.add(DelayCause.NO_CARRIER_SCAN);
        }
        if (status == OrderStatus.EXCEPTION) {
            causes.add(DelayCause.SHIPMENT_EXCEPTION);
        }
        return causes;
    }

    /** The statuses in which a carrier is expected to scan the parcel regularly. */
    public static Set<OrderStatus> withCarrier() {
        return WITH_CARRIER;
    }
}
