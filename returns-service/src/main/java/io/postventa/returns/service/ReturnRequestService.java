package io.postventa.returns.service;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import javax.sql.DataSource;

import io.postventa.events.EventType;
import io.postventa.events.common.OrderLine;
import io.postventa.events.common.ReturnReason;
import io.postventa.events.returns.CustomerReturnHistory;
import io.postventa.events.returns.ReturnLine;
import io.postventa.events.returns.ReturnRequested;
import io.postventa.events.returns.ReturnResolution;
import io.postventa.outbox.Outbox;
import io.postventa.returns.domain.CustomerOrder;
import io.postventa.returns.domain.LineEligibility;
import io.postventa.returns.domain.LineRefusal;
import io.postventa.returns.domain.OrderFacts;
import io.postventa.returns.domain.RequestedLine;
import io.postventa.returns.domain.ReturnEligibility;
import io.postventa.returns.domain.ReturnPolicy;
import io.postventa.returns.domain.ReturnRequest;
import io.postventa.returns.domain.ReturnStatus;
import io.postventa.web.Page;
import io.postventa.web.Problem;
import io.postventa.web.ProblemException;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;

/** Self-service returns: what an order allows, the request itself, and reading returns back ({@link ReturnLabels}: the label). */
@ApplicationScoped
public class ReturnRequestService {
    private static final String[] HOLDING_UNITS = ReturnStatus.namesHoldingUnits();
    private final ReturnPolicyService policies;
    private final CustomerHistoryService history;
    private final ReturnDetailsMapper details;
    private final Outbox outbox;
    private final EntityManager em;
    private final DataSource dataSource;
    private final ReturnTexts texts;
    private final Clock clock;

    public ReturnRequestService(ReturnPolicyService policies, CustomerHistoryService history, ReturnDetailsMapper details,
            Outbox outbox, EntityManager em, DataSource dataSource, ReturnTexts texts, Clock clock) {
        this.texts = texts;
        this.dataSource = dataSource;
        this.policies = policies;
        this.history = history;
        this.details = details;
        this.outbox = outbox;
        this.em = em;
        this.clock = clock;
    }

    /** What of an order can be returned, until when, and why not for the rest. */
    public record Eligibility(String orderId, boolean delivered, Instant deliveredAt, int policyVersion,
            List<LineEligibility> lines) {
    }

    /** A line the customer asks to return. */
    public record NewLine(String sku, int quantity, ReturnReason reason) {
    }

    /** A new return request. */
    public record NewReturn(String orderId, List<NewLine> lines, ReturnResolution preferredResolution, String comment) {
    }

    /** The request and whether this call created it (false: an earlier call with the same Idempotency-Key did). */
    public record Created(ReturnDetails view, boolean created) {
    }

    @Transactional
    public Eligibility eligibility(String orderId, String customerIdOrNull) {
        CustomerOrder order = ownedOrder(orderId, customerIdOrNull, false);
        Versioned<ReturnPolicy> policy = policies.current();
        OrderFacts facts = facts(order);
        return new Eligibility(orderId, facts.delivered(), order.deliveredAt, policy.version(),
                ReturnEligibility.evaluate(policy.value(), facts, returnedUnits(orderId), clock.instant()));
    }

    /** Creates the request; refusals and the view's instructions are in {@code language}. */
    @Transactional
    public Created create(String customerId, String idempotencyKey, NewReturn request, String language) {
        if (idempotencyKey != null) {
            String earlier = earlierRequest(customerId, idempotencyKey);
            if (earlier != null) {
                return new Created(details.of(ReturnRequest.findById(earlier), language), false);
            }
        }
        CustomerOrder order = ownedOrder(request.orderId(), customerId, true);
        Instant now = clock.instant();
        Versioned<ReturnPolicy> policy = policies.current();
        OrderFacts facts = facts(order);
        List<LineEligibility> eligibility = ReturnEligibility.evaluate(policy.value(), facts,
                returnedUnits(order.orderId), now);
        List<RequestedLine> asked = request.lines().stream()
                .map(l -> new RequestedLine(l.sku(), l.quantity(), l.reason())).toList();
        List<LineRefusal> refusals = ReturnEligibility.check(policy.value(), eligibility, asked,
                request.preferredResolution());
        if (!refusals.isEmpty()) {
            throw ProblemException.unprocessable("the return policy does not allow this return",
                    refusals.stream().map(r -> new Problem.FieldError(r.field(),
                            r.reason().name() + ": " + texts.ineligibility(r.reason(), language) + " (" + r.detail() + ")"))
                            .toList());
        }
        Map<String, OrderLine> bySku = ReturnEligibility.mergedLines(facts);
        List<ReturnLine> lines = new ArrayList<>();
        BigDecimal total = BigDecimal.ZERO;
        for (NewLine l : request.lines()) {
            OrderLine ordered = bySku.get(l.sku());
            lines.add(new ReturnLine(l.sku(), ordered.category(), ordered.unitPrice(), l.quantity(), l.reason()));
            total = total.add(ordered.unitPrice().multiply(BigDecimal.valueOf(l.quantity())));
        }
        CustomerReturnHistory customerHistory = history.historyOf(customerId, now);

        ReturnRequest r = new ReturnRequest();
        r.returnId = "RET-" + UUID.randomUUID();
        r.orderId = order.orderId;
        r.customerId = customerId;
        r.idempotencyKey = idempotencyKey;
        r.status = ReturnStatus.REQUESTED;
        r.requestedAt = now;
        r.lines = Json.write(lines);
        r.preferredResolution = request.preferredResolution().name();
        r.comment = request.comment();
        r.currency = order.currency == null ? "EUR" : order.currency;
        r.totalValue = total;
        r.deliveredAt = order.deliveredAt;
        r.policyVersion = policy.version();
        r.customerHistory = Json.write(customerHistory);
        r.returnShippingFee = policy.value().shippingFee();
        r.updatedAt = now;
        r.persist();
        outbox.publish(EventType.RETURN_REQUESTED, r.returnId, new ReturnRequested(r.returnId, r.orderId, customerId, now,
                lines, request.preferredResolution(), r.currency, total, r.deliveredAt, r.policyVersion, customerHistory),
                now);
        return new Created(details.of(r, lines, language), true);
    }

