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

/** An operations procedure for one contact reason: steps and canned replies in es and en. */
@Entity
@Table(name = "procedure")
public class Procedure extends PanacheEntityBase {

    @Id
    public String id;
    public String reason;
    public String name;
    public String steps;
    @Column(name = "reply_es")
    public String replyEs;
    @Column(name = "reply_en")
    public String replyEn;
    public int version;
    @Column(name = "updated_at")
    public Instant updatedAt;
}
