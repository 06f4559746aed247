package io.postventa.notification.service;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import javax.sql.DataSource;

import org.eclipse.microprofile.faulttolerance.exceptions.CircuitBreakerOpenException;
import org.jboss.logging.Logger;

import io.postventa.events.common.NotificationChannel;
import io.postventa.events.contacts.ReplyAddress;
import io.postventa.notification.channel.ChannelGateway;
import io.postventa.notification.channel.OutgoingMessage;
import io.postventa.notification.channel.ProviderException;
import io.postventa.notification.channel.SendTracing;
import io.postventa.notification.config.NotificationConfig;
import io.postventa.notification.domain.Delivery;
import io.postventa.notification.domain.DeliveryStatus;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

/**
 * Sends what is due: every {@code dispatch-interval} it claims QUEUED deliveries and DEFERRED ones whose time
 * (by the injected Clock) has come ({@code FOR UPDATE SKIP LOCKED}, so replicas share the work; the claim returns
 * what sending needs), hands them to their channel outside any transaction, then records the whole round's SENT,
 * FAILED and DEFERRED outcomes with their events in one transaction. A message
 * whose channel's circuit is open is not failed: it is DEFERRED until the breaker's delay has passed, for up to
 * {@code circuit-open-retry-for}. It also
 * expires events that waited too long for their customer, plans held events whose hold has passed
 * ({@link HeldEvents}), and sends updates the daily cap held back once it allows ({@link CappedUpdates}).
 * Every e-mail gets a Reply-To naming its ticket or order ({@link ReplyAddress}).
 */
@ApplicationScoped
public class Dispatcher {
    private static final Logger LOG = Logger.getLogger(Dispatcher.class);
    /**
     * Deferred deliveries that are due first (they waited longest), then the oldest queued ones: each arm walks its
     * own partial index (V2) and stops at the batch, however long the queue is. One arm over
     * {@code status = 'QUEUED' or ...} sorted every queued row on each claim.
     */
    static final String CLAIM = "with deferred as (select id from delivery where status = 'DEFERRED'"
            + " and send_after <= ? order by send_after limit ? for update skip locked),"
            + " queued as (select id from delivery where status = 'QUEUED' order by created_at limit ?"
            + " for update skip locked)"
            + " update delivery set status = 'SENDING', updated_at = ? where id in (select id from ("
            + " select id, 0 as arm from deferred union all select id, 1 from queued) due order by arm limit ?)"
            + " returning id, customer_id, source_event_id, source_event_type, kind, channel, template_id, variant,"
            + " locale, recipient, subject, body, unsubscribe_url, attempts, order_id, return_id, ticket_id, survey_id,"
            + " created_at";
    /**
     * A round's outcomes, one array element per delivery; only rows still SENDING change. A provider id is kept
     * for SENT only and the circuit's retry time (parameter 2) for DEFERRED only, as the entity updates did.
     */
    private static final String RECORD = "update delivery d set status = o.status, attempts = o.attempts,"
            + " updated_at = ?, error_code = o.error_code,"
            + " provider_message_id = case when o.status = 'SENT' then o.provider_message_id else d.provider_message_id end,"
            + " send_after = case when o.status = 'DEFERRED' then ?::timestamptz else d.send_after end"
            + " from unnest(?::text[], ?::text[], ?::int4[], ?::text[], ?::text[])"
            + " as o(id, status, attempts, error_code, provider_message_id)"
            + " where d.id = o.id::uuid and d.status = 'SENDING' returning d.id";
    private static final int RECORD_ATTEMPTS = 3;
    /** How often a running dispatcher looks for stale claims at most (it also does at start). */
    private static final Duration STALE_CHECK_EVERY = Duration.ofMinutes(1);
    private static final String CIRCUIT_OPEN = "CIRCUIT_OPEN";

