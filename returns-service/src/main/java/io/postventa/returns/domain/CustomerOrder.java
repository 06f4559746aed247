package io.postventa.returns.domain;

import java.math.BigDecimal;
import java.time.Instant;

import io.postventa.events.common.OrderStatus;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** An order as learnt from order-status.v1: the read model returns are checked against. */
@Entity
@Table(name = "customer_order")
public class CustomerOrder extends PanacheEntityBase {
    @Id
    @Column(name = "order_id")
    public String orderId;
    @Column(name = "customer_id")
    public String customerId;
    @Column(name = "purchase_number")
    public Integer purchaseNumber;
    @Enumerated(EnumType.STRING)
    public OrderStatus status;
    @Column(name = "status_at")
    public Instant statusAt;
    public String currency;
    public BigDecimal total;
    /** JSON array of the contract's OrderLine. */
    public String lines;
    @Column(name = "placed_at")
    public Instant placedAt;
    @Column(name = "delivered_at")
    public Instant deliveredAt;
    @Column(name = "updated_at")
    public Instant updatedAt;
}
