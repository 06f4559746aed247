package io.postventa.returns.service;

import java.util.List;
import java.util.Map;

import io.postventa.events.returns.ReturnLine;
import io.postventa.returns.config.ReturnsConfig;
import io.postventa.returns.domain.ReturnRequest;
import jakarta.enterprise.context.ApplicationScoped;

/** Maps stored returns to the {@link ReturnDetails} the API shows. */
@ApplicationScoped
public class ReturnDetailsMapper {
    private final ReturnsConfig config;
    private final ReturnTexts texts;

    public ReturnDetailsMapper(ReturnsConfig config, ReturnTexts texts) {
        this.config = config;
        this.texts = texts;
    }

    public String labelUrl(String returnId) {
        return config.publicBaseUrl().replaceAll("/+$", "") + "/api/v1/returns/" + returnId + "/label";
    }

    /** The return as staff see it (instructions in the default language). */
    public ReturnDetails of(ReturnRequest r) {
        return of(r, Json.readList(r.lines, ReturnLine.class), null);
    }

    /** The return with its label instructions in {@code language}. */
    public ReturnDetails of(ReturnRequest r, String language) {
        return of(r, Json.readList(r.lines, ReturnLine.class), language);
    }

    /** As {@link #of(ReturnRequest, String)}, with the return's lines already at hand (not parsed again from the row). */
    public ReturnDetails of(ReturnRequest r, List<ReturnLine> lines, String language) {
        ReturnDetails.DecisionView decision = r.decision == null ? null : Json.read(r.decision, ReturnDetails.DecisionView.class);
        ReturnDetails.LabelView label = r.labelIssuedAt == null ? null : new ReturnDetails.LabelView(labelUrl(r.returnId),
                r.carrier, r.trackingNumber, r.labelIssuedAt, r.labelExpiresAt, instructions(r, "es"),
                instructions(r, "en"), instructions(r, language));
        return new ReturnDetails(r.returnId, r.orderId, r.customerId, r.status, r.requestedAt,
                lines, r.preferredResolution, r.comment, r.currency, r.totalValue,
                r.returnShippingFee, r.policyVersion, decision, r.rmaCode, label, r.updatedAt);
    }

    private String instructions(ReturnRequest r, String language) {
        return texts.text(language, "return.instructions", Map.of("carrier", r.carrier,
                "expiresOn", r.labelExpiresAt.toString().substring(0, 10), "rmaCode", r.rmaCode));
    }
}
