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

/** A stored SLA policy; hours and holidays are JSON. */
@Entity
@Table(name = "sla_policy")
public class SlaPolicyRow extends PanacheEntityBase {

    @Id
    public String id;
    public String priority;
    public String channel;
    @Column(name = "first_response_minutes")
    public int firstResponseMinutes;
    @Column(name = "resolution_minutes")
    public int resolutionMinutes;
    @Column(name = "time_zone")
    public String timeZone;
    public String hours;
    public String holidays;
    @Column(name = "pause_with_carrier")
    public boolean pauseWithCarrier;
    @Column(name = "pause_return_in_transit")
    public boolean pauseReturnInTransit;
    public int version;
    @Column(name = "updated_at")
    public Instant updatedAt;
}
