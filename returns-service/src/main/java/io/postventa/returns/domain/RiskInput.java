package io.postventa.returns.domain;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import io.postventa.events.returns.CustomerReturnHistory;
import io.postventa.events.returns.ReturnLine;
import io.postventa.events.returns.ReturnRequested;

/**
 * Everything the risk matrix looks at, taken from the request alone (its lines, delivery time and
 * the customer's history as it stood then), so deciding it again gives the same answer.
 */
public record RiskInput(
        String returnId,
        List<ReturnLine> lines,
        BigDecimal totalValue,
        String currency,
        Instant deliveredAt,
        Instant requestedAt,
        int purchaseCount,
        int returnsLast12Months,
        BigDecimal returnRate12Months,
        BigDecimal openReturnsValue) {

    public RiskInput {
        lines = List.copyOf(lines);
        totalValue = Numbers.orZero(totalValue);
        returnRate12Months = Numbers.orZero(returnRate12Months);
        openReturnsValue = Numbers.orZero(openReturnsValue);
    }

    /** The inputs of a {@code return.requested} event. */
    public static RiskInput of(ReturnRequested request) {
        CustomerReturnHistory history = request.customerHistory() == null
                ? new CustomerReturnHistory(0, 0, BigDecimal.ZERO, BigDecimal.ZERO) : request.customerHistory();
        return new RiskInput(request.returnId(), request.lines(), request.totalValue(), request.currency(),
                request.deliveredAt(), request.occurredAt(),
                history.purchaseCount() == null ? 0 : history.purchaseCount(),
                history.returnsLast12Months() == null ? 0 : history.returnsLast12Months(),
                history.returnRateLast12Months(), history.openReturnsValue());
    }

    public BigDecimal maxUnitPrice() {
        return lines.stream().map(ReturnLine::unitPrice).max(BigDecimal::compareTo).orElse(BigDecimal.ZERO);
    }

    public int units() {
        return lines.stream().mapToInt(ReturnLine::quantity).sum();
    }

    /** Whole days from delivery to the request; 0 if the request came first. */
    public long daysSinceDelivery() {
        if (deliveredAt == null || requestedAt == null || requestedAt.isBefore(deliveredAt)) {
            return 0;
        }
        return Duration.between(deliveredAt, requestedAt).toDays();
    }
}
