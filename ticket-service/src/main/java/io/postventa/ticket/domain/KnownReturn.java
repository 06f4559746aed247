package io.postventa.ticket.domain;

import java.math.BigDecimal;
import java.time.Instant;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** What this service knows of a return, from return-requests.v1 and return-decisions.v1. */
@Entity
@Table(name = "return_view")
public class KnownReturn extends PanacheEntityBase {

    @Id
    @Column(name = "return_id")
    public String returnId;
    @Column(name = "order_id")
    public String orderId;
    @Column(name = "customer_id")
    public String customerId;
    @Enumerated(EnumType.STRING)
    public KnownReturnState state;
    public String outcome;
    @Column(name = "rma_code")
    public String rmaCode;
    public String currency;
    @Column(name = "total_value")
    public BigDecimal totalValue;
    @Column(name = "updated_at")
    public Instant updatedAt;
}
