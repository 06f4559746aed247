package io.postventa.returns.service;

import java.time.Clock;

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
    private final Clock clock;

    public ReturnPolicyService(EntityManager em, Clock clock) {
        this.em = em;
        this.clock = clock;
    }

    /** The policy in force (version 1 is the default policy, written on first use). */
    @Transactional
    public Versioned<ReturnPolicy> current() {
        StoredReturnPolicy latest = latest();
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
        stored.version = latest().version + 1;
        stored.policy = Json.write(policy);
        stored.createdAt = clock.instant();
        stored.createdBy = by;
        stored.persist();
        return view(stored);
    }

    private StoredReturnPolicy latest() {
        return StoredReturnPolicy.<StoredReturnPolicy>find("order by version desc").firstResultOptional().orElse(null);
    }

    private static Versioned<ReturnPolicy> view(StoredReturnPolicy s) {
        return new Versioned<>(s.version, s.createdAt, s.createdBy, Json.read(s.policy, ReturnPolicy.class));
    }
}
