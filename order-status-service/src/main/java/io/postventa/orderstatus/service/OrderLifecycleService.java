package io.postventa.orderstatus.service;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.stream.Collectors;

import org.hibernate.query.NativeQuery;

import io.postventa.events.DeadLetterHeaders.Reason;
import io.postventa.events.EventType;
import io.postventa.events.common.OrderStatus;
import io.postventa.events.orders.OrderLifecycleEvent;
import io.postventa.events.orders.OrderLifecycleEventType;
import io.postventa.events.orderstatus.OrderStatusChanged;
import io.postventa.orderstatus.config.OrderStatusConfig;
import io.postventa.orderstatus.domain.FieldProblem;
import io.postventa.orderstatus.domain.LifecycleEventRules;
import io.postventa.orderstatus.domain.Outcome;
import io.postventa.orderstatus.domain.PendingOrderEvent;
import io.postventa.orderstatus.domain.PickupPoint;
import io.postventa.orderstatus.domain.TimelineEntry;
import io.postventa.orderstatus.domain.TrackedOrder;
import io.postventa.orderstatus.domain.Transition;
import io.postventa.messaging.outbox.Outbox;
import io.postventa.messaging.inbox.Inbox;
import io.postventa.messaging.inbox.PoisonEventException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

/**
 * Applies one {@code orders.lifecycle.v1} event to its order, in the consumer's transaction: records it in the
 * timeline, moves the status on a real transition and publishes {@code order-status.changed} through the outbox.
 * Events before ORDER_PLACED are kept and applied when it arrives.
 */
@ApplicationScoped
public class OrderLifecycleService {
    private final Outbox outbox;
    private final Inbox inbox;
    private final EntityManager em;
    private final Clock clock;
    private final OrderStatusConfig config;
    private final LoadedTrackedOrders loaded;

    public OrderLifecycleService(Outbox outbox, Inbox inbox, EntityManager em, Clock clock, OrderStatusConfig config,
            LoadedTrackedOrders loaded) {
        this.loaded = loaded;
        this.outbox = outbox;
        this.inbox = inbox;
        this.em = em;
        this.clock = clock;
        this.config = config;
    }

    /** Loads, in one go, the orders a batch of events is about; call in the batch's transaction before applying them. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void prepare(Collection<String> orderIds) {
        loaded.load(orderIds);
    }

    /**
     * Applies an event that arrived with the envelope id {@code envelopeId}; returns the transitions it caused
     * (none for a late, repeated or early event; several when ORDER_PLACED releases events that came before it).
     *
     * @throws PoisonEventException when the event states something impossible (e.g. delivered before placed)
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public List<OrderStatusChanged> apply(String envelopeId, OrderLifecycleEvent event) {
        // The webhook relays a platform's event under a new envelope id; its eventId is what identifies it, in the
        // consumer's scope, so both ingestion paths dedupe on eventId.
        if (!event.eventId().equals(envelopeId) && !inbox.firstDelivery(DedupeScopes.ORDERS_LIFECYCLE, event.eventId())) {
            return List.of();
        }
        Instant now = clock.instant();
        refuse(LifecycleEventRules.check(event, now, config.clockSkew(), config.zone()));
        TrackedOrder order = loaded.order(event.orderId()).orElse(null);
        List<OrderStatusChanged> changes = new ArrayList<>();
        if (event.eventType() == OrderLifecycleEventType.ORDER_PLACED) {
            if (order != null) {
                TimelineEntry.of(event, Outcome.STALE, "the order was already placed", now).persist();
                return changes;
            }
            order = TrackedOrder.place(event, nextPurchaseNumber(event.placed().customerId()));
            loaded.placed(order);
            TimelineEntry.of(event, Outcome.APPLIED, null, now).persist();
            changes.add(publish(order, null, event));
            for (PendingOrderEvent early : loaded.takePending(order.orderId)) {
                OrderLifecycleEvent earlier = early.event();
                List<FieldProblem> problems = LifecycleEventRules.checkAgainstOrder(earlier, order.placedAt, config.clockSkew());
                if (problems.isEmpty()) {
                    applyTo(order, earlier, now, changes);
                } else {
                    TimelineEntry.of(earlier, Outcome.REJECTED, describe(problems), now).persist();
                }
            }
            return changes;
        }
        if (order == null) {
            loaded.keep(PendingOrderEvent.of(event, now));
            return changes;
        }
        refuse(LifecycleEventRules.checkAgainstOrder(event, order.placedAt, config.clockSkew()));
        applyTo(order, event, now, changes);
        return changes;
    }

    private void applyTo(TrackedOrder order, OrderLifecycleEvent event, Instant now, List<OrderStatusChanged> changes) {
        OrderStatus before = order.status;
        Transition transition = order.apply(event);
        TimelineEntry.of(event, transition.outcome(), null, now).persist();
        PickupPoint.record(event, transition.outcome());
        if (transition.changesStatus()) {
            changes.add(publish(order, before, event));
        }
    }

    private OrderStatusChanged publish(TrackedOrder order, OrderStatus previous, OrderLifecycleEvent cause) {
        boolean problem = order.status == OrderStatus.EXCEPTION || order.status == OrderStatus.DELIVERY_FAILED;
        OrderStatusChanged changed = new OrderStatusChanged(order.orderId, order.customerId, cause.occurredAt(), previous,
                order.status, cause.eventId(), order.purchaseNumber, order.locale, order.salesChannel, order.currency,
                order.total, order.lines(), order.placedAt, order.promisedDeliveryDate, order.carrier, order.trackingNumber,
                order.trackingUrl, order.deliveredAt, problem ? order.exceptionReasonCode : null);
        outbox.publish(EventType.ORDER_STATUS_CHANGED, order.orderId, changed, cause.occurredAt());
        return changed;
    }

    /** Counts the customer's placed orders atomically (concurrent orders of one customer get distinct numbers). */
    private int nextPurchaseNumber(String customerId) {
        Object count = em.createNativeQuery("insert into customer_purchase_count (customer_id, orders_placed) values (?1, 1) "
                + "on conflict (customer_id) do update set orders_placed = customer_purchase_count.orders_placed + 1 "
                + "returning orders_placed")
                .setParameter(1, customerId)
                // it touches no mapped table: without this, Hibernate would flush the batch's pending rows first
                .unwrap(NativeQuery.class).addSynchronizedQuerySpace("customer_purchase_count")
                .getSingleResult();
        return ((Number) count).intValue();
    }

    private static void refuse(List<FieldProblem> problems) {
        if (!problems.isEmpty()) {
            throw new PoisonEventException(Reason.SCHEMA_VIOLATION, describe(problems));
        }
    }

    private static String describe(List<FieldProblem> problems) {
        return problems.stream().map(p -> "$." + p).collect(Collectors.joining("; "));
    }
}
