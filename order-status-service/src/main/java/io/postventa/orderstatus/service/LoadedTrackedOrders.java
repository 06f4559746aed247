package io.postventa.orderstatus.service;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import io.postventa.orderstatus.domain.PendingOrderEvent;
import io.postventa.orderstatus.domain.TrackedOrder;
import jakarta.transaction.TransactionScoped;

/**
 * The tracked orders (and their early events) a consumer's batch touches, loaded in two queries when the batch begins and
 * kept for the rest of its transaction, so that applying 500 events does not cost 1,000 lookups. An order the batch
 * loaded but did not find is known to be absent: its ORDER_PLACED needs no query either.
 */
@TransactionScoped
public class LoadedTrackedOrders implements Serializable {
    private final Set<String> loaded = new HashSet<>();
    private final Map<String, TrackedOrder> orders = new HashMap<>();
    private final Map<String, List<PendingOrderEvent>> pending = new HashMap<>();

    /** Loads {@code orderIds} (those not loaded yet in this transaction) and their pending events. */
    public void load(Collection<String> orderIds) {
        List<String> missing = orderIds.stream().distinct().filter(id -> !loaded.contains(id)).toList();
        if (missing.isEmpty()) {
            return;
        }
        loaded.addAll(missing);
        TrackedOrder.<TrackedOrder>list("orderId in ?1", missing).forEach(order -> orders.put(order.orderId, order));
        PendingOrderEvent.<PendingOrderEvent>list("orderId in ?1 order by occurredAt", missing)
                .forEach(early -> pending.computeIfAbsent(early.orderId, id -> new ArrayList<>()).add(early));
    }

    /** The order, or empty when it is not known; a lookup of its own for an order the batch did not load. */
    public Optional<TrackedOrder> order(String orderId) {
        if (loaded.contains(orderId)) {
            return Optional.ofNullable(orders.get(orderId));
        }
        return TrackedOrder.findByIdOptional(orderId);
    }

    /** Records an order placed in this transaction. */
    public void placed(TrackedOrder order) {
        order.persist();
        loaded.add(order.orderId);
        orders.put(order.orderId, order);
    }

    /** Keeps an event that came before its order's ORDER_PLACED. */
    public void keep(PendingOrderEvent early) {
        early.persist();
        if (loaded.contains(early.orderId)) {
            pending.computeIfAbsent(early.orderId, id -> new ArrayList<>()).add(early);
        }
    }

    /** The events kept for {@code orderId}, oldest first, removed from the store (they are about to be applied). */
    public List<PendingOrderEvent> takePending(String orderId) {
        List<PendingOrderEvent> early;
        if (loaded.contains(orderId)) {
            early = pending.getOrDefault(orderId, new ArrayList<>());
            pending.remove(orderId);
            // loaded in time order, but events kept during this batch were appended
            early.sort(Comparator.comparing(event -> event.occurredAt));
        } else {
            early = PendingOrderEvent.list("orderId = ?1 order by occurredAt", orderId);
        }
        early.forEach(PendingOrderEvent::delete);
        return early;
    }
}
