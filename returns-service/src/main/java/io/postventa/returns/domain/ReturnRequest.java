package io.postventa.returns.domain;

import java.math.BigDecimal;
import java.time.Instant;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * A return request (RMA) and where it is in its lifecycle. The label PDF a carrier's adapter may return is in the
 * same row but not mapped here ({@code LabelFiles} reads and writes it): as a lazy attribute it made Hibernate write
 * every change to a return as an update of its own, unbatched, which was most of the risk consumer's flush.
 * Its status changes only through {@link #moveTo}, which refuses a move {@link ReturnStatus} does not allow.
 */
@Entity
@Table(name = "return_request")
public class ReturnRequest extends PanacheEntityBase {
    @Id
    @Column(name = "return_id")
    public String returnId;
    @Column(name = "order_id")
    public String orderId;
    @Column(name = "customer_id")
    public String customerId;
    @Column(name = "idempotency_key")
    public String idempotencyKey;
    /** Set to REQUESTED when the return is created; changed only by {@link #moveTo}. */
    @Enumerated(EnumType.STRING)
    public ReturnStatus status;
    @Column(name = "requested_at")
    public Instant requestedAt;
    /** JSON array of the contract's ReturnLine. */
    public String lines;
    @Column(name = "preferred_resolution")
    public String preferredResolution;
    /** Written with the request only: an update of the return never writes an erased comment back. */
    @Column(updatable = false)
    public String comment;
    public String currency;
    @Column(name = "total_value")
    public BigDecimal totalValue;
    @Column(name = "delivered_at")
    public Instant deliveredAt;
    @Column(name = "policy_version")
    public int policyVersion;
    /** JSON of the contract's CustomerReturnHistory at request time. */
    @Column(name = "customer_history")
    public String customerHistory;
    @Column(name = "return_shipping_fee")
    public BigDecimal returnShippingFee;
    public String outcome;
    /** JSON of the latest decision. */
    public String decision;
    @Column(name = "decided_at")
    public Instant decidedAt;
    @Column(name = "rma_code")
    public String rmaCode;
    public String carrier;
    @Column(name = "tracking_number")
    public String trackingNumber;
    @Column(name = "label_issued_at")
    public Instant labelIssuedAt;
    @Column(name = "label_expires_at")
    public Instant labelExpiresAt;
    @Column(name = "updated_at")
    public Instant updatedAt;
    /** When the customer's personal data was erased from this return (see {@code ReturnPersonalDataErasure}); read only. */
    @Column(name = "personal_data_erased_at", insertable = false, updatable = false)
    public Instant personalDataErasedAt;

    /**
     * Moves the return to {@code next} at {@code at}.
     *
     * @throws IllegalTransition when its status does not allow that move (the return is left as it was)
     */
    public void moveTo(ReturnStatus next, Instant at) {
        if (!status.canMoveTo(next)) {
            throw new IllegalTransition(returnId, status, next);
        }
        status = next;
        updatedAt = at;
    }

    /** A move the return's status does not allow. */
    public static final class IllegalTransition extends IllegalStateException {
        private static final long serialVersionUID = 1L;

        IllegalTransition(String returnId, ReturnStatus from, ReturnStatus to) {
            super("return " + returnId + " is " + from + " and cannot become " + to);
        }
    }
}
