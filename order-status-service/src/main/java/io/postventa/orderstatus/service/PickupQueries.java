package io.postventa.orderstatus.service;

import java.time.Instant;

import io.postventa.orderstatus.domain.PickupPoint;
import io.postventa.orderstatus.domain.TrackedOrder;
import io.postventa.web.Caller;
import io.postventa.web.ProblemException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

/** Where an order waits for collection, for its customer (or staff): the pickup point and its deadline. */
@ApplicationScoped
public class PickupQueries {

    /** A pickup point and until when the parcel waits there. */
    public record PickupView(String orderId, String pickupPointId, String pickupPointName, Instant availableUntil,
            Instant reportedAt) {
    }

    /** The order's pickup point; 404 when it has none, or the caller may not see the order. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public PickupView of(String orderId, Caller caller) {
        TrackedOrder order = TrackedOrder.findById(orderId);
        if (order == null) {
            throw ProblemException.notFound("order", orderId);
        }
        caller.requireCustomerOrStaff(order.customerId, "order", orderId);
        PickupPoint point = PickupPoint.findById(orderId);
        if (point == null) {
            throw ProblemException.notFound("pickup point of order", orderId);
        }
        return new PickupView(orderId, point.pickupPointId, point.pickupPointName, point.availableUntil, point.reportedAt);
    }
}
