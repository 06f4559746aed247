package io.postventa.returns.service;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

import io.postventa.events.returns.FiredRule;
import io.postventa.events.returns.ReturnLine;
import io.postventa.returns.domain.ReturnStatus;

/**
 * A return request as customers and agents see it: status, decision with its reasons, RMA code,
 * label and shipment state. Built by {@link ReturnDetailsMapper}; the API returns it as it is.
 */
public record ReturnDetails(
        String returnId,
        String orderId,
        String customerId,
        ReturnStatus status,
        Instant requestedAt,
        List<ReturnLine> lines,
        String preferredResolution,
        String comment,
        String currency,
        BigDecimal totalValue,
        BigDecimal returnShippingFee,
        int policyVersion,
        DecisionView decision,
        String rmaCode,
        LabelView label,
        Instant updatedAt) {

    /** The latest decision. */
    public record DecisionView(String outcome, BigDecimal score, List<FiredRule> reasons, int ruleSetVersion,
            String decidedBy, String agentId, String note, Instant decidedAt) {
    }

    /**
     * The return label and what to do with it: in the language the caller asked for ({@code instructions}) and, as
     * before that existed, in Spanish and English.
     */
    public record LabelView(String url, String carrier, String trackingNumber, Instant issuedAt, Instant expiresAt,
            String instructionsEs, String instructionsEn, String instructions) {
    }
}
