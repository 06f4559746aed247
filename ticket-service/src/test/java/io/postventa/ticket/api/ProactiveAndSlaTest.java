package io.postventa.ticket.api;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

import io.postventa.events.EventJson;
import io.postventa.events.EventType;
import io.postventa.events.common.OrderStatus;
import io.postventa.events.orderstatus.DelayCause;
import io.postventa.events.orderstatus.OrderDelayed;
import io.postventa.testing.MovableClock;
import io.postventa.testing.PostventaTestResource;
import io.postventa.testing.Tokens;
import io.postventa.ticket.TicketTestSupport;
import io.postventa.ticket.service.SlaCheck;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;

@QuarkusTest
@QuarkusTestResource(value = PostventaTestResource.class, initArgs = @ResourceArg(name = "database", value = "tickets"))
class ProactiveAndSlaTest extends TicketTestSupport {
    private static final ZoneId MADRID = ZoneId.of("Europe/Madrid");

    @Inject
    MovableClock clock;

    @Inject
    SlaCheck slaCheck;

    @AfterEach
    void realTime() {
        clock.reset();
    }

    private static Instant madrid(int month, int day, int hour, int minute) {
        return ZonedDateTime.of(2026, month, day, hour, minute, 0, 0, MADRID).toInstant();
    }

    @Test
    void aDelayOpensAProactiveTicketAndALaterContactJoinsIt() {
        String customer = id("cust");
        String orderId = id("ORD");
        send(EventType.ORDER_DELAYED, orderId, new OrderDelayed(orderId, customer, Instant.now(),
                DelayCause.PROMISED_DATE_PASSED, OrderStatus.IN_TRANSIT, LocalDate.of(2026, 11, 20), null, null, 2,
                "es-ES", "SEUR", "https://tracking.example/" + orderId));
        String ticketId = Awaitility.await().atMost(Duration.ofSeconds(90)).until(() -> given()
                .header("Authorization", Tokens.bearer(agent())).queryParam("orderId", orderId)
                .get("/api/v1/tickets").then().statusCode(200).extract().<String>path("items[0].id"), id -> id != null);
        given().header("Authorization", Tokens.bearer(agent())).get("/api/v1/tickets/" + ticketId).then()
                .statusCode(200)
                .body("ticket.origin", equalTo("ORDER_DELAYED"))
                .body("ticket.reason", equalTo("WHERE_IS_MY_ORDER"))
                .body("ticket.reasonSource", equalTo("SYSTEM"))
                .body("ticket.priority", equalTo("HIGH"))
                .body("order.delayed", equalTo(true));
        JsonNode created = EventJson.readTree(awaitEvents(ticketId, EventType.TICKET_CREATED, 1).get(0).value());
        assertEquals("ORDER_DELAYED", created.get("origin").asText());

        Map<String, Object> contact = new HashMap<>(Map.of("channel", "EMAIL", "orderId", orderId,
                "message", "¿Dónde está mi pedido? Me dijisteis que llegaba el viernes"));
        given().header("Authorization", Tokens.bearer(Tokens.customer(customer))).contentType(ContentType.JSON)
                .body(contact).post("/api/v1/contacts").then().statusCode(201)
                .body("ticketId", equalTo(ticketId))
                .body("joinedExistingTicket", equalTo(true))
                .body("autoReply", nullValue());
        assertEquals(1, countEvents(ticketId, EventType.TICKET_CREATED), "the contact must not open a second ticket");
    }

    @Test
    void aShipmentExceptionOpensAProactiveTicket() {
        String orderId = id("ORD");
        send(EventType.ORDER_STATUS_CHANGED, orderId, order(orderId, id("cust"), OrderStatus.EXCEPTION, "80", 1, "Silla"));
        Awaitility.await().atMost(Duration.ofSeconds(90)).untilAsserted(() -> given()
                .header("Authorization", Tokens.bearer(agent())).queryParam("orderId", orderId)
                .get("/api/v1/tickets").then().statusCode(200)
                .body("total", equalTo(1))
                .body("items[0].origin", equalTo("SHIPMENT_EXCEPTION")));
    }

