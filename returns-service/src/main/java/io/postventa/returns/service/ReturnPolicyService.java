package io.postventa.returns.service;

import java.time.Clock;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import javax.sql.DataSource;

import io.postventa.returns.domain.ReturnPolicy;
import io.postventa.returns.domain.StoredReturnPolicy;
import io.postventa.web.ProblemException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

/** The return policy in force and its versions: each change is a new version, never an edit. */
@ApplicationScoped
public class ReturnPolicyService {
    private final EntityManager em;
    private final DataSource dataSource;
    private final Clock clock;
    private final Map<Integer, ReturnPolicy> parsed = new ConcurrentHashMap<>();

    public ReturnPolicyService(EntityManager em, DataSource dataSource, Clock clock) {
        this.em = em;
        this.dataSource = dataSource;
        this.clock = clock;
    }

    /** The policy in force (version 1 is the default policy, written on first use). */
    @Transactional
    public Versioned<ReturnPolicy> current() {
        LatestVersion latest = latest();
        if (latest == null) {
            em.createNativeQuery("insert into return_policy (version, policy, created_at, created_by) "
                    + "values (1, ?1, ?2, 'system') on conflict do nothing")
                    .setParameter(1, Json.write(ReturnPolicy.defaults())).setParameter(2, clock.instant()).executeUpdate();
            latest = latest();
        }
        return view(latest);
    }

    /** Validates and puts a new version in force. */
    @Transactional
    public Versioned<ReturnPolicy> replace(ReturnPolicy policy, String by) {
        if (policy == null) {
            throw ProblemException.badField("body", "a policy is required");
        }
        Problems.requireValid(policy.validate());
        current();
        em.createNativeQuery("select pg_advisory_xact_lock(hashtext('return_policy'))").getSingleResult();
        StoredReturnPolicy stored = new StoredReturnPolicy();
        stored.version = latest().version() + 1;
        stored.policy = Json.write(policy);
        stored.createdAt = clock.instant();
        stored.createdBy = by;
        stored.persist();
        // Not cached: this transaction may still roll back, and the version number be written again with other rules.
        return new Versioned<>(stored.version, stored.createdAt, stored.createdBy,
                Json.read(stored.policy, ReturnPolicy.class));
    }

    private LatestVersion latest() {
        return LatestVersion.read(dataSource, "return_policy", "policy");
    }

    private Versioned<ReturnPolicy> view(LatestVersion s) {
        // Versions are never edited, so a parsed version can be kept (as RiskRuleService does): every request reads
        // the policy in force, and parsing its JSON each time was waste. The latest version is still read each time.
        ReturnPolicy policy = parsed.computeIfAbsent(s.version(), v -> Json.read(s.json(), ReturnPolicy.class));
        return new Versioned<>(s.version(), s.createdAt(), s.createdBy(), policy);
    }
}
