package io.postventa.returns.service;

import java.time.Clock;
import java.time.Instant;

import javax.sql.DataSource;

import io.postventa.returns.domain.RiskRuleSet;
import io.postventa.returns.domain.StoredRiskRuleSet;
import io.postventa.web.ProblemException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

/**
 * The risk rule set in force and its versions. Every decision reads the latest version from the
 * database, so a change applies to the next request without a restart, on every replica.
 */
@ApplicationScoped
public class RiskRuleService {
    private final EntityManager em;
    private final DataSource dataSource;
    private final Clock clock;
    private final java.util.Map<Integer, RiskRuleSet> parsed = new java.util.concurrent.ConcurrentHashMap<>();

    public RiskRuleService(EntityManager em, DataSource dataSource, Clock clock) {
        this.em = em;
        this.dataSource = dataSource;
        this.clock = clock;
    }

    /** The rule set in force (version 1 is the default set, written on first use). */
    @Transactional
    public Versioned<RiskRuleSet> current() {
        LatestVersion latest = latest();
        if (latest == null) {
            em.createNativeQuery("insert into risk_rule_set (version, rules, created_at, created_by) "
                    + "values (1, ?1, ?2, 'system') on conflict do nothing")
                    .setParameter(1, Json.write(RiskRuleSet.defaults())).setParameter(2, clock.instant()).executeUpdate();
            latest = latest();
        }
        return view(latest.version(), latest.createdAt(), latest.createdBy(), latest.json());
    }

    /** A stored version, for showing what an old decision used. */
    @Transactional
    public Versioned<RiskRuleSet> version(int version) {
        StoredRiskRuleSet stored = StoredRiskRuleSet.findById(version);
        if (stored == null) {
            throw ProblemException.notFound("risk rule set version", Integer.toString(version));
        }
        return view(stored.version, stored.createdAt, stored.createdBy, stored.rules);
    }

    /** Validates and puts a new version in force. */
    @Transactional
    public Versioned<RiskRuleSet> replace(RiskRuleSet rules, String by) {
        validate(rules);
        current();
        em.createNativeQuery("select pg_advisory_xact_lock(hashtext('risk_rule_set'))").getSingleResult();
        StoredRiskRuleSet stored = new StoredRiskRuleSet();
        stored.version = latest().version() + 1;
        stored.rules = Json.write(rules);
        stored.createdAt = clock.instant();
        stored.createdBy = by;
        stored.persist();
        // Not cached: this transaction may still roll back.
        return new Versioned<>(stored.version, stored.createdAt, stored.createdBy, rules);
    }

    static void validate(RiskRuleSet rules) {
        if (rules == null) {
            throw ProblemException.badField("body", "a rule set is required");
        }
        Problems.requireValid(rules.validate());
    }

    private LatestVersion latest() {
        return LatestVersion.read(dataSource, "risk_rule_set", "rules");
    }

    private Versioned<RiskRuleSet> view(int version, Instant createdAt, String createdBy, String rules) {
        // Versions are never edited, so a parsed version can be kept; the latest version is still read
        // from the database on every decision, which is what makes a change apply without a restart.
        RiskRuleSet set = parsed.computeIfAbsent(version, v -> Json.read(rules, RiskRuleSet.class));
        return new Versioned<>(version, createdAt, createdBy, set);
    }
}
