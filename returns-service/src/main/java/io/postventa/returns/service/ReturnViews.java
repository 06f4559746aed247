package io.postventa.returns.service;

import java.util.List;
import java.util.Map;

import io.postventa.events.returns.ReturnLine;
import io.postventa.returns.config.ReturnsConfig;
import io.postventa.returns.domain.ReturnRequest;
import jakarta.enterprise.context.ApplicationScoped;

/** Maps stored returns to what the API shows. */
@ApplicationScoped
public class ReturnViews {
    private final ReturnsConfig config;
    private final ReturnTexts texts;

    public ReturnViews(ReturnsConfig config, ReturnTexts texts) {
        this.config = config;
        this.texts = texts;
    }

    public String labelUrl(String returnId) {
        return config.publicBaseUrl().replaceAll("/+$", "") + "/api/v1/returns/" + returnId + "/label";
    }

    /** The return as staff see it (instructions in the default language). */
    public ReturnView view(ReturnRequest r) {
        return view(r, Json.readList(r.lines, ReturnLine.class), null);
    }

    /** The return with its label instructions in {@code language}. */
    public ReturnView view(ReturnRequest r, String language) {
        return view(r, Json.readList(r.lines, ReturnLine.class), language);
    }

    /** As {@link #view(ReturnRequest, String)}, with the return's lines already at hand (not parsed again from the row). */
    public ReturnView view(ReturnRequest r, List<ReturnLine> lines, String language) {
        ReturnView.DecisionView decision = r.decision == null ? null : Json.read(r.decision, ReturnView.DecisionView.class);
        ReturnView.LabelView label = r.labelIssuedAt == null ? null : new ReturnView.LabelView(labelUrl(r.returnId),
                r.carrier, r.trackingNumber, r.labelIssuedAt, r.labelExpiresAt, instructions(r, "es"),
                instructions(r, "en"), instructions(r, language));
        return new ReturnView(r.returnId, r.orderId, r.customerId, r.status, r.requestedAt,
                lines, r.preferredResolution, r.comment, r.currency, r.totalValue,
                r.returnShippingFee, r.policyVersion, decision, r.rmaCode, label, r.updatedAt);
    }

    private String instructions(ReturnRequest r, String language) {
        return texts.text(language, "return.instructions", Map.of("carrier", r.carrier,
                "expiresOn", r.labelExpiresAt.toString().substring(0, 10), "rmaCode", r.rmaCode));
    }
}
