package io.postventa.orderstatus.service;

import java.time.Clock;
import java.time.Instant;
import java.util.List;

import io.postventa.web.Problem;
import io.postventa.web.ProblemException;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

/**
 * Remembers each webhook signature that was accepted until its timestamp leaves the tolerance, in PostgreSQL (so a
 * restart forgets nothing): a captured call sent again within the tolerance is refused with 409, one sent later
 * with 401 by the timestamp check. A platform signs every attempt, retries included, with the time it sends it.
 */
@ApplicationScoped
public class WebhookReplayGuard {
    private final EntityManager em;
    private final Clock clock;

    public WebhookReplayGuard(EntityManager em, Clock clock) {
        this.em = em;
        this.clock = clock;
    }

    /**
     * Records {@code signature} as used until {@code expiresAt}, in a transaction of its own (committed before the
     * call is processed, so two copies sent at once cannot both pass); 409 when it was used before.
     */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public void firstUse(String platformId, String signature, Instant expiresAt) {
        int inserted = em.createNativeQuery("insert into webhook_signature (signature, platform_id, expires_at)"
                + " values (?1, ?2, ?3) on conflict do nothing")
                .setParameter(1, signature).setParameter(2, platformId).setParameter(3, expiresAt).executeUpdate();
        if (inserted == 0) {
            throw new ProblemException(409, "Conflict", WebhookSignature.HEADER + " was already used: this signed call"
                    + " was received before. Sign every attempt, retries included, with the time it is sent",
                    List.of(new Problem.FieldError(WebhookSignature.HEADER, "was already used")));
        }
    }

    /** Signatures whose timestamp is out of the tolerance need no memory: the timestamp check refuses them. */
    @Scheduled(every = "1m", identity = "webhook-signature-expiry", delayed = "30s",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    @Transactional
    void purgeExpired() {
        em.createNativeQuery("delete from webhook_signature where expires_at < ?1")
                .setParameter(1, clock.instant()).executeUpdate();
    }
}
