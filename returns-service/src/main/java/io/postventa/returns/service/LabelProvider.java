package io.postventa.returns.service;

import java.time.Instant;

/** Issues return labels; the built-in one draws a PDF, an adapter may call a carrier instead. */
public interface LabelProvider {

    /** What goes on a label. */
    record LabelRequest(String returnId, String orderId, String rmaCode, Instant issuedAt, Instant expiresAt) {
    }

    /** An issued label: the PDF and the carrier's parcel reference. */
    record IssuedLabel(String carrier, String trackingNumber, byte[] pdf) {
    }

    IssuedLabel issue(LabelRequest request);
}
