package io.postventa.feedback;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

import io.postventa.events.EventJson;
import io.postventa.events.EventType;
import io.postventa.events.common.ContactReason;
import io.postventa.events.common.OrderStatus;
import io.postventa.events.common.ReturnReason;
import io.postventa.testing.PostventaTestResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
@QuarkusTestResource(value = PostventaTestResource.class,
        initArgs = @ResourceArg(name = "database", value = "feedback"))
class SurveyLifecycleTest extends FeedbackTestSupport {

    private boolean ticketOpen(String ticketId) {
        return sql.one("select open from ticket_fact where ticket_id = ? and created_at is not null", rs -> rs.getBoolean(1), ticketId)
                .orElse(false);
    }

    @Test
    void npsWaitsWhileTheCustomerHasAnOpenTicketAndGoesOutOnceItIsSolved() {
        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        String[] d = deliveredOrder(now.minus(Duration.ofDays(8)), "SEUR");
        String customer = d[0], order = d[1], survey = d[2];
        String ticket = id("TCK");
        Instant created = now.minus(Duration.ofHours(1));
        send(EventType.TICKET_CREATED, ticket, ticketCreated(ticket, customer, order, ContactReason.WHERE_IS_MY_ORDER, created));
        Awaitility.await().atMost(Duration.ofSeconds(60)).until(() -> ticketOpen(ticket));

        surveys.sendDue();
        assertEquals("PENDING", surveyStatus(survey), "a due NPS survey must wait while the customer has an open ticket");
        assertEquals("OPEN_TICKET", sql.one("select held_reason from survey where survey_id = ?", rs -> rs.getString(1), survey)
                .orElseThrow());
        assertTrue(invitations(survey).isEmpty(), "no invitation may go out while the ticket is open");

        send(EventType.TICKET_SOLVED, ticket, ticketSolved(ticket, customer, order, ContactReason.WHERE_IS_MY_ORDER, created, now,
                true, true));
        Awaitility.await().atMost(Duration.ofSeconds(60)).until(() -> !ticketOpen(ticket));
        surveys.sendDue();

        String token = awaitInvitationToken(survey);
        JsonNode invited = EventJson.readTree(invitations(survey).get(0).value());
        assertEquals(customer, invited.get("customerId").asText());
        assertEquals("NPS", invited.get("kind").asText());
        assertEquals("ORDER_DELIVERED", invited.get("trigger").asText());
        assertEquals(order, invited.at("/context/orderId").asText());
        assertEquals("SEUR", invited.at("/context/carrier").asText());
        assertEquals("es-ES", invited.get("locale").asText());
        assertTrue(invited.get("surveyUrl").asText().endsWith(token), "the link carries the token");
        assertEquals(1, invitations(survey).size(), "exactly one invitation");
        given().get("/api/v1/surveys/{token}", token).then().statusCode(200)
                .body("kind", equalTo("NPS")).body("minScore", equalTo(0)).body("maxScore", equalTo(10))
                .body("orderId", equalTo(order));
    }

