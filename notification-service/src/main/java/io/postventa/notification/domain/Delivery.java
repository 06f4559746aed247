package io.postventa.notification.domain;

import java.time.Instant;
import java.util.UUID;

import io.postventa.events.notifications.SuppressionReason;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** One message to one customer on one channel (or the record of why it was not sent). */
@Entity
@Table(name = "delivery")
public class Delivery extends PanacheEntityBase {
    @Id
    public UUID id;
    @Column(name = "customer_id")
    public String customerId;
    @Column(name = "source_event_id")
    public String sourceEventId;
    @Column(name = "source_event_type")
    public String sourceEventType;
    public String trigger;
    public String kind;
    public String channel;
    @Column(name = "template_id")
    public String templateId;
    public String variant;
    public String locale;
    @Enumerated(EnumType.STRING)
    public DeliveryStatus status;
    public String reason;
    public String recipient;
    public String subject;
    public String body;
    public String summary;
    @Column(name = "unsubscribe_url")
    public String unsubscribeUrl;
    @Column(name = "send_after")
    public Instant sendAfter;
    public int attempts;
    @Column(name = "error_code")
    public String errorCode;
    @Column(name = "provider_message_id")
    public String providerMessageId;
    @Column(name = "folded_into")
    public UUID foldedInto;
    /** The trigger event (JSON) of an update held back by the cap, to send it as itself once the cap allows. */
    @Column(name = "held_event")
    public String heldEvent;
    @Column(name = "order_id")
    public String orderId;
    @Column(name = "return_id")
    public String returnId;
    @Column(name = "ticket_id")
    public String ticketId;
    @Column(name = "survey_id")
    public String surveyId;
    @Column(name = "created_at")
    public Instant createdAt;
    @Column(name = "updated_at")
    public Instant updatedAt;

    /**
     * Suppresses a delivery still waiting to be sent (QUEUED or DEFERRED) at {@code at}, for {@code reason}.
     *
     * @throws IllegalStateException for one already handed to its provider, sent, failed or suppressed
     */
    public void suppress(SuppressionReason reason, Instant at) {
        if (!status.canMoveTo(DeliveryStatus.SUPPRESSED)) {
            throw new IllegalStateException("delivery " + id + " is " + status + " and cannot be suppressed");
        }
        status = DeliveryStatus.SUPPRESSED;
        this.reason = reason.name();
        updatedAt = at;
    }
}
