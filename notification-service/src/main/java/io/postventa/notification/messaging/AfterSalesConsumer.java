package io.postventa.notification.messaging;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.CompletionStage;

import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.eclipse.microprofile.reactive.messaging.Message;

import io.postventa.events.contacts.ContactReceived;
import io.postventa.events.contacts.TicketCreated;
import io.postventa.events.contacts.TicketOrigin;
import io.postventa.events.contacts.TicketReplied;
import io.postventa.events.contacts.TicketSolved;
import io.postventa.events.feedback.SurveyInvited;
import io.postventa.events.returns.ReturnDecided;
import io.postventa.events.returns.ReturnRefunded;
import io.postventa.notification.config.NotificationConfig;
import io.postventa.notification.domain.Trigger;
import io.postventa.notification.service.DedupeScopes;
import io.postventa.notification.service.HeldEvents;
import io.postventa.notification.service.NotificationPlanner;
import io.postventa.notification.service.ProactiveIncidents;
import io.postventa.notification.service.TriggerEvent;
import io.postventa.outbox.inbox.EventConsumer;
import io.postventa.outbox.inbox.IncomingEvent;
import io.smallrye.reactive.messaging.annotations.Blocking;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Returns decided and refunded, tickets acknowledged, replied and resolved, proactive tickets, and survey
 * invitations.
 * <ul>
 * <li>A ticket a customer opened is acknowledged after {@code acknowledgement-hold}; an automatic answer to it
 * (ticket.replied, automatic) cancels the acknowledgement and reaches the customer instead, on the channel they
 * wrote through. An automatically solved ticket sends no "resolved": the answer was the message.</li>
 * <li>A ticket the platform opened itself (a delay, a shipment incident) does not say "we received your request":
 * it tells the customer about the problem, once per order and problem however many events report it
 * ({@link ProactiveIncidents}). Its first customer contact (contact.received joining it) is acknowledged.</li>
 * <li>A detractor's recovery ticket sends nothing: an agent calls the customer.</li>
 * </ul>
 */
@ApplicationScoped
public class AfterSalesConsumer {
    private final EventConsumer consumer;
    private final NotificationPlanner planner;
    private final HeldEvents held;
    private final NotificationConfig config;
    private final Clock clock;

    public AfterSalesConsumer(EventConsumer consumer, NotificationPlanner planner, HeldEvents held,
            NotificationConfig config, Clock clock) {
        this.consumer = consumer;
        this.planner = planner;
        this.held = held;
        this.config = config;
        this.clock = clock;
    }

    @Incoming("return-decisions")
    @Blocking
    public CompletionStage<Void> onReturnDecision(Message<String> message) {
        return consumer.consume(message, DedupeScopes.RETURN_DECISIONS, this::apply);
    }

    @Incoming("return-requests")
    @Blocking
    public CompletionStage<Void> onReturnRequest(Message<String> message) {
        return consumer.consume(message, DedupeScopes.RETURN_REQUESTS, this::apply);
    }

    @Incoming("contacts")
    @Blocking
    public CompletionStage<Void> onContact(Message<String> message) {
        return consumer.consume(message, DedupeScopes.CONTACTS, this::apply);
    }

    @Incoming("feedback")
    @Blocking
    public CompletionStage<Void> onFeedback(Message<String> message) {
        return consumer.consume(message, DedupeScopes.FEEDBACK, this::apply);
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
            case TICKET_CREATED -> ticketCreated(event, event.data(TicketCreated.class));
            case CONTACT_RECEIVED -> {
                ContactReceived e = event.data(ContactReceived.class);
                // a contact that joins a ticket nobody acknowledged yet (one the platform opened, or one answered
                // automatically that the customer writes to again) is acknowledged as a new one would be
                if (e.customerId() != null && Boolean.TRUE.equals(e.joinedExistingTicket())
                        && !held.acknowledged(e.ticketId())) {
                    held.hold(new TriggerEvent(event.id(), event.type().ceType(), Trigger.TICKET_ACKNOWLEDGED,
                            e.customerId(), e.occurredAt(), e.language(), null, e.orderId(), null, e.ticketId(), null,
                            Map.of()), null);
                }
            }
            case TICKET_REPLIED -> {
                TicketReplied e = event.data(TicketReplied.class);
                if (e.customerId() != null) {
                    if (Boolean.TRUE.equals(e.automatic())) {
                        // the answer came at once: the customer gets it, not "we will answer within 24 hours"
                        held.cancelAcknowledgement(e.ticketId());
                    }
                    Map<String, String> facts = new HashMap<>();
                    put(facts, "replyText", e.body());
                    planner.plan(new TriggerEvent(event.id(), event.type().ceType(), Trigger.TICKET_REPLIED,
                            e.customerId(), e.occurredAt(), e.language(), null, e.orderId(), null, e.ticketId(), null,
                            facts, e.channel() == null ? null : e.channel().name(), null));
                }
            }
            case TICKET_SOLVED -> {
                TicketSolved e = event.data(TicketSolved.class);
                // solved by the automatic answer: that answer was the message
                if (e.customerId() != null && !Boolean.TRUE.equals(e.automatic())) {
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

    private void ticketCreated(IncomingEvent event, TicketCreated e) {
        if (e.customerId() == null) {
            return;
        }
        TicketOrigin origin = e.origin() == null ? TicketOrigin.CONTACT : e.origin();
        switch (origin) {
            case ORDER_DELAYED, SHIPMENT_EXCEPTION -> {
                boolean exception = origin == TicketOrigin.SHIPMENT_EXCEPTION;
                Map<String, String> facts = new HashMap<>();
                put(facts, "followUpDate", clock.instant().plus(config.proactiveFollowUp()));
                held.hold(new TriggerEvent(event.id(), event.type().ceType(),
                        exception ? Trigger.ORDER_EXCEPTION : Trigger.ORDER_DELAYED, e.customerId(), e.occurredAt(), null,
                        null, e.orderId(), null, e.ticketId(), null, facts),
                        exception ? ProactiveIncidents.SHIPMENT_EXCEPTION : ProactiveIncidents.DELAY);
            }
            case FEEDBACK_DETRACTOR -> {
                // the customer answered a survey, they did not write: an agent calls them back
            }
            default -> {
                Map<String, String> facts = new HashMap<>();
                put(facts, "answerBy", e.firstResponseDueAt());
                held.hold(new TriggerEvent(event.id(), event.type().ceType(), Trigger.TICKET_ACKNOWLEDGED,
                        e.customerId(), e.occurredAt(), null, null, e.orderId(), null, e.ticketId(), null, facts), null);
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
