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

/** An agent of a team; only available agents get new tickets. */
@Entity
@Table(name = "agent")
public class Agent extends PanacheEntityBase {

    @Id
    public String id;
    @Column(name = "team_id")
    public String teamId;
    public String name;
    public boolean available;
}
