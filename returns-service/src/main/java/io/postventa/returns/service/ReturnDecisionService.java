package io.postventa.returns.service;

import java.math.BigDecimal;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.List;

import io.postventa.events.EventType;
import io.postventa.events.returns.Decider;
import io.postventa.events.returns.FiredRule;
import io.postventa.events.returns.ReturnDecided;
import io.postventa.events.returns.ReturnLabelIssued;
import io.postventa.events.returns.ReturnOutcome;
import io.postventa.events.returns.ReturnRequested;
import io.postventa.events.returns.ReturnResolution;
import io.postventa.outbox.Outbox;
import io.postventa.returns.config.ReturnsConfig;
import io.postventa.returns.domain.ReturnRequest;
import io.postventa.returns.domain.ReturnStatus;
import io.postventa.returns.domain.RiskAssessment;
import io.postventa.returns.domain.RiskDecision;
import io.postventa.returns.domain.RiskInput;
import io.postventa.returns.domain.RiskMatrix;
import io.postventa.returns.domain.RiskRuleSet;
import io.postventa.web.ProblemException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

/**
 * Decides returns: the risk consumer's automatic decision from the rule set in force, and an
 * agent's manual review. An approval gets an RMA code and a return label in the same transaction.
 */
@ApplicationScoped
public class ReturnDecisionService {
    private static final char[] RMA_ALPHABET = "23456789ABCDEFGHJKLMNPQRSTUVWXYZ".toCharArray();
    private final SecureRandom random = new SecureRandom();
    private final RiskRuleService rules;
    private final LabelProvider labels;
    private final ReturnViews views;
    private final ReturnsConfig config;
    private final Outbox outbox;
    private final Clock clock;
    private final LoadedReturns loaded;
    private final LabelFiles labelFiles;

    public ReturnDecisionService(RiskRuleService rules, LabelProvider labels, ReturnViews views, ReturnsConfig config,
            Outbox outbox, Clock clock, LoadedReturns loaded, LabelFiles labelFiles) {
        this.rules = rules;
        this.labelFiles = labelFiles;
        this.loaded = loaded;
        this.labels = labels;
        this.views = views;
        this.config = config;
        this.outbox = outbox;
        this.clock = clock;
    }

    /** What an agent decides in review. */
    public record Review(ReturnOutcome outcome, String note) {
    }

    /**
     * Loads, in one go, what deciding a batch of requests needs (call in the batch's transaction, before
     * {@link #decide}); without it each decision looks up its own.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void prepare(List<String> returnIds) {
        loaded.load(returnIds);
    }

    /**
     * The risk consumer's use case: decides a requested return once. A request already decided (the
     * same event redelivered, or the topic replayed) decides nothing and returns false.
     */
    @Transactional
    public boolean decide(String eventId, ReturnRequested request) {
        if (loaded.isDecided(request.returnId())) {
            return false;
        }
        Versioned<RiskRuleSet> ruleSet = loaded.rules(rules::current);
        RiskAssessment assessment = RiskMatrix.assess(ruleSet.value(), ruleSet.version(), RiskInput.of(request));
        Instant now = clock.instant();
        RiskDecision decision = new RiskDecision();
        decision.returnId = request.returnId();
        decision.eventId = eventId;
        decision.outcome = assessment.outcome().name();
        decision.score = assessment.score();
        decision.firedRules = Json.write(assessment.firedRules());
        decision.ruleSetVersion = assessment.ruleSetVersion();
        decision.totalValue = request.totalValue();
        decision.decidedAt = now;
        loaded.record(decision);

        ReturnRequest r = loaded.request(request.returnId());
        if (r == null) {
            // Requested through another deployment's database: decide on the event alone.
            publishDecision(request.returnId(), request.orderId(), request.customerId(), now, assessment.outcome(),
                    assessment, Decider.RISK_ENGINE, null, note(assessment.outcome()),
                    assessment.outcome() == ReturnOutcome.APPROVED ? request.preferredResolution() : null,
                    assessment.outcome() == ReturnOutcome.APPROVED ? rma() : null, request.currency(),
                    request.totalValue(), null);
            return true;
        }
        apply(r, assessment.outcome(), assessment, Decider.RISK_ENGINE, null, note(assessment.outcome()), now);
        return true;
    }

