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

/** A support team: in-house or a partner contact centre, with its per-agent cap of open tickets. */
@Entity
@Table(name = "team")
public class Team extends PanacheEntityBase {

    @Id
    public String id;
    public String name;
    public boolean partner;
    @Column(name = "agent_cap")
    public int agentCap;
    @Column(name = "last_assigned_agent")
    public String lastAssignedAgent;
}