    /** The return; its label instructions in {@code language}. */
    @Transactional
    public ReturnDetails get(String returnId, String customerIdOrNull, String language) {
        return details.of(owned(returnId, customerIdOrNull), language);
    }

    @Transactional
    public Page<ReturnDetails> list(ReturnStatus status, int page, int size) {
        var query = status == null ? ReturnRequest.<ReturnRequest>findAll(Sort.by("requestedAt").and("returnId"))
                : ReturnRequest.<ReturnRequest>find("status", Sort.by("requestedAt").and("returnId"), status);
        long total = query.count();
        List<ReturnDetails> items = query.page(page, size).list().stream().map(details::of).toList();
        return new Page<>(items, page, size, total);
    }

    /** The return, when {@code customerIdOrNull} is null (staff) or its customer; 404 otherwise, as for an unknown id. */
    static ReturnRequest owned(String returnId, String customerIdOrNull) {
        ReturnRequest r = ReturnRequest.findById(returnId);
        if (r == null || (customerIdOrNull != null && !customerIdOrNull.equals(r.customerId))) {
            throw ProblemException.notFound("return", returnId);
        }
        return r;
    }

    private CustomerOrder ownedOrder(String orderId, String customerIdOrNull, boolean lock) {
        CustomerOrder order = lock ? CustomerOrder.findById(orderId, LockModeType.PESSIMISTIC_WRITE)
                : CustomerOrder.findById(orderId);
        if (order == null || (customerIdOrNull != null && !customerIdOrNull.equals(order.customerId))) {
            throw ProblemException.notFound("order", orderId);
        }
        return order;
    }

    private static OrderFacts facts(CustomerOrder order) {
        return new OrderFacts(order.orderId, order.customerId, order.status, order.deliveredAt,
                order.currency, Json.readList(order.lines, OrderLine.class));
    }

    /**
     * Takes the lock of this customer's Idempotency-Key (held to the end of the transaction, so a concurrent retry
     * waits for the first call's commit) and then looks for a return an earlier call made with it. Both statements
     * go in one round trip on the transaction's connection; the lookup is a statement of its own, so it reads after
     * the lock is held. Every request pays this, and through Hibernate it cost a native and an HQL query.
     */
    private String earlierRequest(String customerId, String idempotencyKey) {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement statements = connection.prepareStatement("select pg_advisory_xact_lock(hashtext(?));"
                     + " select return_id from return_request where customer_id = ? and idempotency_key = ?")) {
            statements.setString(1, customerId + "\n" + idempotencyKey);
            statements.setString(2, customerId);
            statements.setString(3, idempotencyKey);
            statements.execute();
            if (!statements.getMoreResults()) {
                throw new IllegalStateException("the idempotency lookup returned no rows");
            }
            try (ResultSet earlier = statements.getResultSet()) {
                return earlier.next() ? earlier.getString(1) : null;
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot look up Idempotency-Key of " + customerId + ": " + e.getMessage(), e);
        }
    }

    /**
     * Units of each sku of the order already in returns that hold them (not rejected or expired), summed by
     * PostgreSQL in one statement: every request and eligibility check reads it, and through HQL the query and the
     * Jackson parse of each return's lines cost a sixth of a request.
     */
    private Map<String, Integer> returnedUnits(String orderId) {
        Map<String, Integer> out = new HashMap<>();
        try (Connection connection = dataSource.getConnection();
             PreparedStatement query = connection.prepareStatement("select line ->> 'sku', sum((line ->> 'quantity')::int)"
                     + " from return_request r cross join lateral jsonb_array_elements(r.lines::jsonb) line"
                     + " where r.order_id = ? and r.status = any(?) group by 1")) {
            query.setString(1, orderId);
            query.setArray(2, connection.createArrayOf("text", HOLDING_UNITS));
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    out.put(rows.getString(1), rows.getInt(2));
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read the returned units of order " + orderId + ": " + e.getMessage(), e);
        }
        return out;
    }
}
