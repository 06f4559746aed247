package io.postventa.returns.service;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import io.postventa.events.returns.CustomerReturnHistory;
import io.postventa.events.returns.ReturnLine;
import io.postventa.events.returns.ReturnOutcome;
import io.postventa.returns.domain.ReturnRequest;
import io.postventa.returns.domain.RiskAssessment;
import io.postventa.returns.domain.RiskDecision;
import io.postventa.returns.domain.RiskInput;
import io.postventa.returns.domain.RiskMatrix;
import io.postventa.returns.domain.RiskRuleSet;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

/**
 * Runs a proposed rule set over the past days' return requests, from the inputs each was decided
 * on, and reports how the risk engine's outcomes would change. Reads only; changes nothing.
 */
@ApplicationScoped
public class BacktestService {
    static final int MAX_CHANGES = 500;
    private final RiskRuleService rules;
    private final Clock clock;

    public BacktestService(RiskRuleService rules, Clock clock) {
        this.rules = rules;
        this.clock = clock;
    }

    /** Outcome counts, approval rate and value approved automatically, for one rule set. */
    public record Summary(Map<ReturnOutcome, Integer> outcomes, BigDecimal approvalRate, BigDecimal valueAutoApproved) {
    }

    /** A request whose outcome would change. */
    public record Change(String returnId, Instant requestedAt, BigDecimal totalValue, ReturnOutcome currentOutcome,
            BigDecimal currentScore, int currentRuleSetVersion, ReturnOutcome proposedOutcome, BigDecimal proposedScore) {
    }

    /** The report. {@code changes} lists at most 500 requests; {@code changed} counts them all. */
    public record Report(int days, Instant from, Instant to, int currentRuleSetVersion, int requests, Summary current,
            Summary proposed, int changed, List<Change> changes) {
    }

    @Transactional
    public Report backtest(RiskRuleSet proposed, int days) {
        // the proposed set is the request's "rules": its problems are named under it
        Problems.requireValid("rules.", proposed.validate());
        Instant to = clock.instant();
        Instant from = to.minus(Duration.ofDays(days));
        int proposedVersion = rules.current().version() + 1;
        List<ReturnRequest> requests = ReturnRequest.list("requestedAt >= ?1 and requestedAt <= ?2 order by requestedAt, returnId",
                from, to);
        Tally current = new Tally();
        Tally next = new Tally();
        List<Change> changes = new ArrayList<>();
        int changed = 0;
        for (ReturnRequest r : requests) {
            RiskDecision decided = RiskDecision.findById(r.returnId);
            if (decided == null) {
                continue;
            }
            RiskInput input = input(r);
            RiskAssessment was = new RiskAssessment(ReturnOutcome.valueOf(decided.outcome), decided.score, List.of(),
                    decided.ruleSetVersion);
            RiskAssessment would = RiskMatrix.assess(proposed, proposedVersion, input);
            current.add(was, r.totalValue);
            next.add(would, r.totalValue);
            if (was.outcome() != would.outcome()) {
                changed++;
                if (changes.size() < MAX_CHANGES) {
                    changes.add(new Change(r.returnId, r.requestedAt, r.totalValue, was.outcome(), was.score(),
                            was.ruleSetVersion(), would.outcome(), would.score()));
                }
            }
        }
        return new Report(days, from, to, proposedVersion - 1, current.count, current.summary(), next.summary(), changed,
                changes);
    }

    static RiskInput input(ReturnRequest r) {
        CustomerReturnHistory h = Json.read(r.customerHistory, CustomerReturnHistory.class);
        return new RiskInput(r.returnId, Json.readList(r.lines, ReturnLine.class), r.totalValue, r.currency, r.deliveredAt,
                r.requestedAt, h.purchaseCount() == null ? 0 : h.purchaseCount(),
                h.returnsLast12Months() == null ? 0 : h.returnsLast12Months(), h.returnRateLast12Months(),
                h.openReturnsValue());
    }

    private static final class Tally {
        final Map<ReturnOutcome, Integer> outcomes = new EnumMap<>(ReturnOutcome.class);
        BigDecimal approvedValue = BigDecimal.ZERO;
        int count;

        Tally() {
            for (ReturnOutcome o : ReturnOutcome.values()) {
                outcomes.put(o, 0);
            }
        }

        void add(RiskAssessment a, BigDecimal value) {
            count++;
            outcomes.merge(a.outcome(), 1, Integer::sum);
            if (a.outcome() == ReturnOutcome.APPROVED) {
                approvedValue = approvedValue.add(value);
            }
        }

        Summary summary() {
            BigDecimal rate = count == 0 ? BigDecimal.ZERO
                    : BigDecimal.valueOf(outcomes.get(ReturnOutcome.APPROVED))
                            .divide(BigDecimal.valueOf(count), 4, RoundingMode.HALF_UP);
            return new Summary(Map.copyOf(outcomes), rate, approvedValue);
        }
    }
}