    @Test
    void anOpenReturnOrADeliveryExceptionAlsoHoldsTheSurvey() {
        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        String[] d = deliveredOrder(now.minus(Duration.ofDays(8)), "MRW");
        String customer = d[0];
        String ret = id("RET");
        send(EventType.RETURN_REQUESTED, ret, returnRequested(ret, d[1], customer, "SKU-X", "home", ReturnReason.SIZE_FIT, now));
        Awaitility.await().atMost(Duration.ofSeconds(60)).until(() -> sql.one(
                "select 1 from return_fact where return_id = ? and open", rs -> 1, ret).isPresent());
        surveys.sendDue();
        assertEquals("OPEN_RETURN", sql.one("select held_reason from survey where survey_id = ?", rs -> rs.getString(1), d[2])
                .orElseThrow(), "an open return holds the survey");

        String other = id("ORD");
        send(EventType.ORDER_STATUS_CHANGED, other, order(other, customer, OrderStatus.EXCEPTION, now, "MRW", line("SKU-Y", "home")));
        send(EventType.RETURN_REFUNDED, ret, refunded(ret, d[1], customer, now));
        Awaitility.await().atMost(Duration.ofSeconds(60)).until(() -> sql.one(
                "select 1 from return_fact r join order_fact o on o.order_id = ? where r.return_id = ? and not r.open "
                        + "and o.status = 'EXCEPTION'", rs -> 1, other, ret).isPresent());
        surveys.sendDue();
        assertEquals("DELIVERY_EXCEPTION", sql.one("select held_reason from survey where survey_id = ?", rs -> rs.getString(1), d[2])
                .orElseThrow(), "a delivery exception holds the survey once the return is refunded");

        send(EventType.ORDER_STATUS_CHANGED, other, order(other, customer, OrderStatus.DELIVERED, now, "MRW", line("SKU-Y", "home")));
        Awaitility.await().atMost(Duration.ofSeconds(60)).until(() -> sql.one(
                "select 1 from order_fact where order_id = ? and status = 'DELIVERED'", rs -> 1, other).isPresent());
        surveys.sendDue();
        awaitInvitationToken(d[2]);
        String refundSurvey = awaitSurveyScheduled(ret);
        assertEquals("PENDING", surveyStatus(refundSurvey), "the refund's CSAT is due a day after the refund");
    }

    @Test
    void aCustomerGetsOneSurveyOfAKindPerCooldown() {
        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        String customer = id("CUST");
        String first = deliveredOrder(customer, now.minus(Duration.ofDays(9)), "SEUR")[2];
        surveys.sendDue();
        awaitInvitationToken(first);

        String second = deliveredOrder(customer, now.minus(Duration.ofDays(8)), "SEUR")[2];
        surveys.sendDue();
        assertEquals("SUPPRESSED", surveyStatus(second), "a second NPS within 30 days must not be sent");
        assertTrue(invitations(second).isEmpty());

        clock.set(now.plus(Duration.ofDays(31)));
        String third = deliveredOrder(customer, now.plus(Duration.ofDays(23)), "SEUR")[2];
        surveys.sendDue();
        awaitInvitationToken(third);
    }

    @Test
    void anExpiredLinkIsRefusedWith410() {
        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        String survey = deliveredOrder(now.minus(Duration.ofDays(8)), "SEUR")[2];
        surveys.sendDue();
        String token = awaitInvitationToken(survey);

        clock.set(now.plus(Duration.ofDays(15)));
        given().get("/api/v1/surveys/{token}", token).then().statusCode(410)
                .contentType("application/problem+json").body("title", equalTo("Survey link expired"));
        answer(token, Map.of("score", 9)).statusCode(410).body("title", equalTo("Survey link expired"));
    }

    @Test
    void aLinkWorksOnceASecondAnswerIsRefusedWith410() {
        String survey = deliveredOrder(Instant.now().minus(Duration.ofDays(8)), "SEUR")[2];
        surveys.sendDue();
        String token = awaitInvitationToken(survey);

        answer(token, Map.of("score", 9, "comment", "Todo perfecto")).statusCode(201).body("detractor", equalTo(false));
        answer(token, Map.of("score", 10)).statusCode(410).contentType("application/problem+json")
                .body("title", equalTo("Survey already answered"));
        given().get("/api/v1/surveys/{token}", token).then().statusCode(410);
    }

    @Test
    void forgedOrTamperedLinksAreRefusedWith404() {
        String survey = deliveredOrder(Instant.now().minus(Duration.ofDays(8)), "SEUR")[2];
        surveys.sendDue();
        String token = awaitInvitationToken(survey);
        String[] parts = token.split("\\.");
        String laterExpiry = parts[0] + "." + (Long.parseLong(parts[1]) + 86_400) + "." + parts[2];
        String otherSecret = new io.postventa.feedback.domain.SurveyToken("another-secret-another-secret-another-secret")
                .issue(survey, Instant.now().plus(Duration.ofDays(3)));
        String flipped = parts[0] + "." + parts[1] + "." + (parts[2].charAt(0) == 'A' ? 'B' : 'A') + parts[2].substring(1);
        for (String forged : new String[] { laterExpiry, otherSecret, flipped, "not-a-token" }) {
            given().get("/api/v1/surveys/{token}", forged).then().statusCode(404)
                    .contentType("application/problem+json").body("title", equalTo("Survey link not valid"));
            answer(forged, Map.of("score", 10)).statusCode(404);
        }
        assertEquals("SENT", surveyStatus(survey), "forged links change nothing");
    }