    private final NotificationConfig config;
    private final DataSource dataSource;
    private final ChannelGateway gateway;
    private final DeliveryEvents events;
    private final WaitingEvents waiting;
    private final PersonalMoments moments;
    private final HeldEvents held;
    private final CappedUpdates capped;
    private final ReplyAddress replyTo;
    private final Clock clock;
    private final AtomicBoolean wakePending = new AtomicBoolean();
    /** When stale claims were last looked for (System.nanoTime, the scheduler thread only). */
    private long staleCheckedAt = System.nanoTime();
    /**
     * Whether this instance has queued again the claims a stopped one left SENDING (the scheduler thread only): its
     * first round does, before it claims anything, and every round until that has succeeded.
     */
    private boolean staleCheckedSinceStart;
    private volatile ScheduledExecutorService scheduler;
    private ExecutorService senders;

    private final SendTracing tracing;

    public Dispatcher(NotificationConfig config, DataSource dataSource, ChannelGateway gateway, DeliveryEvents events,
            WaitingEvents waiting, PersonalMoments moments, HeldEvents held, CappedUpdates capped, Clock clock,
            SendTracing tracing) {
        this.tracing = tracing;
        this.moments = moments;
        this.held = held;
        this.capped = capped;
        this.replyTo = new ReplyAddress(config.replyTo());
        this.config = config;
        this.dataSource = dataSource;
        this.gateway = gateway;
        this.events = events;
        this.waiting = waiting;
        this.clock = clock;
    }

