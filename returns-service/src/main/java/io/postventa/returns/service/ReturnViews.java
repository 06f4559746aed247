package io.postventa.returns.service;

import java.util.List;

import io.postventa.events.returns.ReturnLine;
import io.postventa.returns.config.ReturnsConfig;
import io.postventa.returns.domain.ReturnRequest;
import jakarta.enterprise.context.ApplicationScoped;

/** Maps stored returns to what the API shows. */
@ApplicationScoped
public class ReturnViews {
    private final ReturnsConfig config;

    public ReturnViews(ReturnsConfig config) {
        this.config = config;
    }

    public String labelUrl(String returnId) {
        return config.publicBaseUrl().replaceAll("/+$", "") + "/api/v1/returns/" + returnId + "/label";
    }

    public ReturnView view(ReturnRequest r) {
        return view(r, Json.readList(r.lines, ReturnLine.class));
    }

    /** As {@link #view(ReturnRequest)}, with the return's lines already at hand (not parsed again from the row). */
    public ReturnView view(ReturnRequest r, List<ReturnLine> lines) {
        ReturnView.DecisionView decision = r.decision == null ? null : Json.read(r.decision, ReturnView.DecisionView.class);
        ReturnView.LabelView label = r.labelIssuedAt == null ? null : new ReturnView.LabelView(labelUrl(r.returnId),
                r.carrier, r.trackingNumber, r.labelIssuedAt, r.labelExpiresAt,
                "Imprime la etiqueta, pégala en el paquete y entrégalo en una oficina de " + r.carrier
                        + " antes del " + r.labelExpiresAt.toString().substring(0, 10) + ". Código de devolución: "
                        + r.rmaCode + ".",
                "Print the label, stick it on the parcel and drop it at a " + r.carrier + " point before "
                        + r.labelExpiresAt.toString().substring(0, 10) + ". Return code: " + r.rmaCode + ".");
        return new ReturnView(r.returnId, r.orderId, r.customerId, r.status, r.requestedAt,
                lines, r.preferredResolution, r.comment, r.currency, r.totalValue,
                r.returnShippingFee, r.policyVersion, decision, r.rmaCode, label, r.updatedAt);
    }
}