    @Test
    void aDetractorAnswerPublishesFeedbackReceivedAndFeedbackDetractorForTheFollowUpTicket() {
        String[] d = deliveredOrder(Instant.now().minus(Duration.ofDays(8)), "CORREOS");
        surveys.sendDue();
        String token = awaitInvitationToken(d[2]);

        answer(token, Map.of("score", 3, "comment", "Llegó tarde y nadie me avisó")).statusCode(201)
                .body("detractor", equalTo(true));

        JsonNode received = EventJson.readTree(feedback.await(r -> d[2].equals(r.key())
                && EventType.FEEDBACK_RECEIVED.ceType().equals(io.postventa.testing.TopicRecorder.header(r, "ce_type")), 1,
                Duration.ofSeconds(60)).get(0).value());
        assertEquals(3, received.get("score").asInt());
        assertTrue(received.get("hasComment").asBoolean());
        assertTrue(received.get("comment") == null, "the comment's text stays in feedback-service");
        // ticket-service opens the follow-up ticket from these fields (DetractorFollowUp.onFeedback)
        io.postventa.events.feedback.FeedbackDetractor detractor = EventJson.fromJson(feedback.await(r -> d[2].equals(r.key())
                && EventType.FEEDBACK_DETRACTOR.ceType().equals(io.postventa.testing.TopicRecorder.header(r, "ce_type")), 1,
                Duration.ofSeconds(60)).get(0).value(), io.postventa.events.feedback.FeedbackDetractor.class);
        assertEquals(d[2], detractor.surveyId());
        assertEquals(d[0], detractor.customerId());
        assertEquals(3, detractor.score());
        assertEquals("NPS", detractor.kind().name());
        assertEquals("es-ES", detractor.locale());
        assertEquals(d[1], detractor.context().orderId());
        assertEquals("CORREOS", detractor.context().carrier());
    }

    @Test
    void aPromoterDoesNotPublishADetractorEvent() {
        String survey = deliveredOrder(Instant.now().minus(Duration.ofDays(8)), "SEUR")[2];
        surveys.sendDue();
        answer(awaitInvitationToken(survey), Map.of("score", 10)).statusCode(201);
        feedback.await(r -> survey.equals(r.key())
                && EventType.FEEDBACK_RECEIVED.ceType().equals(io.postventa.testing.TopicRecorder.header(r, "ce_type")), 1,
                Duration.ofSeconds(60));
        assertTrue(feedback.records().stream().noneMatch(r -> survey.equals(r.key())
                && EventType.FEEDBACK_DETRACTOR.ceType().equals(io.postventa.testing.TopicRecorder.header(r, "ce_type"))),
                "a promoter is not a detractor");
    }

    @Test
    void aDetractorWhoBuysAgainCountsAsRecovered() {
        String[] d = deliveredOrder(Instant.now().minus(Duration.ofDays(8)), "SEUR");
        surveys.sendDue();
        answer(awaitInvitationToken(d[2]), Map.of("score", 2)).statusCode(201);
        String manager = io.postventa.testing.Tokens.bearer(io.postventa.testing.Tokens.manager("boss"));
        given().header("Authorization", manager).get("/api/v1/answers/{id}", d[2]).then().statusCode(200)
                .body("recoveredAt", nullValue());

        String next = id("ORD");
        send(EventType.ORDER_STATUS_CHANGED, next, placed(next, d[0], Instant.now().plusSeconds(5), line("SKU-R", "home")));
        Awaitility.await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> given().header("Authorization", manager)
                .get("/api/v1/answers/{id}", d[2]).then().statusCode(200).body("recoveredAt", notNullValue()));
    }
}
