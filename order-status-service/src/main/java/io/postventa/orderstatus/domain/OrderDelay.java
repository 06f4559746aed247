package io.postventa.orderstatus.domain;

import java.time.Instant;
import java.util.UUID;

import io.postventa.events.orderstatus.DelayCause;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** A delay reported for an order; unique per order and cause, which is what makes each cause fire once. */
@Entity
@Table(name = "order_delay")
public class OrderDelay extends PanacheEntityBase {
    @Id
    public UUID id;
    public String orderId;
    @Enumerated(EnumType.STRING)
    public DelayCause cause;
    public Instant detectedAt;
}
