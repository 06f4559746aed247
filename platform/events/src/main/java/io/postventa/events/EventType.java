package io.postventa.events;

import io.postventa.events.contacts.ContactReceived;
import io.postventa.events.contacts.TicketCreated;
import io.postventa.events.contacts.TicketFirstResponse;
import io.postventa.events.contacts.TicketReopened;
import io.postventa.events.contacts.TicketSlaBreached;
import io.postventa.events.contacts.TicketMerged;
import io.postventa.events.contacts.TicketReasonChanged;
import io.postventa.events.contacts.TicketReplied;
import io.postventa.events.contacts.TicketSolved;
import io.postventa.events.customers.CustomerUpserted;
import io.postventa.events.feedback.FeedbackDetractor;
import io.postventa.events.feedback.FeedbackReceived;
import io.postventa.events.feedback.SurveyInvited;
import io.postventa.events.notifications.NotificationFailed;
import io.postventa.events.notifications.NotificationPortalLinkOpened;
import io.postventa.events.notifications.NotificationSent;
import io.postventa.events.notifications.NotificationSuppressed;
import io.postventa.events.notifications.NotificationUnsubscribed;
import io.postventa.events.orders.OrderLifecycleEvent;
import io.postventa.events.orders.OrderLifecycleEventType;
import io.postventa.events.orderstatus.OrderDelayed;
import io.postventa.events.orderstatus.OrderStatusChanged;
import io.postventa.events.returns.ReturnCredited;
import io.postventa.events.returns.ReturnDecided;
import io.postventa.events.returns.ReturnExchanged;
import io.postventa.events.returns.ReturnExpired;
import io.postventa.events.returns.ReturnInTransit;
import io.postventa.events.returns.ReturnInspected;
import io.postventa.events.returns.ReturnLabelIssued;
import io.postventa.events.returns.ReturnReceived;
import io.postventa.events.returns.ReturnRefunded;
import io.postventa.events.returns.ReturnRequested;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The catalogue of every event type: its CloudEvents type, topic, payload record, JSON Schema, example and the
 * aggregate whose id is the record key. The {@code orders.lifecycle.v1} constants have the same names as
 * {@link OrderLifecycleEventType}.
 */
public enum EventType {

    ORDER_PLACED("postventa.order.placed.v1", Topics.ORDERS_LIFECYCLE, OrderLifecycleEvent.class, Aggregate.ORDER, "orderId", Producers.PLATFORM),
    ORDER_PAID("postventa.order.paid.v1", Topics.ORDERS_LIFECYCLE, OrderLifecycleEvent.class, Aggregate.ORDER, "orderId", Producers.PLATFORM),
    ORDER_PACKED("postventa.order.packed.v1", Topics.ORDERS_LIFECYCLE, OrderLifecycleEvent.class, Aggregate.ORDER, "orderId", Producers.PLATFORM),
    ORDER_SHIPPED("postventa.order.shipped.v1", Topics.ORDERS_LIFECYCLE, OrderLifecycleEvent.class, Aggregate.ORDER, "orderId", Producers.PLATFORM),
    SHIPMENT_IN_TRANSIT("postventa.shipment.in-transit.v1", Topics.ORDERS_LIFECYCLE, OrderLifecycleEvent.class, Aggregate.ORDER, "orderId", Producers.PLATFORM),
    SHIPMENT_OUT_FOR_DELIVERY("postventa.shipment.out-for-delivery.v1", Topics.ORDERS_LIFECYCLE, OrderLifecycleEvent.class, Aggregate.ORDER, "orderId", Producers.PLATFORM),
    SHIPMENT_DELIVERY_FAILED("postventa.shipment.delivery-failed.v1", Topics.ORDERS_LIFECYCLE, OrderLifecycleEvent.class, Aggregate.ORDER, "orderId", Producers.PLATFORM),
    SHIPMENT_AVAILABLE_FOR_PICKUP("postventa.shipment.available-for-pickup.v1", Topics.ORDERS_LIFECYCLE, OrderLifecycleEvent.class, Aggregate.ORDER, "orderId", Producers.PLATFORM),
    SHIPMENT_DELIVERED("postventa.shipment.delivered.v1", Topics.ORDERS_LIFECYCLE, OrderLifecycleEvent.class, Aggregate.ORDER, "orderId", Producers.PLATFORM),
    SHIPMENT_EXCEPTION("postventa.shipment.exception.v1", Topics.ORDERS_LIFECYCLE, OrderLifecycleEvent.class, Aggregate.ORDER, "orderId", Producers.PLATFORM),
    ORDER_CANCELLED("postventa.order.cancelled.v1", Topics.ORDERS_LIFECYCLE, OrderLifecycleEvent.class, Aggregate.ORDER, "orderId", Producers.PLATFORM),
    ORDER_ADDRESS_CHANGED("postventa.order.address-changed.v1", Topics.ORDERS_LIFECYCLE, OrderLifecycleEvent.class, Aggregate.ORDER, "orderId", Producers.PLATFORM),
    ORDER_RETURNED("postventa.order.returned.v1", Topics.ORDERS_LIFECYCLE, OrderLifecycleEvent.class, Aggregate.ORDER, "orderId", Producers.PLATFORM),

