package io.postventa.ticket.domain;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;

import io.postventa.events.common.OrderStatus;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** What this service knows of an order, from order-status.v1 (and the delivery city from orders.lifecycle.v1). */
@Entity
@Table(name = "order_view")
public class KnownOrder extends PanacheEntityBase {

    @Id
    @Column(name = "order_id")
    public String orderId;
    @Column(name = "customer_id")
    public String customerId;
    @Enumerated(EnumType.STRING)
    public OrderStatus status;
    @Column(name = "purchase_number")
    public Integer purchaseNumber;
    public String locale;
    public String currency;
    public BigDecimal total;
    @Column(name = "placed_at")
    public Instant placedAt;
    @Column(name = "promised_date")
    public LocalDate promisedDate;
    public String carrier;
    @Column(name = "tracking_number")
    public String trackingNumber;
    @Column(name = "tracking_url")
    public String trackingUrl;
    @Column(name = "delivered_at")
    public Instant deliveredAt;
    @Column(name = "exception_code")
    public String exceptionCode;
    public boolean delayed;
    @Column(name = "delay_cause")
    public String delayCause;
    public String city;
    /** The order lines as "name sku | name sku", shown to agents and matched by product-name words. */
    public String products;
    /** The SKUs of the order lines in lower case, for the exact SKU lookup of the customer search. */
    public String[] skus;
    @Column(name = "updated_at")
    public Instant updatedAt;
}
