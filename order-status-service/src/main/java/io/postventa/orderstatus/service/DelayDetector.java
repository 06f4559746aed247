package io.postventa.orderstatus.service;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.jboss.logging.Logger;

import io.postventa.events.EventType;
import io.postventa.events.common.OrderStatus;
import io.postventa.events.orderstatus.DelayCause;
import io.postventa.events.orderstatus.OrderDelayed;
import io.postventa.orderstatus.config.OrderStatusConfig;
import io.postventa.orderstatus.domain.DelayRules;
import io.postventa.orderstatus.domain.TrackedOrder;
import io.postventa.messaging.outbox.Outbox;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;

/**
 * Finds late orders on a schedule and publishes {@code order.delayed} once per order and cause. The once is
 * enforced by the unique (order, cause) row written in the same transaction as the outbox event, so replicas
 * running the check at the same time cannot both publish.
 */
@ApplicationScoped
public class DelayDetector {
    private static final Logger LOG = Logger.getLogger(DelayDetector.class);
    private static final int MAX_ROUNDS = 100;
    private static final String NOT_YET_REPORTED =
            " and not exists (select 1 from OrderDelay d where d.orderId = o.orderId and d.cause = :cause)";

    private final Outbox outbox;
    private final EntityManager em;
    private final Clock clock;
    private final OrderStatusConfig config;
    private final DelayPolicyService policies;

    public DelayDetector(Outbox outbox, EntityManager em, Clock clock, OrderStatusConfig config,
            DelayPolicyService policies) {
        this.outbox = outbox;
        this.em = em;
        this.clock = clock;
        this.config = config;
        this.policies = policies;
    }

    @Scheduled(every = "${postventa.order-status.delay.check-every}", identity = "delay-check",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    void onSchedule() {
        List<OrderDelayed> delayed = detect(clock.instant());
        if (!delayed.isEmpty()) {
            LOG.infof("reported %d late order(s)", delayed.size());
        }
    }

    /** Checks every open order as of {@code now}; returns the delays it reported (none twice). */
    public List<OrderDelayed> detect(Instant now) {
        List<OrderDelayed> reported = new ArrayList<>();
        Duration silence = QuarkusTransaction.requiringNew().call(policies::maxCarrierSilence);
        for (DelayCause cause : DelayCause.values()) {
            for (int round = 0; round < MAX_ROUNDS; round++) {
                Batch batch = QuarkusTransaction.requiringNew().call(() -> detectBatch(cause, now, silence));
                reported.addAll(batch.reported());
                if (batch.candidates() < config.delay().batchSize()) {
                    break;
                }
            }
        }
        return reported;
    }

    private record Batch(int candidates, List<OrderDelayed> reported) {
    }

    private Batch detectBatch(DelayCause cause, Instant now, Duration silence) {
        var query = switch (cause) {
            case PROMISED_DATE_PASSED -> em.createQuery("select o from TrackedOrder o where o.promisedDeliveryDate < :today"
                    + " and o.status not in :closed" + NOT_YET_REPORTED, TrackedOrder.class)
                    .setParameter("today", LocalDate.ofInstant(now, config.zone()))
                    .setParameter("closed", List.of(OrderStatus.DELIVERED, OrderStatus.CANCELLED, OrderStatus.RETURNED));
            case NO_CARRIER_SCAN -> em.createQuery("select o from TrackedOrder o where o.status in :withCarrier"
                    + " and o.lastCarrierScanAt < :quietSince" + NOT_YET_REPORTED, TrackedOrder.class)
                    .setParameter("withCarrier", List.copyOf(DelayRules.withCarrier()))
                    .setParameter("quietSince", now.minus(silence));
            case SHIPMENT_EXCEPTION -> em.createQuery("select o from TrackedOrder o where o.status = :exception"
                    + NOT_YET_REPORTED, TrackedOrder.class)
                    .setParameter("exception", OrderStatus.EXCEPTION);
        };
        List<TrackedOrder> candidates = query.setParameter("cause", cause).setMaxResults(config.delay().batchSize())
                .getResultList();
        List<OrderDelayed> reported = new ArrayList<>();
        for (TrackedOrder order : candidates) {
            boolean due = DelayRules.due(order.status, order.promisedDeliveryDate, order.lastCarrierScanAt, now,
                    config.zone(), silence).contains(cause);
            if (due && firstReport(order.orderId, cause, now)) {
                OrderDelayed delayed = new OrderDelayed(order.orderId, order.customerId, now, cause, order.status,
                        order.promisedDeliveryDate, order.lastCarrierScanAt,
                        cause == DelayCause.SHIPMENT_EXCEPTION
                                ? (order.exceptionReasonCode != null ? order.exceptionReasonCode : "UNKNOWN") : null, order.purchaseNumber,
                        order.locale, order.carrier, order.trackingUrl);
                outbox.publish(EventType.ORDER_DELAYED, order.orderId, delayed, now);
                reported.add(delayed);
            }
        }
        return new Batch(candidates.size(), reported);
    }

    private boolean firstReport(String orderId, DelayCause cause, Instant now) {
        return em.createNativeQuery("insert into order_delay (id, order_id, cause, detected_at) values (?1, ?2, ?3, ?4) "
                + "on conflict (order_id, cause) do nothing")
                .setParameter(1, UUID.randomUUID()).setParameter(2, orderId).setParameter(3, cause.name())
                .setParameter(4, now).executeUpdate() == 1;
    }
}
