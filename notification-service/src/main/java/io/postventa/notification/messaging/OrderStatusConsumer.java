package io.postventa.notification.messaging;

import java.math.BigDecimal;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletionStage;
import java.util.stream.Collectors;

import org.eclipse.microprofile.reactive.messaging.Incoming;

import io.postventa.events.EventType;
import io.postventa.events.common.OrderLine;
import io.postventa.events.orderstatus.DelayCause;
import io.postventa.events.orderstatus.OrderDelayed;
import io.postventa.events.orderstatus.OrderStatusChanged;
import io.postventa.notification.config.NotificationConfig;
import io.postventa.notification.domain.Trigger;
import io.postventa.notification.service.DedupeScopes;
import io.postventa.notification.service.Dispatcher;
import io.postventa.notification.service.NotificationPlanner;
import io.postventa.notification.service.ProactiveIncidents;
import io.postventa.notification.service.TriggerEvent;
import io.postventa.messaging.inbox.EventConsumer;
import io.postventa.messaging.inbox.IncomingEvent;
import io.smallrye.reactive.messaging.annotations.Blocking;
import io.smallrye.reactive.messaging.kafka.KafkaRecordBatch;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * order-status.v1: status changes worth telling the customer, and delays. The busiest trigger topic, so records
 * come a poll at a time and a poll is planned in one transaction (one commit instead of one per event); once it
 * is committed the dispatcher is woken, so a message does not wait for the next dispatch round.
 */
@ApplicationScoped
public class OrderStatusConsumer {
    private final EventConsumer consumer;
    private final NotificationPlanner planner;
    private final Dispatcher dispatcher;
    private final ProactiveIncidents incidents;
    private final NotificationConfig config;
    private final Clock clock;

    public OrderStatusConsumer(EventConsumer consumer, NotificationPlanner planner, Dispatcher dispatcher,
            ProactiveIncidents incidents, NotificationConfig config, Clock clock) {
        this.consumer = consumer;
        this.planner = planner;
        this.dispatcher = dispatcher;
        this.incidents = incidents;
        this.config = config;
        this.clock = clock;
    }

    @Incoming("order-status")
    @Blocking
    public CompletionStage<Void> onOrderStatus(KafkaRecordBatch<String, String> batch) {
        CompletionStage<Void> done = consumer.consumeBatch(batch, DedupeScopes.ORDER_STATUS, this::prepare,
                this::apply);
        dispatcher.wake();
        return done;
    }

    /** Loads what planning the poll's events reads (customers, preferences, earlier deliveries) once for all. */
    private void prepare(List<IncomingEvent> events) {
        List<String> customers = new ArrayList<>(events.size());
        List<String> ids = new ArrayList<>(events.size());
        List<String> orders = new ArrayList<>(events.size());
        for (IncomingEvent event : events) {
            if (event.data() != null && event.data().hasNonNull("customerId")) {
                customers.add(event.data().get("customerId").asText());
            }
            if (event.data() != null && event.data().hasNonNull("orderId")) {
                orders.add(event.data().get("orderId").asText());
            }
            ids.add(event.id());
        }
        planner.prepare(customers, ids, orders);
    }

    /**
     * A shipment exception and a delay are told once per order and problem, whichever of this event, a later
     * order.delayed or the proactive ticket comes first ({@link ProactiveIncidents}); the rest as they come.
     */
    private void apply(IncomingEvent event) {
        if (event.type() == EventType.ORDER_STATUS_CHANGED) {
            OrderStatusChanged e = event.data(OrderStatusChanged.class);
            Trigger.forStatus(e.newStatus()).ifPresent(trigger -> {
                TriggerEvent planned = changed(event, e, trigger);
                if (trigger != Trigger.ORDER_EXCEPTION || planner.channelsFor(trigger).isEmpty()
                        || incidents.claim(e.orderId(), ProactiveIncidents.SHIPMENT_EXCEPTION, event.id())) {
                    planner.plan(trigger == Trigger.ORDER_EXCEPTION ? withFollowUp(planned) : planned);
                }
            });
        } else if (event.type() == EventType.ORDER_DELAYED) {
            OrderDelayed e = event.data(OrderDelayed.class);
            String problem = e.cause() == DelayCause.SHIPMENT_EXCEPTION ? ProactiveIncidents.SHIPMENT_EXCEPTION
                    : ProactiveIncidents.DELAY;
            // a trigger switched off claims nothing: another event may still tell the problem
            if (planner.channelsFor(Trigger.ORDER_DELAYED).isEmpty()
                    || incidents.claim(e.orderId(), problem, event.id())) {
                planner.plan(withFollowUp(delayed(event, e)));
            }
        }
    }

    /** A proactive message says when the store will write again. */
    private TriggerEvent withFollowUp(TriggerEvent e) {
        Map<String, String> facts = new HashMap<>(e.facts());
        facts.put("followUpDate", clock.instant().plus(config.proactiveFollowUp()).toString());
        return new TriggerEvent(e.sourceEventId(), e.sourceEventType(), e.trigger(), e.customerId(), e.occurredAt(),
                e.locale(), e.purchaseNumber(), e.orderId(), e.returnId(), e.ticketId(), e.surveyId(), facts);
    }

    static TriggerEvent changed(IncomingEvent event, OrderStatusChanged e, Trigger trigger) {
        Map<String, String> facts = new HashMap<>();
        put(facts, "carrier", e.carrier());
        put(facts, "trackingNumber", e.trackingNumber());
        put(facts, "trackingUrl", e.trackingUrl());
        put(facts, "promisedDate", e.promisedDeliveryDate());
        put(facts, "total", e.total() == null ? null : e.total().setScale(2, java.math.RoundingMode.HALF_UP).toPlainString());
        put(facts, "currency", e.currency());
        put(facts, "status", e.newStatus());
        put(facts, "exceptionReason", e.exceptionReasonCode());
        if (e.lines() != null) {
            put(facts, "itemCount", e.lines().stream().mapToInt(l -> l.quantity() == null ? 0 : l.quantity()).sum());
            put(facts, "items", e.lines().stream().map(OrderLine::name).collect(Collectors.joining(", ")));
        }
        return new TriggerEvent(event.id(), event.type().ceType(), trigger, e.customerId(), e.occurredAt(), e.locale(),
                e.purchaseNumber(), e.orderId(), null, null, null, facts);
    }

    static TriggerEvent delayed(IncomingEvent event, OrderDelayed e) {
        Map<String, String> facts = new HashMap<>();
        put(facts, "carrier", e.carrier());
        put(facts, "trackingUrl", e.trackingUrl());
        put(facts, "promisedDate", e.promisedDeliveryDate());
        put(facts, "status", e.currentStatus());
        put(facts, "delayCause", e.cause());
        put(facts, "exceptionReason", e.exceptionReasonCode());
        return new TriggerEvent(event.id(), event.type().ceType(), Trigger.ORDER_DELAYED, e.customerId(), e.occurredAt(),
                e.locale(), e.purchaseNumber(), e.orderId(), null, null, null, facts);
    }

    private static void put(Map<String, String> facts, String name, Object value) {
        if (value != null) {
            facts.put(name, value instanceof BigDecimal b ? b.toPlainString() : value.toString());
        }
    }
}
