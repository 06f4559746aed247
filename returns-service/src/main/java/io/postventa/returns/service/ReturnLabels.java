package io.postventa.returns.service;

import java.time.Instant;
import java.util.List;

import io.postventa.events.EventType;
import io.postventa.events.returns.ReturnLabelIssued;
import io.postventa.outbox.Outbox;
import io.postventa.returns.config.ReturnsConfig;
import io.postventa.returns.domain.ReturnRequest;
import io.postventa.returns.domain.ReturnStatus;
import io.postventa.web.ProblemException;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * A return's label: issued with the approval, through the {@link LabelProvider}, and served on download, as the
 * provider's own PDF or drawn from what was issued.
 */
@ApplicationScoped
public class ReturnLabels {
    private final LabelProvider labels;
    private final LabelFiles labelFiles;
    private final ReturnDetailsMapper details;
    private final ReturnsConfig config;
    private final Outbox outbox;

    public ReturnLabels(LabelProvider labels, LabelFiles labelFiles, ReturnDetailsMapper details, ReturnsConfig config,
            Outbox outbox) {
        this.labels = labels;
        this.labelFiles = labelFiles;
        this.details = details;
        this.config = config;
        this.outbox = outbox;
    }

    /**
     * Issues the label of a return just approved, in the decision's transaction: carrier, parcel reference and
     * validity on the return, the provider's PDF beside it when it has one, and {@code return.label-issued}.
     */
    void issue(ReturnRequest r, Instant now) {
        Instant expires = now.plus(config.label().validity());
        LabelProvider.IssuedLabel label = labels.issue(
                new LabelProvider.LabelRequest(r.returnId, r.orderId, r.rmaCode, now, expires));
        r.carrier = label.carrier();
        r.trackingNumber = label.trackingNumber();
        if (label.pdf() != null) { // null for the built-in provider: drawn on download
            labelFiles.store(r.returnId, label.pdf());
        }
        r.labelIssuedAt = now;
        r.labelExpiresAt = expires;
        r.moveTo(ReturnStatus.LABEL_ISSUED, now);
        outbox.publish(EventType.RETURN_LABEL_ISSUED, r.returnId, new ReturnLabelIssued(r.returnId, r.orderId,
                r.customerId, now, r.rmaCode, r.carrier, r.trackingNumber, details.labelUrl(r.returnId), expires), now);
    }

    /**
     * The label PDF: the one the provider returned at issue, or drawn now from what was issued (the RMA, order and
     * validity stored with the return) with its texts in {@code language} too, outside the transaction so that
     * drawing holds no database connection. A carrier's label file erased with its customer's data is gone (410).
     */
    public byte[] download(String returnId, String customerIdOrNull, String language) {
        StoredLabel stored = QuarkusTransaction.joiningExisting().call(() -> {
            ReturnRequest r = ReturnRequestService.owned(returnId, customerIdOrNull);
            if (r.labelIssuedAt == null) {
                throw ProblemException.notFound("label of return", returnId);
            }
            return new StoredLabel(labelFiles.find(r.returnId),
                    new LabelProvider.LabelRequest(r.returnId, r.orderId, r.rmaCode, r.labelIssuedAt, r.labelExpiresAt));
        });
        if (stored.pdf() != null) {
            return stored.pdf();
        }
        try {
            return labels.render(stored.request(), language);
        } catch (UnsupportedOperationException e) {
            throw new ProblemException(410, "Label erased", "the label file of return " + returnId
                    + " was erased with its customer's personal data", List.of());
        }
    }

    /** A return's label as stored: the provider's own PDF (null when it is drawn on download) and what it says. */
    private record StoredLabel(byte[] pdf, LabelProvider.LabelRequest request) {
    }
}
