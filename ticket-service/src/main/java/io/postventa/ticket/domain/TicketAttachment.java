package io.postventa.ticket.domain;

import java.time.Instant;
import java.util.UUID;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** A file a customer attached to an e-mail, kept with the ticket message the e-mail became. */
@Entity
@Table(name = "ticket_attachment")
public class TicketAttachment extends PanacheEntityBase {

    @Id
    public UUID id;
    @Column(name = "message_id")
    public UUID messageId;
    @Column(name = "file_name")
    public String fileName;
    @Column(name = "content_type")
    public String contentType;
    @Column(name = "size_bytes")
    public int sizeBytes;
    public byte[] content;
    @Column(name = "created_at")
    public Instant createdAt;
}
