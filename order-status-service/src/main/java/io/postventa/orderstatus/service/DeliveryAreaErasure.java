package io.postventa.orderstatus.service;

import io.postventa.events.orders.OrderLifecycleEventType;
import io.postventa.orderstatus.domain.TimelineEntry;
import io.postventa.orderstatus.domain.TrackedOrder;
import io.postventa.outbox.inbox.IncomingEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

/**
 * The right to erasure in this service: a tombstone on {@code customers.v1} removes where the customer's orders are
 * delivered (city and postcode, on the order and in the timeline entries of address changes). The order facts stay
 * (status, dates, carrier, totals, lines): tracking, delays and the other services' KPIs rest on them and they name
 * no one once the platform has erased the customer. Upserts carry nothing this service keeps. Runs inside the
 * consumer's transaction.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.MANDATORY)
public class DeliveryAreaErasure {
    public void onCustomer(IncomingEvent event) {
        if (event.tombstone()) {
            erase(event.key());
        }
    }

    /** Erases the delivery area of every order of {@code customerId}. */
    public void erase(String customerId) {
        if (customerId == null) {
            return;
        }
        // versioned: a lifecycle event applied concurrently to one of these orders, loaded before this update,
        // fails its optimistic check and is retried on the erased row instead of writing the old city back
        TrackedOrder.getEntityManager().createQuery("update versioned TrackedOrder"
                + " set shippingCity = null, shippingPostcode = null where customerId = :customer")
                .setParameter("customer", customerId).executeUpdate();
        TimelineEntry.update("detail = null where eventType = ?1 and orderId in "
                + "(select o.orderId from TrackedOrder o where o.customerId = ?2)",
                OrderLifecycleEventType.ORDER_ADDRESS_CHANGED, customerId);
    }
}
