package io.postventa.returns.service;

import java.io.Serializable;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.postventa.returns.domain.CustomerOrder;
import jakarta.transaction.TransactionScoped;

/**
 * The orders a batch of order-status.v1 touches, loaded in one query when the batch begins and kept for the rest of
 * its transaction. An order the batch loaded but did not find is known to be new: creating it needs no lookup.
 */
@TransactionScoped
public class LoadedCustomerOrders implements Serializable {
    private static final long serialVersionUID = 1L;
    private final Set<String> loaded = new HashSet<>();
    private final Map<String, CustomerOrder> orders = new HashMap<>();

    /** Loads {@code orderIds} (those not loaded yet in this transaction). */
    public void load(Collection<String> orderIds) {
        List<String> missing = orderIds.stream().distinct().filter(id -> !loaded.contains(id)).toList();
        if (missing.isEmpty()) {
            return;
        }
        loaded.addAll(missing);
        CustomerOrder.<CustomerOrder>list("orderId in ?1", missing).forEach(order -> orders.put(order.orderId, order));
    }

    /** The order, or null when it is not known yet; a lookup of its own for an order the batch did not load. */
    public CustomerOrder order(String orderId) {
        return loaded.contains(orderId) ? orders.get(orderId) : CustomerOrder.findById(orderId);
    }

    /** Records an order first learnt in this transaction. */
    public void learnt(CustomerOrder order) {
        order.persist();
        if (loaded.contains(order.orderId)) {
            orders.put(order.orderId, order);
        }
    }
}
