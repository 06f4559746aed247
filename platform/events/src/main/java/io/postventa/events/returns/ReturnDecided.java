package io.postventa.events.returns;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

/**
 * A return request was decided, by the risk consumer or by an agent. Deciding the same request twice with the
 * same rule-set version gives the same outcome.
 *
 * @param returnId          the return's id; also the record key
 * @param orderId           the order
 * @param customerId        the customer's id
 * @param occurredAt        when the decision was made
 * @param outcome           APPROVED, REVIEW or REJECTED
 * @param score             risk score computed by the matrix; {@code >= 0}
 * @param firedRules        every rule that fired, with its reason
 * @param ruleSetVersion    version of the risk rule set used; {@code >= 1}
 * @param decidedBy         the risk engine or an agent
 * @param agentId           the agent's id when {@code decidedBy} is AGENT
 * @param note              the agent's note or a summary reason for the customer; optional
 * @param resolution        resolution granted, when approved
 * @param rmaCode           return merchandise authorization code, when approved
 * @param currency          ISO 4217 code of the amounts
 * @param totalValue        value of the returned items; {@code >= 0}
 * @param returnShippingFee what the customer pays for return shipping; 0 when free; optional
 */
public record ReturnDecided(
        String returnId,
        String orderId,
        String customerId,
        Instant occurredAt,
        ReturnOutcome outcome,
        BigDecimal score,
        List<FiredRule> firedRules,
        Integer ruleSetVersion,
        Decider decidedBy,
        String agentId,
        String note,
        ReturnResolution resolution,
        String rmaCode,
        String currency,
        BigDecimal totalValue,
        BigDecimal returnShippingFee) {
}
