package io.postventa.ticket.domain;

import java.time.Instant;
import java.util.UUID;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** One entry of a ticket's conversation: a customer contact, a public reply, an internal note, or a system line. */
@Entity
@Table(name = "ticket_message")
public class TicketMessage extends PanacheEntityBase {

    @Id
    public UUID id;
    @Column(name = "ticket_id")
    public UUID ticketId;
    @Enumerated(EnumType.STRING)
    public TicketMessageKind kind;
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
