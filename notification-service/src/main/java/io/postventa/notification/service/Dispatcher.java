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
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import javax.sql.DataSource;

import org.eclipse.microprofile.faulttolerance.exceptions.CircuitBreakerOpenException;
import org.jboss.logging.Logger;

import io.postventa.events.common.NotificationChannel;
import io.postventa.notification.channel.ChannelGateway;
import io.postventa.notification.channel.OutgoingMessage;
import io.postventa.notification.channel.ProviderException;
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
 * (by the injected Clock) has come ({@code FOR UPDATE SKIP LOCKED}, so replicas share the work), hands them to
 * their channel outside any transaction, then records SENT or FAILED with its event in one transaction. A message
 * whose channel's circuit is open is not failed: it is DEFERRED until the breaker's delay has passed, for up to
 * {@code circuit-open-retry-for}. It also
 * expires events that waited too long for their customer.
 */
@ApplicationScoped
public class Dispatcher {
    private static final Logger LOG = Logger.getLogger(Dispatcher.class);
    private static final String CLAIM = "update delivery set status = 'SENDING', updated_at = ? where id in ("
            + " select id from delivery where status = 'QUEUED' or (status = 'DEFERRED' and send_after <= ?)"
            + " order by created_at limit ? for update skip locked) returning id";
    /** A claim older than this is taken for a crashed sender and queued again (at-least-once to the provider). */
    private static final Duration STALE_CLAIM = Duration.ofMinutes(5);
    private static final String CIRCUIT_OPEN = "CIRCUIT_OPEN";

    private final NotificationConfig config;
    private final DataSource dataSource;
    private final ChannelGateway gateway;
    private final DeliveryEvents events;
    private final ContactService contacts;
    private final PersonalMoments moments;
    private final Clock clock;
    private final AtomicBoolean wakePending = new AtomicBoolean();
    private volatile ScheduledExecutorService scheduler;
    private ExecutorService senders;

    public Dispatcher(NotificationConfig config, DataSource dataSource, ChannelGateway gateway, DeliveryEvents events,
            ContactService contacts, PersonalMoments moments, Clock clock) {
        this.moments = moments;
        this.config = config;
        this.dataSource = dataSource;
        this.gateway = gateway;
        this.events = events;
        this.contacts = contacts;
        this.clock = clock;
    }

    void start(@Observes StartupEvent start) {
        requeueStaleClaims();
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
            contacts.releaseWaiting();
            List<UUID> claimed;
            do {
                claimed = claim();
                List<Future<?>> running = new ArrayList<>();
                for (UUID id : claimed) {
                    running.add(senders.submit(() -> send(id)));
                }
                for (Future<?> f : running) {
                    f.get();
                }
            } while (claimed.size() == config.dispatchBatchSize());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (Exception e) {
            LOG.warnf("dispatcher round failed, next round retries: %s", e.toString());
        }
    }

    private void personalMoments() {
        try {
            moments.planDue();
        } catch (RuntimeException e) {
            LOG.warnf("personal moments check failed, the next one retries: %s", e.toString());
        }
    }

    private List<UUID> claim() {
        return QuarkusTransaction.requiringNew().call(() -> {
            Timestamp now = Timestamp.from(clock.instant());
            List<UUID> ids = new ArrayList<>();
            try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(CLAIM)) {
                s.setTimestamp(1, now);
                s.setTimestamp(2, now);
                s.setInt(3, config.dispatchBatchSize());
                try (ResultSet rs = s.executeQuery()) {
                    while (rs.next()) {
                        ids.add(rs.getObject(1, UUID.class));
                    }
                }
            } catch (SQLException e) {
                throw new IllegalStateException("cannot claim deliveries: " + e.getMessage(), e);
            }
            return ids;
        });
    }

    private void requeueStaleClaims() {
        QuarkusTransaction.requiringNew().run(() -> Delivery.update(
                "status = ?1 where status = ?2 and updatedAt < ?3", DeliveryStatus.QUEUED, DeliveryStatus.SENDING,
                clock.instant().minus(STALE_CLAIM)));
    }

    void send(UUID id) {
        Delivery d = QuarkusTransaction.requiringNew().call(() -> Delivery.<Delivery>findById(id));
        if (d == null || d.status != DeliveryStatus.SENDING) {
            return;
        }
        AtomicInteger attempts = new AtomicInteger(d.attempts);
        OutgoingMessage message = new OutgoingMessage(d.id.toString(), d.recipient, d.subject, d.body, d.unsubscribeUrl,
                attempts);
        String providerId = null;
        String errorCode = null;
        String errorMessage = null;
        try {
            providerId = switch (NotificationChannel.valueOf(d.channel)) {
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
            errorMessage = d.channel + " provider circuit is open after repeated failures";
        } catch (RuntimeException e) {
            errorCode = "UNEXPECTED";
            errorMessage = e.getClass().getSimpleName();
            LOG.errorf(e, "delivery %s failed unexpectedly", id);
        }
        String code = errorCode;
        String text = errorMessage;
        String provider = providerId;
        QuarkusTransaction.requiringNew().run(() -> {
            Delivery current = Delivery.findById(id);
            if (current == null || current.status != DeliveryStatus.SENDING) {
                return;
            }
            Instant now = clock.instant();
            current.attempts = Math.max(1, attempts.get());
            current.updatedAt = now;
            if (code == null) {
                current.status = DeliveryStatus.SENT;
                current.providerMessageId = provider;
                current.errorCode = null;
                events.sent(current);
            } else if (CIRCUIT_OPEN.equals(code)
                    && now.isBefore(current.createdAt.plus(config.circuitOpenRetryFor()))) {
                // the provider is resting, not refusing this message: it waits for the circuit to close
                current.status = DeliveryStatus.DEFERRED;
                current.sendAfter = now.plus(config.circuitOpenRetryAfter());
                current.errorCode = code;
            } else {
                current.status = DeliveryStatus.FAILED;
                current.errorCode = code;
                events.failed(current, text);
            }
        });
    }
}
