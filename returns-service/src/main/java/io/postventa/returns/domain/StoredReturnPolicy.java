package io.postventa.returns.domain;

import java.time.Instant;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** One version of the return policy; the highest is in force. */
@Entity
@Table(name = "return_policy")
public class StoredReturnPolicy extends PanacheEntityBase {
    @Id
    public int version;
    /** JSON of {@link ReturnPolicy}. */
    public String policy;
    @Column(name = "created_at")
    public Instant createdAt;
    @Column(name = "created_by")
    public String createdBy;
}
