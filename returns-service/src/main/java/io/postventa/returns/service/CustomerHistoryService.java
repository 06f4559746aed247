package io.postventa.returns.service;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import io.postventa.events.common.OrderLine;
import io.postventa.events.returns.CustomerReturnHistory;
import io.postventa.events.returns.ReturnLine;
import io.postventa.returns.domain.CustomerOrder;
import io.postventa.returns.domain.ReturnRequest;
import io.postventa.returns.domain.ReturnStatus;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

/** A customer's orders and returns as the risk matrix sees them. */
@ApplicationScoped
public class CustomerHistoryService {
    static final Duration YEAR = Duration.ofDays(365);

    /** The history at {@code now}: purchases, returns and return rate over 12 months, value of open returns. */
    @Transactional
    public CustomerReturnHistory historyOf(String customerId, Instant now) {
        List<CustomerOrder> orders = CustomerOrder.list("customerId", customerId);
        int purchases = orders.size();
        for (CustomerOrder o : orders) {
            if (o.purchaseNumber != null) {
                purchases = Math.max(purchases, o.purchaseNumber);
            }
        }
        Instant since = now.minus(YEAR);
        List<ReturnRequest> returns = ReturnRequest.list("customerId = ?1 and requestedAt >= ?2", customerId, since);
        long deliveredUnits = orders.stream().filter(o -> o.deliveredAt != null && !o.deliveredAt.isBefore(since))
                .flatMap(o -> Json.readList(o.lines, OrderLine.class).stream()).mapToLong(OrderLine::quantity).sum();
        long returnedUnits = returns.stream().filter(r -> r.returnStatus().holdsUnits())
                .flatMap(r -> Json.readList(r.lines, ReturnLine.class).stream()).mapToLong(ReturnLine::quantity).sum();
        BigDecimal rate = deliveredUnits == 0 ? BigDecimal.ZERO
                : BigDecimal.valueOf(Math.min(returnedUnits, deliveredUnits))
                        .divide(BigDecimal.valueOf(deliveredUnits), 4, RoundingMode.HALF_UP).stripTrailingZeros();
        List<ReturnRequest> open = ReturnRequest.list("customerId", customerId);
        BigDecimal openValue = open.stream().filter(r -> ReturnStatus.valueOf(r.status).isOpen())
                .map(r -> r.totalValue).reduce(BigDecimal.ZERO, BigDecimal::add);
        return new CustomerReturnHistory(purchases, returns.size(), rate, openValue);
    }
}
