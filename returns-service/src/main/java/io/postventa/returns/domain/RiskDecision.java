package io.postventa.returns.domain;

import java.math.BigDecimal;
import java.time.Instant;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** The risk consumer's decision on one return; its presence makes a replayed request decide nothing new. */
@Entity
@Table(name = "risk_decision")
public class RiskDecision extends PanacheEntityBase {
    @Id
    @Column(name = "return_id")
    public String returnId;
    @Column(name = "event_id")
    public String eventId;
    public String outcome;
    public BigDecimal score;
    /** JSON array of the contract's FiredRule. */
    @Column(name = "fired_rules")
    public String firedRules;
    @Column(name = "rule_set_version")
    public int ruleSetVersion;
    @Column(name = "total_value")
    public BigDecimal totalValue;
    @Column(name = "decided_at")
    public Instant decidedAt;
}
