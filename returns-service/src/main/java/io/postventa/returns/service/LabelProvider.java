package io.postventa.returns.service;

import java.time.Instant;

/**
 * Issues return labels; the built-in one draws a PDF, an adapter may call a carrier instead. Issuing runs inside
 * the decision's transaction, so it should only settle what the label is (carrier, parcel reference); the document
 * itself can be drawn when the customer downloads it.
 */
public interface LabelProvider {

    /** What goes on a label. */
    record LabelRequest(String returnId, String orderId, String rmaCode, Instant issuedAt, Instant expiresAt) {
    }

    /**
     * An issued label: the carrier's parcel reference and, when the provider has it at issue (a carrier's own PDF),
     * the document; {@code pdf} null means {@link #render} draws it on download.
     */
    record IssuedLabel(String carrier, String trackingNumber, byte[] pdf) {
    }

    IssuedLabel issue(LabelRequest request);

    /**
     * Draws the PDF of a label that {@link #issue} returned without one, from the same request, its words also in
     * {@code language} (the customer's) where the provider writes any; the same request and language give the same
     * document every time. A provider whose labels always come with their PDF need not draw.
     */
    default byte[] render(LabelRequest request, String language) {
        throw new UnsupportedOperationException(getClass().getSimpleName() + " issues its labels with their PDF");
    }
}
