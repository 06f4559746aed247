package io.postventa.notification.messaging;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.CompletionStage;

import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.eclipse.microprofile.reactive.messaging.Message;

import io.postventa.events.contacts.TicketCreated;
import io.postventa.events.contacts.TicketReplied;
import io.postventa.events.contacts.TicketSolved;
import io.postventa.events.feedback.SurveyInvited;
import io.postventa.events.returns.ReturnDecided;
import io.postventa.events.returns.ReturnRefunded;
import io.postventa.notification.domain.Trigger;
import io.postventa.notification.service.NotificationPlanner;
import io.postventa.notification.service.TriggerEvent;
import io.postventa.outbox.inbox.EventConsumer;
import io.postventa.outbox.inbox.IncomingEvent;
import io.smallrye.reactive.messaging.annotations.Blocking;
import jakarta.enterprise.context.ApplicationScoped;

/** Returns decided and refunded, tickets acknowledged, replied and resolved, and survey invitations. */
@ApplicationScoped
public class AfterSalesConsumer {
    private final EventConsumer consumer;
    private final NotificationPlanner planner;

    public AfterSalesConsumer(EventConsumer consumer, NotificationPlanner planner) {
        this.consumer = consumer;
        this.planner = planner;
    }

    @Incoming("return-decisions")
    @Blocking
    public CompletionStage<Void> onReturnDecision(Message<String> message) {
        return consumer.consume(message, "notification-service.return-decisions.v1", this::apply);
    }

    @Incoming("return-requests")
    @Blocking
    public CompletionStage<Void> onReturnRequest(Message<String> message) {
        return consumer.consume(message, "notification-service.return-requests.v1", this::apply);
    }

    @Incoming("contacts")
    @Blocking
    public CompletionStage<Void> onContact(Message<String> message) {
        return consumer.consume(message, "notification-service.contacts.v1", this::apply);
    }

    @Incoming("feedback")
    @Blocking
    public CompletionStage<Void> onFeedback(Message<String> message) {
        return consumer.consume(message, "notification-service.feedback.v1", this::apply);
    }

    private void apply(IncomingEvent event) {
        switch (event.type()) {
            case RETURN_DECIDED -> {
                ReturnDecided e = event.data(ReturnDecided.class);
                Trigger trigger = switch (e.outcome()) {
                    case APPROVED -> Trigger.RETURN_APPROVED;
                    case REVIEW -> Trigger.RETURN_IN_REVIEW;
                    case REJECTED -> Trigger.RETURN_REJECTED;
                };
                Map<String, String> facts = new HashMap<>();
                put(facts, "rmaCode", e.rmaCode());
                put(facts, "resolution", e.resolution());
                put(facts, "decisionNote", e.note());
                put(facts, "currency", e.currency());
                put(facts, "total", money(e.totalValue()));
                planner.plan(new TriggerEvent(event.id(), event.type().ceType(), trigger, e.customerId(), e.occurredAt(),
                        null, null, e.orderId(), e.returnId(), null, null, facts));
            }
            case RETURN_REFUNDED -> {
                ReturnRefunded e = event.data(ReturnRefunded.class);
                Map<String, String> facts = new HashMap<>();
                put(facts, "refundAmount", money(e.amount()));
                put(facts, "currency", e.currency());
                planner.plan(new TriggerEvent(event.id(), event.type().ceType(), Trigger.RETURN_REFUNDED, e.customerId(),
                        e.occurredAt(), null, null, e.orderId(), e.returnId(), null, null, facts));
            }
            case TICKET_CREATED -> {
                TicketCreated e = event.data(TicketCreated.class);
                if (e.customerId() != null) {
                    planner.plan(ticket(event, Trigger.TICKET_ACKNOWLEDGED, e.customerId(), e.orderId(), e.ticketId(),
                            e.occurredAt()));
                }
            }
            case TICKET_REPLIED -> {
                TicketReplied e = event.data(TicketReplied.class);
                // an automatic reply is the acknowledgement itself: no second message for it
                if (e.customerId() != null && !Boolean.TRUE.equals(e.automatic())) {
                    Map<String, String> facts = new HashMap<>();
                    put(facts, "replyText", e.body());
                    planner.plan(new TriggerEvent(event.id(), event.type().ceType(), Trigger.TICKET_REPLIED,
                            e.customerId(), e.occurredAt(), null, null, e.orderId(), null, e.ticketId(), null, facts));
                }
            }
            case TICKET_SOLVED -> {
                TicketSolved e = event.data(TicketSolved.class);
                if (e.customerId() != null) {
                    planner.plan(ticket(event, Trigger.TICKET_RESOLVED, e.customerId(), e.orderId(), e.ticketId(),
                            e.occurredAt()));
                }
            }
            case SURVEY_INVITED -> {
                SurveyInvited e = event.data(SurveyInvited.class);
                Map<String, String> facts = new HashMap<>();
                put(facts, "surveyUrl", e.surveyUrl());
                String orderId = e.context() == null ? null : e.context().orderId();
                planner.plan(new TriggerEvent(event.id(), event.type().ceType(), Trigger.SURVEY_INVITED, e.customerId(),
                        e.occurredAt(), e.locale(), null, orderId, null, null, e.surveyId(), facts));
            }
            default -> {
                // other events on these topics are not messages to the customer
            }
        }
    }

    private static TriggerEvent ticket(IncomingEvent event, Trigger trigger, String customerId, String orderId,
            String ticketId, java.time.Instant at) {
        return new TriggerEvent(event.id(), event.type().ceType(), trigger, customerId, at, null, null, orderId, null,
                ticketId, null, Map.of());
    }

    private static String money(BigDecimal amount) {
        return amount == null ? null : amount.setScale(2, RoundingMode.HALF_UP).toPlainString();
    }

    private static void put(Map<String, String> facts, String name, Object value) {
        if (value != null) {
            facts.put(name, value.toString());
        }
    }
}
