package io.postventa.feedback;

import static io.restassured.RestAssured.given;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;

import io.postventa.events.EventJson;
import io.postventa.events.EventType;
import io.postventa.events.Topics;
import io.postventa.events.common.ContactReason;
import io.postventa.events.common.NotificationChannel;
import io.postventa.events.common.OrderLine;
import io.postventa.events.common.OrderStatus;
import io.postventa.events.common.ReturnReason;
import io.postventa.events.common.SalesChannel;
import io.postventa.events.contacts.ContactChannel;
import io.postventa.events.contacts.ContactReceived;
import io.postventa.events.contacts.ReasonSource;
import io.postventa.events.contacts.ReopenTrigger;
import io.postventa.events.contacts.TicketCreated;
import io.postventa.events.contacts.TicketFirstResponse;
import io.postventa.events.contacts.TicketOrigin;
import io.postventa.events.contacts.TicketPriority;
import io.postventa.events.contacts.TicketReopened;
import io.postventa.events.contacts.TicketSolved;
import io.postventa.events.notifications.MessageKind;
import io.postventa.events.notifications.NotificationSent;
import io.postventa.events.orderstatus.OrderStatusChanged;
import io.postventa.events.returns.Decider;
import io.postventa.events.returns.ReturnDecided;
import io.postventa.events.returns.ReturnLine;
import io.postventa.events.returns.ReturnOutcome;
import io.postventa.events.returns.ReturnRefunded;
import io.postventa.events.returns.ReturnRequested;
import io.postventa.events.returns.ReturnResolution;
import io.postventa.feedback.service.Sql;
import io.postventa.feedback.service.SurveySender;
import io.postventa.testing.KafkaTestClient;
import io.postventa.testing.MovableClock;
import io.postventa.testing.TopicRecorder;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import jakarta.inject.Inject;

/** Shared helpers: contract events over the real broker, the survey sender, the feedback.v1 recorder. */
public abstract class FeedbackTestSupport {
    protected static KafkaTestClient kafka;
    protected static TopicRecorder feedback;

    @Inject
    protected MovableClock clock;
    @Inject
    protected SurveySender surveys;
    @Inject
    protected Sql sql;

    @BeforeAll
    static void connect() {
        kafka = KafkaTestClient.create();
        feedback = kafka.record(Topics.FEEDBACK);
    }

    @AfterAll
    static void disconnect() {
        feedback.close();
        kafka.close();
    }

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    protected static String id(String prefix) {
        return prefix + "-" + UUID.randomUUID();
    }

    /** Sends a contract event in CloudEvents binary mode; returns its event id (to redeliver it). */
    protected static String send(EventType type, String key, Object payload) {
        String eventId = UUID.randomUUID().toString();
        kafka.sendEvent(type, key, eventId, EventJson.toJson(payload), Instant.now());
        return eventId;
    }

    /** Sends the same event again, with the same id: a redelivery. */
    protected static void redeliver(EventType type, String key, String eventId, Object payload) {
        kafka.sendEvent(type, key, eventId, EventJson.toJson(payload), Instant.now());
    }

    // event builders ---------------------------------------------------------------------------------

    protected static OrderStatusChanged order(String orderId, String customerId, OrderStatus status, Instant at, String carrier,
            List<OrderLine> lines) {
        return new OrderStatusChanged(orderId, customerId, at, null, status, UUID.randomUUID().toString(), 1, "es-ES",
                SalesChannel.WEB, "EUR", new BigDecimal("30.00"), lines, at.minus(Duration.ofDays(3)), null, carrier,
                carrier == null ? null : "TRK-1", null, status == OrderStatus.DELIVERED ? at : null,
                status == OrderStatus.EXCEPTION ? "DAMAGED_IN_TRANSIT" : null);
    }

    protected static OrderStatusChanged placed(String orderId, String customerId, Instant placedAt, List<OrderLine> lines) {
        return new OrderStatusChanged(orderId, customerId, placedAt, null, OrderStatus.PLACED, UUID.randomUUID().toString(), 1,
                "es-ES", SalesChannel.WEB, "EUR", new BigDecimal("30.00"), lines, placedAt, null, null, null, null, null, null);
    }

    protected static List<OrderLine> line(String sku, String category) {
        return List.of(new OrderLine(sku, "Product " + sku, category, new BigDecimal("30.00"), 1));
    }

    protected static ContactReceived contact(String ticketId, String customerId, String orderId, ContactReason reason, Instant at) {
        return new ContactReceived(ticketId, id("CON"), at, ContactChannel.EMAIL, reason, ReasonSource.CLASSIFIER, customerId,
                orderId, "es", null, false);
    }

    protected static TicketCreated ticketCreated(String ticketId, String customerId, String orderId, ContactReason reason,
            Instant at) {
        return new TicketCreated(ticketId, at, TicketOrigin.CONTACT, reason, TicketPriority.NORMAL, ContactChannel.EMAIL,
                customerId, orderId, id("CON"), "in-house", at.plus(Duration.ofHours(24)), at.plus(Duration.ofHours(72)));
    }

    protected static TicketFirstResponse firstResponse(String ticketId, String customerId, ContactReason reason, Instant created,
            long seconds, boolean withinSla) {
        return new TicketFirstResponse(ticketId, created.plusSeconds(seconds), created, seconds, withinSla, false, reason,
                customerId, null, "agent-1", "in-house");
    }

