package io.postventa.returns.service;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;

import javax.sql.DataSource;

import io.postventa.events.common.OrderStatus;
import io.postventa.events.returns.CustomerReturnHistory;
import io.postventa.returns.domain.CustomerOrder;
import io.postventa.returns.domain.ReturnRequest;
import io.postventa.returns.domain.ReturnStatus;
import io.postventa.web.ProblemException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

/** A customer's orders and returns as the risk matrix sees them, and as staff and the customer read them. */
@ApplicationScoped
public class CustomerHistoryService {
    static final Duration YEAR = Duration.ofDays(365);
    private static final String[] OPEN = ReturnStatus.namesOpen();
    private static final String[] HOLDING_UNITS = ReturnStatus.namesHoldingUnits();
    /*
     * Every return request reads the history, and as four HQL queries it was a third of a request's cost: four round
     * trips, the open-returns query translated anew each time (a list parameter defeats Hibernate's plan cache), and
     * the lines of every order and return of the year parsed in Java. One statement sums the units inside PostgreSQL.
     */
    private static final String HISTORY = """
            with p as (select ?::text as customer, ?::timestamptz as since, ?::text[] as holding, ?::text[] as open)
            select (select count(*) from customer_order o where o.customer_id = p.customer),
                   (select max(o.purchase_number) from customer_order o where o.customer_id = p.customer),
                   (select coalesce(sum((line ->> 'quantity')::bigint), 0) from customer_order o
                        cross join lateral jsonb_array_elements(o.lines::jsonb) line
                        where o.customer_id = p.customer and o.delivered_at >= p.since),
                   (select count(*) from return_request r where r.customer_id = p.customer and r.requested_at >= p.since),
                   (select coalesce(sum((line ->> 'quantity')::bigint), 0) from return_request r
                        cross join lateral jsonb_array_elements(r.lines::jsonb) line
                        where r.customer_id = p.customer and r.requested_at >= p.since and r.status = any(p.holding)),
                   (select coalesce(sum(r.total_value), 0) from return_request r
                        where r.customer_id = p.customer and r.status = any(p.open))
            from p""";
    private final DataSource dataSource;
    private final Clock clock;

    public CustomerHistoryService(DataSource dataSource, Clock clock) {
        this.dataSource = dataSource;
        this.clock = clock;
    }

    /** The customer's history and the figures the risk matrix uses, as the API shows them. */
    public record CustomerHistoryView(String customerId, int purchaseCount, int returnsLast12Months,
            BigDecimal returnRateLast12Months, BigDecimal openReturnsValue, List<HistoryOrder> orders,
            List<HistoryReturn> returns) {
    }

    /** One order as the customer's return history shows it. */
    public record HistoryOrder(String orderId, Integer purchaseNumber, OrderStatus status, Instant placedAt,
            Instant deliveredAt, String currency, BigDecimal total) {
    }

    /** One return as the customer's return history shows it. */
    public record HistoryReturn(String returnId, String orderId, ReturnStatus status, Instant requestedAt,
            String currency, BigDecimal totalValue) {
    }

    /** The orders and returns this service knows of {@code customerId}, oldest order first; 404 when none. */
    @Transactional
    public CustomerHistoryView view(String customerId) {
        List<CustomerOrder> orders = CustomerOrder.list("customerId = ?1 order by placedAt, orderId", customerId);
        List<ReturnRequest> returns = ReturnRequest.list("customerId = ?1 order by requestedAt desc", customerId);
        if (orders.isEmpty() && returns.isEmpty()) {
            throw ProblemException.notFound("customer", customerId);
        }
        CustomerReturnHistory h = historyOf(customerId, clock.instant());
        return new CustomerHistoryView(customerId, h.purchaseCount(), h.returnsLast12Months(),
                h.returnRateLast12Months(), h.openReturnsValue(),
                orders.stream().map(o -> new HistoryOrder(o.orderId, o.purchaseNumber, o.status, o.placedAt,
                        o.deliveredAt, o.currency, o.total)).toList(),
                returns.stream().map(r -> new HistoryReturn(r.returnId, r.orderId, r.status, r.requestedAt, r.currency,
                        r.totalValue)).toList());
    }

    /**
     * The history at {@code now}: purchases, returns and return rate over 12 months, value of open returns, read in
     * one statement on the transaction's connection (it sees what is stored, not changes the session has yet to flush).
     */
    @Transactional
    public CustomerReturnHistory historyOf(String customerId, Instant now) {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement query = connection.prepareStatement(HISTORY)) {
            query.setString(1, customerId);
            query.setObject(2, OffsetDateTime.ofInstant(now.minus(YEAR), ZoneOffset.UTC));
            query.setArray(3, connection.createArrayOf("text", HOLDING_UNITS));
            query.setArray(4, connection.createArrayOf("text", OPEN));
            try (ResultSet row = query.executeQuery()) {
                row.next();
                int purchases = row.getInt(1);
                int highestPurchaseNumber = row.getInt(2); // 0 when no order has one
                long deliveredUnits = row.getLong(3);
                int returns = row.getInt(4);
                long returnedUnits = row.getLong(5);
                BigDecimal openValue = row.getBigDecimal(6);
                BigDecimal rate = deliveredUnits == 0 ? BigDecimal.ZERO
                        : BigDecimal.valueOf(Math.min(returnedUnits, deliveredUnits))
                                .divide(BigDecimal.valueOf(deliveredUnits), 4, RoundingMode.HALF_UP).stripTrailingZeros();
                return new CustomerReturnHistory(Math.max(purchases, highestPurchaseNumber), returns, rate, openValue);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read the return history of customer " + customerId + ": "
                    + e.getMessage(), e);
        }
    }
}