    CUSTOMER_UPSERTED("postventa.customer.upserted.v1", Topics.CUSTOMERS, CustomerUpserted.class, Aggregate.CUSTOMER, "customerId", Producers.PLATFORM),

    ORDER_STATUS_CHANGED("postventa.order-status.changed.v1", Topics.ORDER_STATUS, OrderStatusChanged.class, Aggregate.ORDER, "orderId", Producers.ORDER_STATUS),
    ORDER_DELAYED("postventa.order.delayed.v1", Topics.ORDER_STATUS, OrderDelayed.class, Aggregate.ORDER, "orderId", Producers.ORDER_STATUS),

    RETURN_REQUESTED("postventa.return.requested.v1", Topics.RETURN_REQUESTS, ReturnRequested.class, Aggregate.RETURN, "returnId", Producers.RETURNS),
    RETURN_LABEL_ISSUED("postventa.return.label-issued.v1", Topics.RETURN_REQUESTS, ReturnLabelIssued.class, Aggregate.RETURN, "returnId", Producers.RETURNS),
    RETURN_IN_TRANSIT("postventa.return.in-transit.v1", Topics.RETURN_REQUESTS, ReturnInTransit.class, Aggregate.RETURN, "returnId", Producers.RETURNS),
    RETURN_RECEIVED("postventa.return.received.v1", Topics.RETURN_REQUESTS, ReturnReceived.class, Aggregate.RETURN, "returnId", Producers.RETURNS),
    RETURN_INSPECTED("postventa.return.inspected.v1", Topics.RETURN_REQUESTS, ReturnInspected.class, Aggregate.RETURN, "returnId", Producers.RETURNS),
    RETURN_REFUNDED("postventa.return.refunded.v1", Topics.RETURN_REQUESTS, ReturnRefunded.class, Aggregate.RETURN, "returnId", Producers.RETURNS),
    RETURN_EXCHANGED("postventa.return.exchanged.v1", Topics.RETURN_REQUESTS, ReturnExchanged.class, Aggregate.RETURN, "returnId", Producers.RETURNS),
    RETURN_CREDITED("postventa.return.credited.v1", Topics.RETURN_REQUESTS, ReturnCredited.class, Aggregate.RETURN, "returnId", Producers.RETURNS),
    RETURN_EXPIRED("postventa.return.expired.v1", Topics.RETURN_REQUESTS, ReturnExpired.class, Aggregate.RETURN, "returnId", Producers.RETURNS),

    RETURN_DECIDED("postventa.return.decided.v1", Topics.RETURN_DECISIONS, ReturnDecided.class, Aggregate.RETURN, "returnId", Producers.RETURNS),

    CONTACT_RECEIVED("postventa.contact.received.v1", Topics.CONTACTS, ContactReceived.class, Aggregate.TICKET, "ticketId", Producers.TICKET),
    TICKET_CREATED("postventa.ticket.created.v1", Topics.CONTACTS, TicketCreated.class, Aggregate.TICKET, "ticketId", Producers.TICKET),
    TICKET_FIRST_RESPONSE("postventa.ticket.first-response.v1", Topics.CONTACTS, TicketFirstResponse.class, Aggregate.TICKET, "ticketId", Producers.TICKET),
    TICKET_REPLIED("postventa.ticket.replied.v1", Topics.CONTACTS, TicketReplied.class, Aggregate.TICKET, "ticketId", Producers.TICKET),
    TICKET_SOLVED("postventa.ticket.solved.v1", Topics.CONTACTS, TicketSolved.class, Aggregate.TICKET, "ticketId", Producers.TICKET),
    TICKET_REOPENED("postventa.ticket.reopened.v1", Topics.CONTACTS, TicketReopened.class, Aggregate.TICKET, "ticketId", Producers.TICKET),
    TICKET_SLA_BREACHED("postventa.ticket.sla-breached.v1", Topics.CONTACTS, TicketSlaBreached.class, Aggregate.TICKET, "ticketId", Producers.TICKET),
    TICKET_REASON_CHANGED("postventa.ticket.reason-changed.v1", Topics.CONTACTS, TicketReasonChanged.class, Aggregate.TICKET, "ticketId", Producers.TICKET),
    TICKET_MERGED("postventa.ticket.merged.v1", Topics.CONTACTS, TicketMerged.class, Aggregate.TICKET, "ticketId", Producers.TICKET),