    @Test
    void thePolicyCanPauseTheClockWhileTheParcelIsWithTheCarrierOrAReturnIsInTransit() {
        Map<String, List<Integer>> always = new HashMap<>();
        for (String day : List.of("MONDAY", "TUESDAY", "WEDNESDAY", "THURSDAY", "FRIDAY", "SATURDAY", "SUNDAY")) {
            always.put(day, List.of(0, 1440));
        }
        given().header("Authorization", Tokens.bearer(Tokens.admin("admin-1"))).contentType(ContentType.JSON)
                .body(Map.of("priority", "NORMAL", "channel", "SOCIAL", "firstResponseMinutes", 60,
                        "resolutionMinutes", 600, "timeZone", "Europe/Madrid", "hours", always, "holidays", List.of(),
                        "pauseWhileWithCarrier", true, "pauseWhileReturnInTransit", true))
                .put("/api/v1/sla-policies/social-carrier").then().statusCode(200);
        String customer = id("cust");
        String orderId = id("ORD");
        send(EventType.ORDER_STATUS_CHANGED, orderId, order(orderId, customer, OrderStatus.IN_TRANSIT, "35", 1, "Batidora"));
        awaitOrderKnown(orderId, "IN_TRANSIT");
        String ticket = given().header("Authorization", Tokens.bearer(Tokens.customer(customer)))
                .contentType(ContentType.JSON).body(Map.of("channel", "SOCIAL", "orderId", orderId,
                        "message", "¿Cómo se usa? No encuentro las instrucciones"))
                .post("/api/v1/contacts").then().statusCode(201).body("reason", equalTo("PRODUCT_QUESTION"))
                .body("priority", equalTo("NORMAL")).extract().path("ticketId");
        given().header("Authorization", Tokens.bearer(agent())).get("/api/v1/tickets/" + ticket).then()
                .body("ticket.slaPolicyId", equalTo("social-carrier"))
                .body("ticket.slaPaused", equalTo(true))
                .body("ticket.firstResponseDueAt", nullValue());

        send(EventType.ORDER_STATUS_CHANGED, orderId, order(orderId, customer, OrderStatus.DELIVERED, "35", 1, "Batidora"));
        Awaitility.await().atMost(Duration.ofSeconds(90)).untilAsserted(() -> given()
                .header("Authorization", Tokens.bearer(agent())).get("/api/v1/tickets/" + ticket).then()
                .body("ticket.slaPaused", equalTo(false))
                .body("ticket.firstResponseDueAt", org.hamcrest.Matchers.notNullValue()));

        String returnId = id("RET");
        send(EventType.RETURN_IN_TRANSIT, returnId, new io.postventa.events.returns.ReturnInTransit(returnId, orderId,
                customer, Instant.now(), "RMA-1", "SEUR", "SEU999"));
        Awaitility.await().atMost(Duration.ofSeconds(90)).untilAsserted(() -> given()
                .header("Authorization", Tokens.bearer(agent())).get("/api/v1/tickets/" + ticket).then()
                .body("ticket.slaPaused", equalTo(true))
                .body("returns[0].returnId", equalTo(returnId))
                .body("returns[0].state", equalTo("IN_TRANSIT")));
    }

    @Test
    void aDetractorOpensARecoveryTicket() {
        String orderId = id("ORD");
        String customer = id("cust");
        String survey = id("SRV");
        send(EventType.FEEDBACK_DETRACTOR, survey, new io.postventa.events.feedback.FeedbackDetractor(survey, customer,
                Instant.now(), io.postventa.events.feedback.SurveyKind.NPS,
                io.postventa.events.feedback.SurveyTrigger.valueOf("ORDER_DELIVERED"), 2, false, null, "es-ES",
                new io.postventa.events.feedback.FeedbackContext(orderId, "SEUR", true, null, null, null, null, null)));
        Awaitility.await().atMost(Duration.ofSeconds(90)).untilAsserted(() -> given()
                .header("Authorization", Tokens.bearer(agent())).queryParam("orderId", orderId)
                .get("/api/v1/tickets").then().statusCode(200)
                .body("items[0].origin", equalTo("FEEDBACK_DETRACTOR"))
                .body("items[0].reason", equalTo("WHERE_IS_MY_ORDER"))
                .body("items[0].customerId", equalTo(customer)));
    }