    void start(@Observes StartupEvent start) {
        // the stale claims are queued again by the first round, on the dispatcher's thread, not here: the service's
        // start does not wait for that statement (the first HQL statement of the JVM, whose parser's set-up held the
        // main thread 0.1-0.3 s; docs/performance/2026-12-07-start-small-3.md)
        senders = Executors.newFixedThreadPool(config.dispatchThreads(), r -> {
            Thread t = new Thread(r, "notification-sender");
            t.setDaemon(true);
            return t;
        });
        scheduler = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "notification-dispatcher");
            t.setDaemon(true);
            return t;
        });
        long every = config.dispatchInterval().toMillis();
        scheduler.scheduleWithFixedDelay(this::round, every, every, TimeUnit.MILLISECONDS);
        long momentsEvery = config.personalMomentsInterval().toMillis();
        scheduler.scheduleWithFixedDelay(this::personalMoments, momentsEvery / 10 + 1, momentsEvery, TimeUnit.MILLISECONDS);
        long cappedEvery = config.cappedCheckInterval().toMillis();
        scheduler.scheduleWithFixedDelay(this::releaseCapped, cappedEvery, cappedEvery, TimeUnit.MILLISECONDS);
    }

    void stop(@Observes ShutdownEvent stop) {
        if (scheduler != null) {
            scheduler.shutdownNow();
            senders.shutdown();
            try {
                senders.awaitTermination(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /**
     * Asks for a round now, not at the next interval: called once new deliveries are committed. Wakes that come
     * while one is already queued are folded into it; rounds never overlap (one scheduler thread).
     */
    public void wake() {
        ScheduledExecutorService s = scheduler;
        if (s != null && wakePending.compareAndSet(false, true)) {
            try {
                s.execute(() -> {
                    wakePending.set(false);
                    round();
                });
            } catch (java.util.concurrent.RejectedExecutionException e) {
                wakePending.set(false); // shutting down
            }
        }
    }

    private void round() {
        try {
            if (!staleCheckedSinceStart) {
                // what a stopped instance (or this one, before a restart) left SENDING, before the first claim
                requeueStaleClaims();
                staleCheckedAt = System.nanoTime();
                staleCheckedSinceStart = true;
            } else if (System.nanoTime() - staleCheckedAt > Math.min(STALE_CHECK_EVERY.toNanos(), config.staleClaimAfter().toNanos())) {
                // a round whose outcomes could not be recorded left its claims SENDING; rounds never overlap,
                // so none of this instance's claims is in flight now
                staleCheckedAt = System.nanoTime();
                requeueStaleClaims();
            }
            waiting.releaseWaiting();
            held.releaseDue();
            List<ClaimedDelivery> claimed;
            do {
                claimed = claim();
                List<Future<Outcome>> running = new ArrayList<>();
                for (ClaimedDelivery d : claimed) {
                    running.add(senders.submit(() -> tracing.send(d.id().toString(), d.channel(), d.sourceEventId(),
                            () -> send(d))));
                }
                List<Outcome> outcomes = new ArrayList<>(running.size());
                for (Future<Outcome> f : running) {
                    try {
                        outcomes.add(f.get());
                    } catch (ExecutionException e) {
                        // not recorded: it stays SENDING and is queued again after stale-claim-after
                        LOG.errorf(e.getCause(), "a send failed without an outcome");
                    }
                }
                record(outcomes);
            } while (claimed.size() == config.dispatchBatchSize());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (Exception e) {
            LOG.warnf("dispatcher round failed, next round retries: %s", e.toString());
        }
    }

    private void releaseCapped() {
        try {
            if (capped.releaseAllowed() > 0) {
                round(); // send them now rather than at the next interval
            }
        } catch (RuntimeException e) {
            LOG.warnf("releasing capped updates failed, the next check retries: %s", e.toString());
        }
    }

    private void personalMoments() {
        try {
            moments.planDue();
        } catch (RuntimeException e) {
            LOG.warnf("personal moments check failed, the next one retries: %s", e.toString());
        }
    }

    private List<ClaimedDelivery> claim() {
        return QuarkusTransaction.requiringNew().call(() -> {
            Timestamp now = Timestamp.from(clock.instant());
            List<ClaimedDelivery> claimed = new ArrayList<>();
            try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(CLAIM)) {
                s.setTimestamp(1, now);
                s.setInt(2, config.dispatchBatchSize());
                s.setInt(3, config.dispatchBatchSize());
                s.setTimestamp(4, now);
                s.setInt(5, config.dispatchBatchSize());
                try (ResultSet rs = s.executeQuery()) {
                    while (rs.next()) {
                        claimed.add(new ClaimedDelivery(rs.getObject("id", UUID.class), rs.getString("customer_id"),
                                rs.getString("source_event_id"), rs.getString("source_event_type"), rs.getString("kind"),
                                rs.getString("channel"), rs.getString("template_id"), rs.getString("variant"),
                                rs.getString("locale"), rs.getString("recipient"), rs.getString("subject"),
                                rs.getString("body"), rs.getString("unsubscribe_url"), rs.getInt("attempts"),
                                rs.getString("order_id"), rs.getString("return_id"), rs.getString("ticket_id"),
                                rs.getString("survey_id"), rs.getTimestamp("created_at").toInstant()));
                    }
                }
            } catch (SQLException e) {
                throw new IllegalStateException("cannot claim deliveries: " + e.getMessage(), e);
            }
            return claimed;
        });
    }

    private void requeueStaleClaims() {
        QuarkusTransaction.requiringNew().run(() -> Delivery.update(
                "status = ?1 where status = ?2 and updatedAt < ?3", DeliveryStatus.QUEUED, DeliveryStatus.SENDING,
                clock.instant().minus(config.staleClaimAfter())));
    }

    /** What became of one send: the attempts made, and the provider's id or the error. */
    record Outcome(ClaimedDelivery delivery, int attempts, String providerMessageId, String errorCode,
            String errorMessage) {
    }

    /** Hands a claimed delivery to its channel (outside any transaction) and says how it went. */
    Outcome send(ClaimedDelivery d) {
        OutgoingMessage message = d.message(replyTo);
        String providerId = null;
        String errorCode = null;
        String errorMessage = null;
        try {
            providerId = switch (NotificationChannel.valueOf(d.channel())) {
                case EMAIL -> gateway.email(message);
                case SMS -> gateway.sms(message);
                case WHATSAPP -> gateway.whatsapp(message);
                case PUSH -> gateway.push(message);
                case LOG -> gateway.log(message);
            };
        } catch (ProviderException e) {
            errorCode = e.code();
            errorMessage = e.getMessage();
        } catch (CircuitBreakerOpenException e) {
            errorCode = CIRCUIT_OPEN;
            errorMessage = d.channel() + " provider circuit is open after repeated failures";
        } catch (RuntimeException e) {
            errorCode = "UNEXPECTED";
            errorMessage = e.getClass().getSimpleName();
            LOG.errorf(e, "delivery %s failed unexpectedly", d.id());
        }
        return new Outcome(d, Math.max(1, message.attempts().get()), providerId, errorCode, errorMessage);
    }

    /**
     * Records a round's outcomes in one transaction: one statement for all rows (only those still SENDING, so a
     * claim taken over after stale-claim-after is not overwritten) and the events of the rows it changed, which the
     * outbox writes in one batch at commit. Running it again after a commit whose answer was lost changes nothing.
     */
    private void record(List<Outcome> outcomes) {
        if (outcomes.isEmpty()) {
            return;
        }
        RuntimeException last = null;
        for (int attempt = 1; attempt <= RECORD_ATTEMPTS; attempt++) {
            try {
                QuarkusTransaction.requiringNew().run(() -> recordInTransaction(outcomes));
                return;
            } catch (RuntimeException e) {
                last = e;
                LOG.warnf("recording %d delivery outcomes failed (attempt %d of %d): %s", outcomes.size(), attempt,
                        RECORD_ATTEMPTS, e.toString());
                if (attempt < RECORD_ATTEMPTS) {
                    try {
                        Thread.sleep(100L * attempt);
                    } catch (InterruptedException interrupted) {
                        Thread.currentThread().interrupt();
                        break;
                    }
                }
            }
        }
        // the rows stay SENDING and are queued again after stale-claim-after: sent again, at least once
        throw new IllegalStateException("cannot record delivery outcomes", last);
    }

    private void recordInTransaction(List<Outcome> outcomes) {
        Instant now = clock.instant();
        Instant retryAt = now.plus(config.circuitOpenRetryAfter());
        int n = outcomes.size();
        String[] ids = new String[n];
        String[] statuses = new String[n];
        Integer[] attempts = new Integer[n];
        String[] errorCodes = new String[n];
        String[] providerIds = new String[n];
        Map<UUID, Outcome> byId = new HashMap<>();
        Map<UUID, DeliveryStatus> statusById = new HashMap<>();
        for (int i = 0; i < n; i++) {
            Outcome o = outcomes.get(i);
            DeliveryStatus status;
            if (o.errorCode() == null) {
                status = DeliveryStatus.SENT;
            } else if (CIRCUIT_OPEN.equals(o.errorCode())
                    && now.isBefore(o.delivery().createdAt().plus(config.circuitOpenRetryFor()))) {
                // the provider is resting, not refusing this message: it waits for the circuit to close
                status = DeliveryStatus.DEFERRED;
            } else {
                status = DeliveryStatus.FAILED;
            }
            ids[i] = o.delivery().id().toString();
            statuses[i] = status.name();
            attempts[i] = o.attempts();
            errorCodes[i] = o.errorCode();
            providerIds[i] = o.providerMessageId();
            byId.put(o.delivery().id(), o);
            statusById.put(o.delivery().id(), status);
        }
        List<UUID> recorded = new ArrayList<>();
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(RECORD)) {
            s.setTimestamp(1, Timestamp.from(now));
            s.setTimestamp(2, Timestamp.from(retryAt));
            s.setArray(3, c.createArrayOf("text", ids));
            s.setArray(4, c.createArrayOf("text", statuses));
            s.setArray(5, c.createArrayOf("int4", attempts));
            s.setArray(6, c.createArrayOf("text", errorCodes));
            s.setArray(7, c.createArrayOf("text", providerIds));
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    recorded.add(rs.getObject(1, UUID.class));
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot record delivery outcomes: " + e.getMessage(), e);
        }
        for (UUID id : recorded) {
            Outcome o = byId.get(id);
            switch (statusById.get(id)) {
                case SENT -> events.sent(o.delivery(), o.attempts(), o.providerMessageId(), now);
                case FAILED -> events.failed(o.delivery(), o.attempts(), o.errorCode(), o.errorMessage(), now);
                default -> {
                    // DEFERRED: no event, it is tried again when the circuit may have closed
                }
            }
        }
    }
}
