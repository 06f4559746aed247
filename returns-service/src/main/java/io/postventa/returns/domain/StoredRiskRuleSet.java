package io.postventa.returns.domain;

import java.time.Instant;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** One version of the risk rule set; the highest is in force. */
@Entity
@Table(name = "risk_rule_set")
public class StoredRiskRuleSet extends PanacheEntityBase {
    @Id
    public int version;
    /** JSON of {@link RiskRuleSet}. */
    public String rules;
    @Column(name = "created_at")
    public Instant createdAt;
    @Column(name = "created_by")
    public String createdBy;
}