    protected static TicketSolved ticketSolved(String ticketId, String customerId, String orderId, ContactReason reason,
            Instant created, Instant at, boolean firstResponseMet, boolean resolutionMet) {
        return new TicketSolved(ticketId, at, created, Duration.between(created, at).toSeconds(), firstResponseMet, resolutionMet,
                false, 0, reason, TicketPriority.NORMAL, customerId, orderId, "in-house", "agent-1", null);
    }

    protected static TicketReopened reopened(String ticketId, String customerId, ContactReason reason, Instant at) {
        return new TicketReopened(ticketId, at, ReopenTrigger.CUSTOMER_REPLY, 1, reason, customerId, null);
    }

    protected static ReturnRequested returnRequested(String returnId, String orderId, String customerId, String sku,
            String category, ReturnReason reason, Instant at) {
        return new ReturnRequested(returnId, orderId, customerId, at,
                List.of(new ReturnLine(sku, category, new BigDecimal("30.00"), 1, reason)), ReturnResolution.REFUND, "EUR",
                new BigDecimal("30.00"), at.minus(Duration.ofDays(2)), 1, null);
    }

    protected static ReturnDecided decided(String returnId, String orderId, String customerId, ReturnOutcome outcome,
            Decider by, Instant at) {
        boolean approved = outcome == ReturnOutcome.APPROVED;
        return new ReturnDecided(returnId, orderId, customerId, at, outcome, BigDecimal.ONE, List.of(), 1, by,
                by == Decider.AGENT ? "agent-1" : null, null, approved ? ReturnResolution.REFUND : null,
                approved ? "RMA-1" : null, "EUR", new BigDecimal("30.00"), null);
    }

    protected static ReturnRefunded refunded(String returnId, String orderId, String customerId, Instant at) {
        return new ReturnRefunded(returnId, orderId, customerId, at, new BigDecimal("30.00"), "EUR", null, null);
    }

    protected static NotificationSent notification(String customerId, Instant at) {
        return new NotificationSent(id("NTF"), customerId, at, NotificationChannel.EMAIL, MessageKind.ORDER_UPDATES, "order-shipped",
                "A", "es-ES", UUID.randomUUID().toString(), "postventa.order-status.changed.v1", 1, null, null, null, null, null);
    }

    // surveys -----------------------------------------------------------------------------------------

    /** Waits until the consumer has scheduled a survey about {@code subjectId}; returns its id. */
    protected String awaitSurveyScheduled(String subjectId) {
        return Awaitility.await().atMost(Duration.ofSeconds(60)).until(
                () -> sql.one("select survey_id from survey where subject_id = ?", rs -> rs.getString(1), subjectId).orElse(null),
                java.util.Objects::nonNull);
    }

    protected String surveyStatus(String surveyId) {
        return sql.one("select status from survey where survey_id = ?", rs -> rs.getString(1), surveyId).orElseThrow();
    }

    /** The survey.invited records for one survey. */
    protected static List<ConsumerRecord<String, String>> invitations(String surveyId) {
        return feedback.records().stream().filter(r -> surveyId.equals(r.key())
                && EventType.SURVEY_INVITED.ceType().equals(TopicRecorder.header(r, "ce_type"))).toList();
    }

    /** Waits for the invitation of a survey and returns its link token. */
    protected static String awaitInvitationToken(String surveyId) {
        ConsumerRecord<String, String> r = feedback.await(x -> surveyId.equals(x.key())
                && EventType.SURVEY_INVITED.ceType().equals(TopicRecorder.header(x, "ce_type")), 1, Duration.ofSeconds(60)).get(0);
        return EventJson.readTree(r.value()).get("token").asText();
    }

    protected static ValidatableResponse answer(String token, Object body) {
        return given().contentType(ContentType.JSON).body(body).post("/api/v1/surveys/{token}/answers", token).then();
    }

    /** A CSAT survey after a solved ticket, sent; returns {customerId, surveyId, token}. */
    protected String[] csatSurvey() {
        return csatSurveyOf(id("CUST"));
    }

    protected String[] csatSurveyOf(String customer) {
        String ticket = id("TCK");
        Instant solved = Instant.now().minus(Duration.ofHours(3)).truncatedTo(ChronoUnit.SECONDS);
        Instant created = solved.minus(Duration.ofHours(5));
        send(EventType.TICKET_CREATED, ticket, ticketCreated(ticket, customer, null, ContactReason.DAMAGED_ITEM, created));
        send(EventType.TICKET_SOLVED, ticket, ticketSolved(ticket, customer, null, ContactReason.DAMAGED_ITEM, created, solved,
                true, false));
        String survey = awaitSurveyScheduled(ticket);
        Awaitility.await().atMost(Duration.ofSeconds(60)).until(() -> sql.one(
                "select 1 from ticket_fact where ticket_id = ? and not open and created_at is not null", rs -> 1, ticket).isPresent());
        surveys.sendDue();
        return new String[] { customer, survey, awaitInvitationToken(survey) };
    }

    /** Delivers an order to a new customer and returns {customerId, orderId, surveyId} once the NPS survey is scheduled. */
    protected String[] deliveredOrder(Instant deliveredAt, String carrier) {
        return deliveredOrder(id("CUST"), deliveredAt, carrier);
    }

    protected String[] deliveredOrder(String customer, Instant deliveredAt, String carrier) {
        String order = id("ORD");
        send(EventType.ORDER_STATUS_CHANGED, order, order(order, customer, OrderStatus.DELIVERED, deliveredAt, carrier,
                line(id("SKU"), "home")));
        return new String[] { customer, order, awaitSurveyScheduled(order) };
    }
}
