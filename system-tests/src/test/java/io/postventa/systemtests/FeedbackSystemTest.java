package io.postventa.systemtests;

import static io.postventa.devstack.PlatformService.FEEDBACK;
import static io.postventa.devstack.PlatformService.TICKET;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

import io.postventa.events.EventJson;
import io.postventa.events.EventType;
import io.postventa.events.Topics;
import io.postventa.testing.Mailbox;
import io.postventa.testing.Mailbox.Email;
import io.postventa.testing.TopicRecorder;

/** Scenario 4: a delivery asks for an NPS answer; a detractor gets a follow-up ticket and shows in the KPIs. */
class FeedbackSystemTest extends SystemTest {
    private static TopicRecorder feedback;

    @BeforeAll
    static void recordFeedback() {
        feedback = kafka.record(Topics.FEEDBACK);
    }

    @AfterAll
    static void stopRecording() {
        feedback.close();
    }

    @Test
    void aDetractorAnswerOpensAFollowUpTicketAndCountsInTheKpis() {
        Shop.Customer customer = Shop.Customer.fresh("es");
        shop.upsert(customer);
        String carrier = Shop.id("CARRIER");
        Shop.Order order = shop.order(customer.id(), carrier)
                .deliveredAt(Instant.now().minus(1, ChronoUnit.HOURS), "KETTLE-2", "home", "35.00");

        JsonNode invited = awaitInvitation(feedback, customer, order);
        assertEquals("NPS", invited.get("kind").asText(), "a delivery asks for NPS: " + invited);
        String surveyId = invited.get("surveyId").asText();
        String token = invited.get("token").asText();
        String surveyUrl = invited.get("surveyUrl").asText();
        Email mail = ReturnsSystemTest.awaitEmail(customer, "¿Qué tal lo hemos hecho?");
        assertTrue(mail.body().contains(surveyUrl), "the invitation e-mail links to the survey " + surveyUrl + ": " + mail.body());

        Api.anonymous(FEEDBACK).get("/api/v1/surveys/" + token).then().statusCode(200).body("kind", equalTo("NPS"));
        Api.anonymous(FEEDBACK).body(Map.of("score", 3, "comment", "Llegó tarde y nadie me avisó"))
                .post("/api/v1/surveys/" + token + "/answers")
                .then().statusCode(201);

        feedback.await(r -> surveyId.equals(r.key())
                && EventType.FEEDBACK_DETRACTOR.ceType().equals(TopicRecorder.header(r, "ce_type")), 1, WAIT);
        await("a follow-up ticket is opened for the detractor").atMost(WAIT).untilAsserted(() ->
                Api.asAgent(TICKET).queryParam("customerId", customer.id()).get("/api/v1/tickets")
                        .then().statusCode(200)
                        .body("items.find { it.origin == 'FEEDBACK_DETRACTOR' }.customerId", equalTo(customer.id())));
        await("the manager's KPIs count the answer under its carrier").atMost(WAIT).untilAsserted(() ->
                Api.asManager(FEEDBACK).get("/api/v1/kpis/drivers").then().statusCode(200)
                        .body("drivers.find { it.kind == 'NPS' && it.dimension == 'CARRIER' && it.value == '" + carrier
                                + "' }.answers", equalTo(1))
                        .body("drivers.find { it.kind == 'NPS' && it.dimension == 'CARRIER' && it.value == '" + carrier
                                + "' }.score", equalTo(-100.0f)));
        Api.asManager(FEEDBACK).get("/api/v1/kpis").then().statusCode(200)
                .body("totals.detractors", greaterThanOrEqualTo(1));
    }

    /** Waits for the survey.invited of this customer's order on feedback.v1. */
    static JsonNode awaitInvitation(TopicRecorder feedback, Shop.Customer customer, Shop.Order order) {
        return EventJson.readTree(feedback.await(r ->
                EventType.SURVEY_INVITED.ceType().equals(TopicRecorder.header(r, "ce_type"))
                        && r.value().contains(customer.id()) && r.value().contains(order.id()), 1, WAIT).get(0).value());
    }
}
