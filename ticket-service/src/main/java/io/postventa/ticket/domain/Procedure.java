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

/** An operations procedure for one contact reason: steps and a canned reply per language. */
@Entity
@Table(name = "procedure")
public class Procedure extends PanacheEntityBase {

    @Id
    public String id;
    public String reason;
    public String name;
    public String steps;
    /** JSON: language code to the canned reply in that language. */
    public String replies;
    public int version;
    @Column(name = "updated_at")
    public Instant updatedAt;
}
