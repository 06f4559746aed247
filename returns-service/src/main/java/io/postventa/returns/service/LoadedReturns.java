package io.postventa.returns.service;

import java.io.Serializable;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;

import org.hibernate.Session;

import io.postventa.returns.domain.ReturnRequest;
import io.postventa.returns.domain.RiskDecision;
import io.postventa.returns.domain.RiskRuleSet;
import jakarta.transaction.TransactionScoped;

/**
 * What the risk consumer's batch needs, read once per transaction: the returns it decides and which of them are
 * decided already (two queries for a whole poll instead of two per event), and the rule set in force. A return the
 * batch loaded and did not find decided needs no lookup; one decided in this transaction is known to be decided, so
 * a second request for it in the same poll decides nothing.
 */
@TransactionScoped
public class LoadedReturns implements Serializable {
    private static final long serialVersionUID = 1L;
    private final Set<String> loaded = new HashSet<>();
    private final Map<String, ReturnRequest> returns = new HashMap<>();
    private final Set<String> decided = new HashSet<>();
    private Versioned<RiskRuleSet> rules;

    /** Loads {@code returnIds} (those not loaded yet in this transaction) and whether each is decided. */
    public void load(Collection<String> returnIds) {
        List<String> missing = returnIds.stream().distinct().filter(id -> !loaded.contains(id)).toList();
        if (missing.isEmpty()) {
            return;
        }
        loaded.addAll(missing);
        // A multi-id load is one statement with an array parameter (return_id = any(?)), translated once; an HQL
        // "in ?1" list was translated again for every poll.
        Session session = ReturnRequest.getEntityManager().unwrap(Session.class);
        for (ReturnRequest r : session.findMultiple(ReturnRequest.class, missing)) {
            if (r != null) {
                returns.put(r.returnId, r);
            }
        }
        for (RiskDecision d : session.findMultiple(RiskDecision.class, missing)) {
            if (d != null) {
                decided.add(d.returnId);
            }
        }
    }

    /** Whether the risk consumer has decided {@code returnId}; a lookup of its own for a return the batch did not load. */
    public boolean isDecided(String returnId) {
        return decided.contains(returnId) || (!loaded.contains(returnId) && RiskDecision.findById(returnId) != null);
    }

    /** Records a decision made in this transaction. */
    public void record(RiskDecision decision) {
        decision.persist();
        decided.add(decision.returnId);
    }

    /** The stored return, or null when this database does not have it. */
    public ReturnRequest request(String returnId) {
        return loaded.contains(returnId) ? returns.get(returnId) : ReturnRequest.findById(returnId);
    }

    /** The rule set in force as this transaction first read it. */
    public Versioned<RiskRuleSet> rules(Supplier<Versioned<RiskRuleSet>> current) {
        if (rules == null) {
            rules = current.get();
        }
        return rules;
    }
}
