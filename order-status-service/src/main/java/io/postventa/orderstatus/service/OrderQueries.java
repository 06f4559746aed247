package io.postventa.orderstatus.service;

import java.time.Clock;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import io.postventa.events.orderstatus.DelayCause;
import io.postventa.orderstatus.config.OrderStatusConfig;
import io.postventa.orderstatus.domain.DelayRules;
import io.postventa.orderstatus.domain.OrderDelay;
import io.postventa.orderstatus.domain.Outcome;
import io.postventa.orderstatus.domain.StatusMachine;
import io.postventa.orderstatus.domain.TimelineEntry;
import io.postventa.orderstatus.domain.TrackedOrder;
import io.postventa.web.Caller;
import io.postventa.web.Page;
import io.postventa.web.ProblemException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

/** Self-service tracking reads: an order with its timeline, and a customer's orders. Three queries at most. */
@ApplicationScoped
public class OrderQueries {
    private static final Set<Outcome> CUSTOMER_VISIBLE = EnumSet.of(Outcome.APPLIED, Outcome.RECORDED);

    private final Clock clock;
    private final OrderStatusConfig config;
    private final DelayPolicyService policies;
    private final StatusTexts texts;

    public OrderQueries(Clock clock, OrderStatusConfig config, DelayPolicyService policies, StatusTexts texts) {
        this.texts = texts;
        this.clock = clock;
        this.config = config;
        this.policies = policies;
    }

    /** The order for {@code caller}: its customer, or staff; anyone else gets 404, as for an unknown id. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public OrderTracking order(String orderId, Caller caller, List<Locale> accepted) {
        TrackedOrder order = TrackedOrder.findById(orderId);
        if (order == null) {
            throw ProblemException.notFound("order", orderId);
        }
        caller.requireCustomerOrStaff(order.customerId, "order", orderId);
        String language = texts.language(accepted, order.locale);
        Set<DelayCause> causes = delays(order, OrderDelay.<OrderDelay>list("orderId", orderId).stream()
                .map(d -> d.cause).collect(Collectors.toSet()));
        boolean customer = caller.isOnlyCustomer();
        List<OrderTracking.TimelineItem> timeline = TimelineEntry.<TimelineEntry>list("orderId = ?1 order by occurredAt, recordedAt", orderId)
                .stream()
                .filter(e -> !customer || CUSTOMER_VISIBLE.contains(e.outcome))
                .map(e -> new OrderTracking.TimelineItem(e.occurredAt, e.eventType.name(), e.reportedStatus,
                        texts.event(e.eventType, language), e.detail, e.outcome.name()))
                .toList();
        boolean partner = caller.hasRole(Caller.PARTNER_AGENT) && !caller.hasRole(Caller.AGENT);
        return new OrderTracking(order.orderId, order.customerId, order.status,
                texts.status(order.status, !causes.isEmpty(), language), language, !causes.isEmpty(), causes,
                order.placedAt, order.purchaseNumber, order.promisedDeliveryDate, order.estimatedDeliveryDate,
                order.carrier, order.trackingNumber, order.trackingUrl, order.deliveredAt, order.shippingCity,
                partner ? null : order.shippingPostcode, order.currency, order.total, order.lines(), timeline);
    }

    /** The customer's orders, newest first. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Page<OrderSummary> ordersOf(String customerId, int page, int size, List<Locale> accepted) {
        Page.check(page, size);
        var query = TrackedOrder.<TrackedOrder>find("customerId = ?1 order by placedAt desc", customerId);
        List<TrackedOrder> orders = query.page(page, size).list();
        Map<String, Set<DelayCause>> reported = orders.isEmpty() ? Map.of()
                : OrderDelay.<OrderDelay>list("orderId in ?1", orders.stream().map(o -> o.orderId).toList()).stream()
                        .collect(Collectors.groupingBy(d -> d.orderId, Collectors.mapping(d -> d.cause, Collectors.toSet())));
        List<OrderSummary> items = orders.stream().map(o -> {
            String language = texts.language(accepted, o.locale);
            boolean delayed = !delays(o, reported.getOrDefault(o.orderId, Set.of())).isEmpty();
            return new OrderSummary(o.orderId, o.status, texts.status(o.status, delayed, language), delayed,
                    o.placedAt, o.purchaseNumber, o.promisedDeliveryDate, o.carrier, o.trackingUrl, o.deliveredAt,
                    o.currency, o.total);
        }).toList();
        return new Page<>(items, page, size, query.count());
    }

    /** The delays that still hold: reported ones and ones due now (the check may not have run yet). */
    private Set<DelayCause> delays(TrackedOrder order, Set<DelayCause> reported) {
        if (StatusMachine.isClosed(order.status)) {
            return Set.of();
        }
        Instant now = clock.instant();
        Set<DelayCause> due = DelayRules.due(order.status, order.promisedDeliveryDate, order.lastCarrierScanAt, now,
                config.zone(), policies.maxCarrierSilence());
        Set<DelayCause> causes = EnumSet.noneOf(DelayCause.class);
        causes.addAll(due);
        // A reported exception or silence is over once the shipment moved on; a passed promise stays passed.
        reported.stream().filter(c -> c == DelayCause.PROMISED_DATE_PASSED).forEach(causes::add);
        return causes;
    }
}
