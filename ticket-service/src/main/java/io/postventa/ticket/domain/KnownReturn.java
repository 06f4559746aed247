package io.postventa.ticket.domain;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

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
    public String state;
    public String outcome;
    @Column(name = "rma_code")
    public String rmaCode;
    public String currency;
    @Column(name = "total_value")
    public BigDecimal totalValue;
    @Column(name = "updated_at")
    public Instant updatedAt;
}
