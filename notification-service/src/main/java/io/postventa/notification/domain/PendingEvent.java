package io.postventa.notification.domain;

import java.time.Instant;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** A trigger event for a customer not known yet; it waits until {@code waitUntil} for customers.v1. */
@Entity
@Table(name = "pending_event")
public class PendingEvent extends PanacheEntityBase {
    @Id
    @Column(name = "source_event_id")
    public String sourceEventId;
    @Column(name = "customer_id")
    public String customerId;
    @Column(name = "source_event_type")
    public String sourceEventType;
    public String payload;
    @Column(name = "received_at")
    public Instant receivedAt;
    @Column(name = "wait_until")
    public Instant waitUntil;
}