    /** An agent approves or rejects a return that is in review. */
    @Transactional
    public ReturnView review(String returnId, String agentId, Review review) {
        if (review.outcome() == ReturnOutcome.REVIEW) {
            throw ProblemException.badField("outcome", "must be APPROVED or REJECTED");
        }
        ReturnRequest r = ReturnRequest.findById(returnId, jakarta.persistence.LockModeType.PESSIMISTIC_WRITE);
        if (r == null) {
            throw ProblemException.notFound("return", returnId);
        }
        if (r.returnStatus() != ReturnStatus.IN_REVIEW) {
            throw ProblemException.conflict("return " + returnId + " is " + r.status + ", not IN_REVIEW");
        }
        RiskDecision engine = RiskDecision.findById(returnId);
        RiskAssessment basis = engine == null
                ? new RiskAssessment(ReturnOutcome.REVIEW, BigDecimal.ZERO, List.of(), rules.current().version())
                : new RiskAssessment(ReturnOutcome.valueOf(engine.outcome), engine.score,
                        Json.readList(engine.firedRules, FiredRule.class), engine.ruleSetVersion);
        apply(r, review.outcome(), basis, Decider.AGENT, agentId, review.note(), clock.instant());
        return views.view(r);
    }

    private void apply(ReturnRequest r, ReturnOutcome outcome, RiskAssessment basis, Decider by, String agentId,
            String note, Instant now) {
        if (by == Decider.AGENT && r.personalDataErasedAt != null) {
            note = null; // what an agent writes about a customer who was erased is neither kept nor published
        }
        ReturnResolution resolution = null;
        String rma = null;
        switch (outcome) {
            case APPROVED -> {
                resolution = ReturnResolution.valueOf(r.preferredResolution);
                rma = rma();
                r.rmaCode = rma;
                r.status = ReturnStatus.APPROVED.name();
            }
            case REVIEW -> r.status = ReturnStatus.IN_REVIEW.name();
            case REJECTED -> r.status = ReturnStatus.REJECTED.name();
        }
        r.outcome = outcome.name();
        r.decidedAt = now;
        r.updatedAt = now;
        r.decision = Json.write(new ReturnView.DecisionView(outcome.name(), basis.score(), basis.firedRules(),
                basis.ruleSetVersion(), by.name(), agentId, note, now));
        publishDecision(r.returnId, r.orderId, r.customerId, now, outcome, basis, by, agentId, note, resolution, rma,
                r.currency, r.totalValue, r.returnShippingFee);
        if (outcome == ReturnOutcome.APPROVED) {
            issueLabel(r, now);
        }
    }

    private void issueLabel(ReturnRequest r, Instant now) {
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
        r.status = ReturnStatus.LABEL_ISSUED.name();
        outbox.publish(EventType.RETURN_LABEL_ISSUED, r.returnId, new ReturnLabelIssued(r.returnId, r.orderId,
                r.customerId, now, r.rmaCode, r.carrier, r.trackingNumber, views.labelUrl(r.returnId), expires), now);
    }

    private void publishDecision(String returnId, String orderId, String customerId, Instant now, ReturnOutcome outcome,
            RiskAssessment basis, Decider by, String agentId, String note, ReturnResolution resolution, String rma,
            String currency, BigDecimal totalValue, BigDecimal fee) {
        outbox.publish(EventType.RETURN_DECIDED, returnId, new ReturnDecided(returnId, orderId, customerId, now, outcome,
                basis.score(), basis.firedRules(), basis.ruleSetVersion(), by, agentId, note, resolution, rma, currency,
                totalValue, fee), now);
    }

    private static String note(ReturnOutcome outcome) {
        return switch (outcome) {
            case APPROVED -> "Approved automatically.";
            case REVIEW -> "Sent to manual review.";
            case REJECTED -> "Rejected automatically.";
        };
    }

    private String rma() {
        StringBuilder code = new StringBuilder("RMA-");
        for (int i = 0; i < 8; i++) {
            if (i == 4) {
                code.append('-');
            }
            code.append(RMA_ALPHABET[random.nextInt(RMA_ALPHABET.length)]);
        }
        return code.toString();
    }
}
