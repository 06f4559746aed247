package io.postventa.orderstatus.service;

import java.time.Clock;
import java.time.Duration;

import io.postventa.orderstatus.config.OrderStatusConfig;
import io.postventa.orderstatus.domain.DelayPolicy;
import io.postventa.web.ProblemException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceException;
import jakarta.transaction.Transactional;

/** The delay rule as data: read by the delay check and tracking, changed by admins through the API. */
@ApplicationScoped
public class DelayPolicyService {
    private final OrderStatusConfig config;
    private final EntityManager em;
    private final Clock clock;

    public DelayPolicyService(OrderStatusConfig config, EntityManager em, Clock clock) {
        this.config = config;
        this.em = em;
        this.clock = clock;
    }

    /** The rule in force; version 0 is the configured default, before anyone changed it. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public DelayPolicyView current() {
        DelayPolicy policy = DelayPolicy.current();
        return policy == null
                ? new DelayPolicyView(0, config.delay().noScanHours(), null, null)
                : new DelayPolicyView(policy.version, policy.noScanHours, policy.changedBy, policy.changedAt);
    }

    /** How long a carrier may stay silent before an order counts as late. */
    public Duration maxCarrierSilence() {
        return Duration.ofHours(current().noScanHours());
    }

    /** Writes a new version; 409 if {@code expectedVersion} is not the one in force (someone changed it meanwhile). */
    @Transactional
    public DelayPolicyView change(int noScanHours, Integer expectedVersion, String by) {
        int inForce = current().version();
        if (expectedVersion != null && expectedVersion != inForce) {
            throw ProblemException.conflict("the delay policy is at version " + inForce + ", not " + expectedVersion
                    + "; read it again and retry");
        }
        DelayPolicy next = new DelayPolicy();
        next.version = inForce + 1;
        next.noScanHours = noScanHours;
        next.changedBy = by;
        next.changedAt = clock.instant();
        try {
            next.persist();
            em.flush();
        } catch (PersistenceException e) {
            throw ProblemException.conflict("the delay policy was changed at the same time; read it again and retry");
        }
        return new DelayPolicyView(next.version, next.noScanHours, next.changedBy, next.changedAt);
    }
}
