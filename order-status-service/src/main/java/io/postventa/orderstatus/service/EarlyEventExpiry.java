package io.postventa.orderstatus.service;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.List;

import org.apache.kafka.common.header.internals.RecordHeaders;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.jboss.logging.Logger;

import io.postventa.events.DeadLetterHeaders;
import io.postventa.events.Topics;
import io.postventa.orderstatus.config.OrderStatusConfig;
import io.postventa.orderstatus.domain.PendingOrderEvent;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.reactive.messaging.MutinyEmitter;
import io.smallrye.reactive.messaging.kafka.api.OutgoingKafkaRecordMetadata;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Events that came before their order's ORDER_PLACED wait for it; when it never comes (a platform
 * that lost the placement, a typo in an order id) they would wait for ever. After the configured
 * retention they go to {@code orders.lifecycle.v1.dlq} as received, with the reason, and leave the
 * waiting table: nothing is lost, and an operator can replay them. One replica expires at a time
 * ({@link ReplicaLock}): two reading the same batch would each dead-letter it.
 */
@ApplicationScoped
public class EarlyEventExpiry {
    private static final Logger LOG = Logger.getLogger(EarlyEventExpiry.class);
    private static final int BATCH = 500;

    private final MutinyEmitter<String> deadLetters;
    private final Clock clock;
    private final OrderStatusConfig config;
    private final ReplicaLock lock;

    /** The job's name for {@link ReplicaLock}. */
    public static final String JOB = "early-event-expiry";

    public EarlyEventExpiry(@Channel("expired-early-events") MutinyEmitter<String> deadLetters, Clock clock,
            OrderStatusConfig config, ReplicaLock lock) {
        this.deadLetters = deadLetters;
        this.clock = clock;
        this.config = config;
        this.lock = lock;
    }

    // delayed: a first run at start-up could come before the messaging channels are connected (SRMSG00019)
    @Scheduled(every = "${postventa.order-status.early-events.check-every}", identity = "early-event-expiry", delayed = "30s",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    void onSchedule() {
        int expired = expire(clock.instant());
        if (expired > 0) {
            LOG.infof("sent %d event(s) whose order was never placed to %s", expired, Topics.dlq(Topics.ORDERS_LIFECYCLE));
        }
    }

    /**
     * Dead-letters every early event received before {@code now} minus the retention; returns how many (0 while
     * another replica is expiring them).
     */
    public int expire(Instant now) {
        return lock.whileHeld(JOB, () -> expireHoldingTheLock(now)).orElse(0);
    }

    private int expireHoldingTheLock(Instant now) {
        Instant cutoff = now.minus(config.earlyEvents().retention());
        int total = 0;
        while (true) {
            List<PendingOrderEvent> batch = QuarkusTransaction.requiringNew().call(() -> PendingOrderEvent
                    .<PendingOrderEvent>find("receivedAt < ?1 order by receivedAt", cutoff).page(0, BATCH).list());
            if (batch.isEmpty()) {
                return total;
            }
            for (PendingOrderEvent event : batch) {
                // sent (and acknowledged by the broker) before the row goes: a crash in between sends it twice, never zero times
                deadLetters.sendMessageAndAwait(deadLetter(event, now));
            }
            QuarkusTransaction.requiringNew().run(() -> PendingOrderEvent.delete("id in ?1",
                    batch.stream().map(e -> e.id).toList()));
            total += batch.size();
        }
    }

    private Message<String> deadLetter(PendingOrderEvent event, Instant now) {
        String reason = DeadLetterHeaders.Reason.PROCESSING_FAILED + ": no ORDER_PLACED for order " + event.orderId
                + " arrived within " + config.earlyEvents().retention() + " of this " + event.eventType + " event";
        RecordHeaders headers = new RecordHeaders();
        header(headers, "ce_id", event.eventId);
        header(headers, DeadLetterHeaders.REASON, reason);
        header(headers, DeadLetterHeaders.REASON_CODE, DeadLetterHeaders.Reason.PROCESSING_FAILED.name());
        header(headers, DeadLetterHeaders.ORIGINAL_TOPIC, Topics.ORDERS_LIFECYCLE);
        header(headers, DeadLetterHeaders.CONSUMER_GROUP, DedupeScopes.ORDERS_LIFECYCLE);
        header(headers, DeadLetterHeaders.FAILED_AT, now.toString());
        return Message.of(event.payload).addMetadata(OutgoingKafkaRecordMetadata.<String>builder()
                .withKey(event.orderId).withHeaders(headers).build());
    }

    private static void header(RecordHeaders headers, String name, String value) {
        headers.add(name, value.getBytes(StandardCharsets.UTF_8));
    }
}