    @Test
    void dueTimesFollowBusinessHoursAndHolidaysPauseWhileWaitingAndBreachOnce() {
        // 9:00-18:00 Monday to Friday in Madrid; Tuesday 8 December 2026 is a holiday
        Map<String, List<Integer>> hours = new HashMap<>();
        for (String day : List.of("MONDAY", "TUESDAY", "WEDNESDAY", "THURSDAY", "FRIDAY")) {
            hours.put(day, List.of(540, 1080));
        }
        given().header("Authorization", Tokens.bearer(Tokens.admin("admin-1"))).contentType(ContentType.JSON)
                .body(Map.of("priority", "LOW", "channel", "WEB_FORM", "firstResponseMinutes", 240,
                        "resolutionMinutes", 1080, "timeZone", "Europe/Madrid", "hours", hours,
                        "holidays", List.of("2026-12-08")))
                .put("/api/v1/sla-policies/office-low-web").then().statusCode(200);

        clock.set(madrid(12, 7, 16, 0)); // Monday 16:00
        String customer = id("cust");
        String answered = given().header("Authorization", Tokens.bearer(Tokens.customer(customer)))
                .contentType(ContentType.JSON).body(Map.of("channel", "WEB_FORM", "message", "Hola buenas"))
                .post("/api/v1/contacts").then().statusCode(201).body("priority", equalTo("LOW"))
                .extract().path("ticketId");
        String ignored = given().header("Authorization", Tokens.bearer(Tokens.customer(id("cust"))))
                .contentType(ContentType.JSON).body(Map.of("channel", "WEB_FORM", "message", "Hola buenas"))
                .post("/api/v1/contacts").then().statusCode(201).extract().path("ticketId");
        // 4 working hours: 2 on Monday, none on the holiday, 2 on Wednesday -> Wednesday 11:00
        given().header("Authorization", Tokens.bearer(agent())).get("/api/v1/tickets/" + answered).then()
                .statusCode(200)
                .body("ticket.slaPolicyId", equalTo("office-low-web"))
                .body("ticket.firstResponseDueAt", equalTo(madrid(12, 9, 11, 0).toString()))
                .body("ticket.resolutionDueAt", equalTo(madrid(12, 10, 16, 0).toString()));

        // the agent answers on Wednesday 10:00 and waits for the customer: the clock stops
        clock.set(madrid(12, 9, 10, 0));
        given().header("Authorization", Tokens.bearer(agent())).contentType(ContentType.JSON)
                .body(Map.of("body", "¿Nos puedes dar el número de pedido?", "status", "PENDING_CUSTOMER"))
                .post("/api/v1/tickets/" + answered + "/messages").then().statusCode(201);
        given().header("Authorization", Tokens.bearer(agent())).get("/api/v1/tickets/" + answered).then()
                .body("ticket.status", equalTo("PENDING_CUSTOMER"))
                .body("ticket.slaPaused", equalTo(true))
                .body("ticket.resolutionDueAt", nullValue());
        JsonNode first = EventJson.readTree(awaitEvents(answered, EventType.TICKET_FIRST_RESPONSE, 1).get(0).value());
        assertEquals(true, first.get("withinSla").asBoolean());
        assertEquals(3 * 3600, first.get("firstResponseSeconds").asLong(), "2 h on Monday + 1 h on Wednesday");

        // Wednesday 11:01: the unanswered ticket missed its first response, once
        clock.set(madrid(12, 9, 11, 1));
        slaCheck.run();
        assertEquals(0, slaCheck.run(), "a second check at the same time must publish nothing");
        JsonNode breach = EventJson.readTree(awaitEvents(ignored, EventType.TICKET_SLA_BREACHED, 1).get(0).value());
        assertEquals("FIRST_RESPONSE", breach.get("target").asText());
        assertEquals(madrid(12, 9, 11, 0).toString(), breach.get("dueAt").asText());

        // the customer answers on Thursday 9:00: 8 working hours were paused, the resolution due time moves by 8 h
        clock.set(madrid(12, 10, 9, 0));
        given().header("Authorization", Tokens.bearer(Tokens.customer(customer))).contentType(ContentType.JSON)
                .body(Map.of("body", "Es el pedido 1234")).post("/api/v1/tickets/" + answered + "/messages").then()
                .statusCode(201);
        given().header("Authorization", Tokens.bearer(agent())).get("/api/v1/tickets/" + answered).then()
                .body("ticket.status", equalTo("OPEN"))
                .body("ticket.slaPaused", equalTo(false))
                .body("ticket.resolutionDueAt", equalTo(madrid(12, 11, 15, 0).toString()));

        // Friday 15:01: the answered ticket missed its (paused-adjusted) resolution target, once
        clock.set(madrid(12, 11, 15, 1));
        slaCheck.run();
        assertEquals(0, slaCheck.run(), "a second check at the same time must publish nothing");
        awaitEvents(answered, EventType.TICKET_SLA_BREACHED, 1);
        given().header("Authorization", Tokens.bearer(agent())).get("/api/v1/tickets/" + answered).then()
                .body("ticket.resolutionBreached", equalTo(true));
        awaitEvents(ignored, EventType.TICKET_SLA_BREACHED, 2); // its first response, then its resolution
        assertEquals(1, contacts.records().stream().filter(r -> ignored.equals(r.key())
                && EventType.TICKET_SLA_BREACHED.ceType().equals(io.postventa.testing.TopicRecorder.header(r, "ce_type"))
                && r.value().contains("FIRST_RESPONSE")).count(), "first-response breach published once");
    }
}
