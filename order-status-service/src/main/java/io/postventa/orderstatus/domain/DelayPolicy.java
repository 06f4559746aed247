package io.postventa.orderstatus.domain;

import java.time.Instant;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** One version of the delay rule; the highest version is in force. */
@Entity
@Table(name = "delay_policy")
public class DelayPolicy extends PanacheEntityBase {
    @Id
    public int version;
    public int noScanHours;
    public String changedBy;
    public Instant changedAt;

    /** The version in force, or null while only the configured default applies. */
    public static DelayPolicy current() {
        return DelayPolicy.<DelayPolicy>find("order by version desc").firstResult();
    }
}
