package io.postventa.returns.service;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;

import io.postventa.events.common.OrderLine;
import io.postventa.events.returns.CustomerReturnHistory;
import io.postventa.events.returns.ReturnLine;
import io.postventa.returns.domain.ReturnStatus;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

/** A customer's orders and returns as the risk matrix sees them. */
@ApplicationScoped
public class CustomerHistoryService {
    static final Duration YEAR = Duration.ofDays(365);
    private static final List<String> OPEN = Arrays.stream(ReturnStatus.values()).filter(ReturnStatus::isOpen)
            .map(Enum::name).toList();
    private final EntityManager em;

    public CustomerHistoryService(EntityManager em) {
        this.em = em;
    }

    /**
     * The history at {@code now}: purchases, returns and return rate over 12 months, value of open returns. Every
     * return request reads it, so it asks the database for the figures and for the lines of the last 12 months
     * only, not for every order and return the customer ever had.
     */
    @Transactional
    public CustomerReturnHistory historyOf(String customerId, Instant now) {
        Object[] orders = em.createQuery(
                "select count(o), max(o.purchaseNumber) from CustomerOrder o where o.customerId = ?1", Object[].class)
                .setParameter(1, customerId).getSingleResult();
        int purchases = ((Number) orders[0]).intValue();
        if (orders[1] != null) {
            purchases = Math.max(purchases, ((Number) orders[1]).intValue());
        }
        Instant since = now.minus(YEAR);
        long deliveredUnits = em.createQuery(
                "select o.lines from CustomerOrder o where o.customerId = ?1 and o.deliveredAt >= ?2", String.class)
                .setParameter(1, customerId).setParameter(2, since).getResultList().stream()
                .flatMap(lines -> Json.readList(lines, OrderLine.class).stream()).mapToLong(OrderLine::quantity).sum();
        List<Object[]> returns = em.createQuery(
                "select r.status, r.lines from ReturnRequest r where r.customerId = ?1 and r.requestedAt >= ?2",
                Object[].class).setParameter(1, customerId).setParameter(2, since).getResultList();
        long returnedUnits = returns.stream().filter(r -> ReturnStatus.valueOf((String) r[0]).holdsUnits())
                .flatMap(r -> Json.readList((String) r[1], ReturnLine.class).stream()).mapToLong(ReturnLine::quantity)
                .sum();
        BigDecimal rate = deliveredUnits == 0 ? BigDecimal.ZERO
                : BigDecimal.valueOf(Math.min(returnedUnits, deliveredUnits))
                        .divide(BigDecimal.valueOf(deliveredUnits), 4, RoundingMode.HALF_UP).stripTrailingZeros();
        BigDecimal openValue = em.createQuery(
                "select sum(r.totalValue) from ReturnRequest r where r.customerId = ?1 and r.status in ?2", BigDecimal.class)
                .setParameter(1, customerId).setParameter(2, OPEN).getSingleResult();
        return new CustomerReturnHistory(purchases, returns.size(), rate, openValue == null ? BigDecimal.ZERO : openValue);
    }
}
