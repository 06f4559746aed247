package io.postventa.orderstatus.api;

import io.postventa.orderstatus.domain.DelayRules;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PositiveOrZero;

/**
 * A change of the delay rule.
 *
 * @param noScanHours     hours without a carrier scan, while with the carrier, before an order counts as late
 * @param expectedVersion the version the change is based on; when given, a concurrent change answers 409
 */
public record DelayPolicyChange(
        @NotNull @Min(1) @Max(DelayRules.MAX_NO_SCAN_HOURS) Integer noScanHours,
        @PositiveOrZero Integer expectedVersion) {
}
