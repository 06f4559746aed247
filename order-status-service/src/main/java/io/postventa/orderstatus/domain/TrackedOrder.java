package io.postventa.orderstatus.domain;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import io.postventa.events.EventJson;
import io.postventa.events.common.OrderLine;
import io.postventa.events.common.OrderStatus;
import io.postventa.events.common.SalesChannel;
import io.postventa.events.orders.OrderLifecycleEvent;
import io.postventa.events.orders.OrderLifecycleEventType;
import io.postventa.events.orders.OrderPlacedDetails;
import io.postventa.events.orders.ShipmentDetails;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

/**
 * An order as this service tracks it: its normalized status (never regressing, see {@link StatusMachine}), the
 * facts of its placement, its shipment and the customer's purchase number. Applying events is plain Java.
 */
@Entity
@Table(name = "customer_order")
public class TrackedOrder extends PanacheEntityBase {
    @Id
    public String orderId;
    public String customerId;
    @Enumerated(EnumType.STRING)
    public OrderStatus status;
    /** The furthest main-line status reached; side states do not lower it. */
    @Enumerated(EnumType.STRING)
    public OrderStatus progress;
    public Instant statusSince;
    public Instant placedAt;
    public int purchaseNumber;
    public String locale;
    @Enumerated(EnumType.STRING)
    public SalesChannel salesChannel;
    public String currency;
    public BigDecimal total;
    /** The order lines as JSON (immutable facts of the placement; read whole, never queried). */
    @Column(name = "lines")
    public String linesJson;
    public LocalDate promisedDeliveryDate;
    public String shippingCity;
    public String shippingPostcode;
    public String shippingCountry;
    public String carrier;
    public String trackingNumber;
    public String trackingUrl;
    public LocalDate estimatedDeliveryDate;
    public Instant lastCarrierScanAt;
    public Instant deliveredAt;
    public String exceptionReasonCode;
    public String source;
    @Version
    public long version;

    /** A new order from its ORDER_PLACED event; {@code purchaseNumber} is the customer's count of placed orders. */
    public static TrackedOrder place(OrderLifecycleEvent event, int purchaseNumber) {
        OrderPlacedDetails placed = event.placed();
        TrackedOrder order = new TrackedOrder();
        order.orderId = event.orderId();
        order.customerId = placed.customerId();
        order.status = OrderStatus.PLACED;
        order.progress = OrderStatus.PLACED;
        order.statusSince = event.occurredAt();
        order.placedAt = event.occurredAt();
        order.purchaseNumber = purchaseNumber;
        order.locale = placed.locale();
        order.salesChannel = placed.salesChannel();
        order.currency = placed.currency();
        order.total = placed.total();
        order.linesJson = EventJson.toJson(placed.lines());
        order.promisedDeliveryDate = placed.promisedDeliveryDate();
        order.shippingCity = placed.shippingCity();
        order.shippingPostcode = placed.shippingPostcode();
        order.shippingCountry = placed.shippingCountry();
        order.source = event.source();
        return order;
    }

    /**
     * Applies an event other than ORDER_PLACED. A real transition moves the status; an event in the same status
     * keeps its facts (a new carrier scan, tracking data); a stale or post-final event changes nothing.
     */
    public Transition apply(OrderLifecycleEvent event) {
        if (event.eventType() == OrderLifecycleEventType.ORDER_PLACED) {
            return new Transition(Outcome.STALE, status, progress);
        }
        if (event.eventType() == OrderLifecycleEventType.ORDER_ADDRESS_CHANGED) {
            if (StatusMachine.isClosed(status)) {
                return new Transition(StatusMachine.isFinal(status) ? Outcome.FINAL : Outcome.STALE, status, progress);
            }
            shippingCity = event.addressChange().city();
            shippingPostcode = event.addressChange().postcode();
            shippingCountry = event.addressChange().country() != null ? event.addressChange().country() : shippingCountry;
            return new Transition(Outcome.RECORDED, status, progress);
        }
        OrderStatus incoming = event.eventType().impliedStatus().orElseThrow();
        Transition transition = StatusMachine.decide(status, progress, statusSince, incoming, event.occurredAt());
        if (transition.outcome() != Outcome.APPLIED && transition.outcome() != Outcome.RECORDED) {
            return transition;
        }
        absorbShipment(event);
        if (transition.changesStatus()) {
            status = transition.status();
            progress = transition.progress();
            statusSince = event.occurredAt().isAfter(statusSince) ? event.occurredAt() : statusSince;
            if (status == OrderStatus.DELIVERED) {
                deliveredAt = event.occurredAt();
            }
            if (status == OrderStatus.EXCEPTION || status == OrderStatus.DELIVERY_FAILED) {
                exceptionReasonCode = event.exception() != null ? event.exception().reasonCode() : null;
            }
        }
        return transition;
    }

    private void absorbShipment(OrderLifecycleEvent event) {
        boolean carrierEvent = event.eventType() == OrderLifecycleEventType.ORDER_SHIPPED
                || event.eventType().name().startsWith("SHIPMENT_");
        if (carrierEvent && (lastCarrierScanAt == null || event.occurredAt().isAfter(lastCarrierScanAt))) {
            lastCarrierScanAt = event.occurredAt();
        }
        ShipmentDetails shipment = event.shipment();
        if (shipment == null) {
            return;
        }
        carrier = shipment.carrier() != null ? shipment.carrier() : carrier;
        trackingNumber = shipment.trackingNumber() != null ? shipment.trackingNumber() : trackingNumber;
        trackingUrl = shipment.trackingUrl() != null ? shipment.trackingUrl() : trackingUrl;
        estimatedDeliveryDate = shipment.estimatedDeliveryDate() != null ? shipment.estimatedDeliveryDate()
                : estimatedDeliveryDate;
    }

    public List<OrderLine> lines() {
        return List.of(EventJson.fromJson(linesJson, OrderLine[].class));
    }
}