    NOTIFICATION_SENT("postventa.notification.sent.v1", Topics.NOTIFICATIONS, NotificationSent.class, Aggregate.CUSTOMER, "customerId", Producers.NOTIFICATION),
    NOTIFICATION_FAILED("postventa.notification.failed.v1", Topics.NOTIFICATIONS, NotificationFailed.class, Aggregate.CUSTOMER, "customerId", Producers.NOTIFICATION),
    NOTIFICATION_SUPPRESSED("postventa.notification.suppressed.v1", Topics.NOTIFICATIONS, NotificationSuppressed.class, Aggregate.CUSTOMER, "customerId", Producers.NOTIFICATION),
    NOTIFICATION_PORTAL_LINK_OPENED("postventa.notification.portal-link-opened.v1", Topics.NOTIFICATIONS, NotificationPortalLinkOpened.class, Aggregate.CUSTOMER, "customerId", Producers.NOTIFICATION),
    NOTIFICATION_UNSUBSCRIBED("postventa.notification.unsubscribed.v1", Topics.NOTIFICATIONS, NotificationUnsubscribed.class, Aggregate.CUSTOMER, "customerId", Producers.NOTIFICATION),

    SURVEY_INVITED("postventa.survey.invited.v1", Topics.FEEDBACK, SurveyInvited.class, Aggregate.SURVEY, "surveyId", Producers.FEEDBACK),
    FEEDBACK_RECEIVED("postventa.feedback.received.v1", Topics.FEEDBACK, FeedbackReceived.class, Aggregate.SURVEY, "surveyId", Producers.FEEDBACK),
    FEEDBACK_DETRACTOR("postventa.feedback.detractor.v1", Topics.FEEDBACK, FeedbackDetractor.class, Aggregate.SURVEY, "surveyId", Producers.FEEDBACK);

    private static final Map<String, EventType> BY_CE_TYPE =
            Arrays.stream(values()).collect(Collectors.toUnmodifiableMap(EventType::ceType, Function.identity()));

    private final String ceType;
    private final String topic;
    private final Class<? extends Record> payloadType;
    private final Aggregate aggregate;
    private final String keyProperty;
    private final String producer;

    EventType(String ceType, String topic, Class<? extends Record> payloadType, Aggregate aggregate,
              String keyProperty, String producer) {
        this.ceType = ceType;
        this.topic = topic;
        this.payloadType = payloadType;
        this.aggregate = aggregate;
        this.keyProperty = keyProperty;
        this.producer = producer;
    }

    /** The CloudEvents {@code type} ({@code ce_type} header), {@code postventa.<aggregate>.<event>.v1}. */
    public String ceType() {
        return ceType;
    }

    /** The topic this event type is published on. */
    public String topic() {
        return topic;
    }

    /** The record class the JSON data maps to. */
    public Class<? extends Record> payloadType() {
        return payloadType;
    }

    /** The aggregate whose id is the record key (and {@code ce_subject}). */
    public Aggregate aggregate() {
        return aggregate;
    }

    /** The JSON property of the data that holds the record key, e.g. {@code orderId}. */
    public String keyProperty() {
        return keyProperty;
    }

    /** Who writes it: {@code e-commerce-platform} or a service name such as {@code order-status-service}. */
    public String producer() {
        return producer;
    }

    /** Classpath location of the JSON Schema of the data, {@code schemas/<topic>/<event>.schema.json}. */
    public String schemaPath() {
        return "schemas/" + topic + "/" + name().toLowerCase(Locale.ROOT).replace('_', '-') + ".schema.json";
    }

    /** Classpath location of an example of the data, {@code examples/<topic>/<EVENT>.json}. */
    public String examplePath() {
        return "examples/" + topic + "/" + name() + ".json";
    }

    /** Looks an event type up by its CloudEvents type. */
    public static Optional<EventType> fromCeType(String ceType) {
        return Optional.ofNullable(ceType).map(BY_CE_TYPE::get);
    }

    /** The catalogue entry of an {@code orders.lifecycle.v1} event type. */
    public static EventType of(OrderLifecycleEventType type) {
        return valueOf(type.name());
    }

    /** Every event type carried by {@code topic}, in catalogue order. */
    public static List<EventType> onTopic(String topic) {
        return Arrays.stream(values()).filter(t -> t.topic.equals(topic)).toList();
    }

    /** Names of the writers of each topic, as used in the AsyncAPI document. */
    public static final class Producers {
        /** An e-commerce platform, or order-status-service's webhooks on its behalf. */
        public static final String PLATFORM = "e-commerce-platform";
        /** order-status-service. */
        public static final String ORDER_STATUS = "order-status-service";
        /** returns-service. */
        public static final String RETURNS = "returns-service";
        /** ticket-service. */
        public static final String TICKET = "ticket-service";
        /** notification-service. */
        public static final String NOTIFICATION = "notification-service";
        /** feedback-service. */
        public static final String FEEDBACK = "feedback-service";

        private Producers() {
        }
    }
}
