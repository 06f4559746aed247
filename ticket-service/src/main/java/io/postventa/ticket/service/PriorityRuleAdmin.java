package io.postventa.ticket.service;

import java.time.Clock;
import java.util.List;

import io.postventa.ticket.domain.PriorityRule;
import io.postventa.ticket.domain.PriorityRuleSet;
import io.postventa.ticket.domain.PriorityRuleSetRow;
import io.postventa.web.Caller;
import io.postventa.web.Problem;
import io.postventa.web.ProblemException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

/** The priority rules an admin edits: every save is a new version, and the newest one is in force. */
@ApplicationScoped
@Transactional
public class PriorityRuleAdmin {
    private final RuleStore rules;
    private final Clock clock;
    private final Caller caller;

    public PriorityRuleAdmin(RuleStore rules, Clock clock, Caller caller) {
        this.rules = rules;
        this.clock = clock;
        this.caller = caller;
    }

    public PriorityRuleSet current() {
        return rules.priorityRules();
    }

    /** Saves the rules as the next version (400 naming each field {@link PriorityRuleSet#validate()} refuses). */
    public PriorityRuleSet save(List<PriorityRule> ruleList, int normalFrom, int highFrom, int urgentFrom) {
        int version = rules.priorityRules().version() + 1;
        PriorityRuleSet set = new PriorityRuleSet(version, ruleList, normalFrom, highFrom, urgentFrom);
        List<Problem.FieldError> errors = set.validate().stream().map(p -> new Problem.FieldError(p[0], p[1])).toList();
        if (!errors.isEmpty()) {
            throw ProblemException.badFields(errors);
        }
        PriorityRuleSetRow row = new PriorityRuleSetRow();
        row.version = version;
        row.body = rules.write(set);
        row.createdAt = clock.instant();
        row.createdBy = caller.subject();
        row.persist();
        return set;
    }
}
