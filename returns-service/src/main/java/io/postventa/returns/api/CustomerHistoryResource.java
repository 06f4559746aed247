package io.postventa.returns.api;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.util.List;

import io.postventa.events.returns.CustomerReturnHistory;
import io.postventa.returns.domain.CustomerOrder;
import io.postventa.returns.domain.ReturnRequest;
import io.postventa.returns.service.CustomerHistoryService;
import io.postventa.web.Caller;
import io.postventa.web.ProblemException;
import jakarta.annotation.security.RolesAllowed;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

/** A customer's orders and returns as this service knows them (the risk matrix's view of the customer). */
@Path("/api/v1/customers/{customerId}/return-history")
@Produces(MediaType.APPLICATION_JSON)
public class CustomerHistoryResource {
    private final CustomerHistoryService history;
    private final Caller caller;
    private final Clock clock;

    public CustomerHistoryResource(CustomerHistoryService history, Caller caller, Clock clock) {
        this.history = history;
        this.caller = caller;
        this.clock = clock;
    }

    /** One order as the customer's history shows it. */
    public record OrderSummary(String orderId, Integer purchaseNumber, String status, Instant placedAt,
            Instant deliveredAt, String currency, BigDecimal total) {
    }

    /** One return as the customer's history shows it. */
    public record ReturnSummary(String returnId, String orderId, String status, Instant requestedAt, String currency,
            BigDecimal totalValue) {
    }

    /** The customer's history and the figures the risk matrix uses. */
    public record HistoryView(String customerId, int purchaseCount, int returnsLast12Months,
            BigDecimal returnRateLast12Months, BigDecimal openReturnsValue, List<OrderSummary> orders,
            List<ReturnSummary> returns) {
    }

    @GET
    @RolesAllowed({Caller.CUSTOMER, Caller.AGENT, Caller.MANAGER, Caller.ADMIN})
    @Transactional
    public HistoryView get(@PathParam("customerId") String customerId) {
        caller.requireCustomerOrStaff(customerId, "customer", customerId);
        List<CustomerOrder> orders = CustomerOrder.list("customerId = ?1 order by placedAt, orderId", customerId);
        List<ReturnRequest> returns = ReturnRequest.list("customerId = ?1 order by requestedAt desc", customerId);
        if (orders.isEmpty() && returns.isEmpty()) {
            throw ProblemException.notFound("customer", customerId);
        }
        CustomerReturnHistory h = history.historyOf(customerId, clock.instant());
        return new HistoryView(customerId, h.purchaseCount(), h.returnsLast12Months(), h.returnRateLast12Months(),
                h.openReturnsValue(),
                orders.stream().map(o -> new OrderSummary(o.orderId, o.purchaseNumber, o.status, o.placedAt,
                        o.deliveredAt, o.currency, o.total)).toList(),
                returns.stream().map(r -> new ReturnSummary(r.returnId, r.orderId, r.status, r.requestedAt, r.currency,
                        r.totalValue)).toList());
    }
}
