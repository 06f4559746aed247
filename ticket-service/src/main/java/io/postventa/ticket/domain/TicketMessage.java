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

/** One entry of a ticket's conversation: a customer contact, a public reply, an internal note, or a system line. */
@Entity
@Table(name = "ticket_message")
public class TicketMessage extends PanacheEntityBase {

    @Id
    public UUID id;
    @Column(name = "ticket_id")
    public UUID ticketId;
    public String kind;
    public String author;
    public String channel;
    public String subject;
    public String body;
    @Column(name = "ivr_option")
    public String ivrOption;
    @Column(name = "procedure_id")
    public String procedureId;
    @Column(name = "idempotency_key")
    public String idempotencyKey;
    @Column(name = "created_at")
    public Instant createdAt;
}
