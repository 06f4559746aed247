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
import io.postventa.events.returns.ReturnOutcome;
import io.postventa.events.returns.ReturnRequested;
import io.postventa.events.returns.ReturnResolution;
import io.postventa.outbox.Outbox;
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
    private final ReturnDetailsMapper details;
    private final Outbox outbox;
    private final Clock clock;
    private final LoadedReturns loaded;
    private final ReturnLabels returnLabels;

    public ReturnDecisionService(RiskRuleService rules, ReturnDetailsMapper details, Outbox outbox, Clock clock,
            LoadedReturns loaded, ReturnLabels returnLabels) {
        this.rules = rules;
        this.returnLabels = returnLabels;
        this.loaded = loaded;
        this.details = details;
        this.outbox = outbox;
        this.clock = clock;
    }

    /** What an agent decides in review. */
    public record Review(ReturnOutcome outcome, String note) {
    }

    /** A decision: its outcome, the risk assessment it rests on, who made it and their note. */
    private record Verdict(ReturnOutcome outcome, RiskAssessment basis, Decider by, String agentId, String note) {

        /** The risk engine's decision: the assessment's outcome, with its standard note. */
        static Verdict ofEngine(RiskAssessment assessment) {
            return new Verdict(assessment.outcome(), assessment, Decider.RISK_ENGINE, null,
                    engineNote(assessment.outcome()));
        }
    }

    /** The return a decision is about, as {@code return.decided} names it. */
    private record Decided(String returnId, String orderId, String customerId, String currency, BigDecimal totalValue,
            BigDecimal returnShippingFee) {

        static Decided of(ReturnRequest r) {
            return new Decided(r.returnId, r.orderId, r.customerId, r.currency, r.totalValue, r.returnShippingFee);
        }

        /** A return requested through another deployment's database: only its event is known here. */
        static Decided of(ReturnRequested request) {
            return new Decided(request.returnId(), request.orderId(), request.customerId(), request.currency(),
                    request.totalValue(), null);
        }
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

        Verdict verdict = Verdict.ofEngine(assessment);
        ReturnRequest r = loaded.request(request.returnId());
        if (r == null) {
            // Requested through another deployment's database: decide on the event alone.
            boolean approved = assessment.outcome() == ReturnOutcome.APPROVED;
            publishDecision(Decided.of(request), verdict, approved ? request.preferredResolution() : null,
                    approved ? rma() : null, now);
            return true;
        }
        apply(r, verdict, now);
        return true;
    }

    /** An agent approves or rejects a return that is in review. */
    @Transactional
    public ReturnDetails review(String returnId, String agentId, Review review) {
        if (review.outcome() == ReturnOutcome.REVIEW) {
            throw ProblemException.badField("outcome", "must be APPROVED or REJECTED");
        }
        ReturnRequest r = ReturnRequest.findById(returnId, jakarta.persistence.LockModeType.PESSIMISTIC_WRITE);
        if (r == null) {
            throw ProblemException.notFound("return", returnId);
        }
        if (r.status != ReturnStatus.IN_REVIEW) {
            throw ProblemException.conflict("return " + returnId + " is " + r.status + ", not IN_REVIEW");
        }
        RiskDecision engine = RiskDecision.findById(returnId);
        RiskAssessment basis = engine == null
                ? new RiskAssessment(ReturnOutcome.REVIEW, BigDecimal.ZERO, List.of(), rules.current().version())
                : new RiskAssessment(ReturnOutcome.valueOf(engine.outcome), engine.score,
                        Json.readList(engine.firedRules, FiredRule.class), engine.ruleSetVersion);
        // what an agent writes about a customer who was erased is neither kept nor published
        String note = r.personalDataErasedAt != null ? null : review.note();
        apply(r, new Verdict(review.outcome(), basis, Decider.AGENT, agentId, note), clock.instant());
        return details.of(r);
    }

    private void apply(ReturnRequest r, Verdict verdict, Instant now) {
        ReturnOutcome outcome = verdict.outcome();
        ReturnResolution resolution = null;
        String rma = null;
        if (outcome == ReturnOutcome.APPROVED) {
            resolution = ReturnResolution.valueOf(r.preferredResolution);
            rma = rma();
            r.rmaCode = rma;
        }
        r.moveTo(ReturnStatus.after(outcome), now);
        r.outcome = outcome.name();
        r.decidedAt = now;
        RiskAssessment basis = verdict.basis();
        r.decision = Json.write(new ReturnDetails.DecisionView(outcome.name(), basis.score(), basis.firedRules(),
                basis.ruleSetVersion(), verdict.by().name(), verdict.agentId(), verdict.note(), now));
        publishDecision(Decided.of(r), verdict, resolution, rma, now);
        if (outcome == ReturnOutcome.APPROVED) {
            returnLabels.issue(r, now);
        }
    }

    private void publishDecision(Decided r, Verdict v, ReturnResolution resolution, String rma, Instant now) {
        RiskAssessment basis = v.basis();
        outbox.publish(EventType.RETURN_DECIDED, r.returnId(), new ReturnDecided(r.returnId(), r.orderId(),
                r.customerId(), now, v.outcome(), basis.score(), basis.firedRules(), basis.ruleSetVersion(), v.by(),
                v.agentId(), v.note(), resolution, rma, r.currency(), r.totalValue(), r.returnShippingFee()), now);
    }

    private static String engineNote(ReturnOutcome outcome) {
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
