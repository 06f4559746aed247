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

/** A stored SLA policy; hours, holidays and per-priority targets are JSON. */
@Entity
@Table(name = "sla_policy")
public class SlaPolicyRow extends PanacheEntityBase {

    @Id
    public String id;
    public String priority;
    public String channel;
    /** Null only on the default policy: the configured ticket.sla.default-first-response. */
    @Column(name = "first_response_minutes")
    public Integer firstResponseMinutes;
    /** Null only on the default policy: the configured ticket.sla.default-resolution. */
    @Column(name = "resolution_minutes")
    public Integer resolutionMinutes;
    /** Null only on the default policy: the configured ticket.sla.default-time-zone. */
    @Column(name = "time_zone")
    public String timeZone;
    public String hours;
    public String holidays;
    @Column(name = "pause_with_carrier")
    public boolean pauseWithCarrier;
    @Column(name = "pause_return_in_transit")
    public boolean pauseReturnInTransit;
    /** JSON: priority name to {"firstResponseMinutes": n, "resolutionMinutes": n}. */
    @Column(name = "priority_targets")
    public String priorityTargets;
    public int version;
    @Column(name = "updated_at")
    public Instant updatedAt;
}
