package io.postventa.feedback;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.nullValue;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.UUID;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

import io.postventa.events.EventType;
import io.postventa.events.Topics;
import io.postventa.events.customers.CustomerUpserted;
import io.postventa.testing.PostventaTestResource;
import io.postventa.testing.Tokens;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;

/** Bad answers are refused naming the field; stored answers are shown to staff and to their own customer only. */
@QuarkusTest
@QuarkusTestResource(value = PostventaTestResource.class,
        initArgs = @ResourceArg(name = "database", value = "feedback"))
class SurveyAnswerInputTest extends FeedbackTestSupport {

    @Test
    void aCsatSurveyOffersItsScaleAndTheLowScoreReasons() {
        String[] s = csatSurvey();
        given().get("/api/v1/surveys/{token}", s[2]).then().statusCode(200)
                .body("kind", equalTo("CSAT")).body("trigger", equalTo("TICKET_SOLVED"))
                .body("minScore", equalTo(1)).body("maxScore", equalTo(5))
                .body("question", equalTo("¿Cómo de satisfecho estás con la ayuda que recibiste?"))
                .body("lowScoreReasons.code", hasItem("NOT_RESOLVED"));
    }

    @Test
    void aPortugueseCustomersSurveyAsksOffersItsReasonsAndRefusesASecondAnswerInPortuguese() {
        String customer = id("CUST");
        send(EventType.CUSTOMER_UPSERTED, customer, new CustomerUpserted(UUID.randomUUID().toString(), customer,
                Instant.now().truncatedTo(ChronoUnit.SECONDS), "shop-pt", null, null, null, "Inês", "Sousa", "pt",
                "Europe/Lisbon", null, null, null));
        Awaitility.await().atMost(Duration.ofSeconds(60)).until(() -> sql.one(
                "select 1 from customer_profile where customer_id = ? and locale = 'pt'", rs -> 1, customer).isPresent());
        String token = csatSurveyOf(customer)[2];

        given().get("/api/v1/surveys/{token}", token).then().statusCode(200)
                .body("question", equalTo("Qual o seu grau de satisfação com a ajuda que recebeu?"))
                .body("lowScoreReasons.find { it.code == 'NOT_RESOLVED' }.label", equalTo("Não resolveram o meu problema"));
        answer(token, Map.of("score", 5)).statusCode(201);
        answer(token, Map.of("score", 5)).statusCode(410)
                .body("detail", equalTo("esta ligação já foi usada para responder ao inquérito; cada ligação funciona uma vez"));
        given().header("Accept-Language", "pt-PT").get("/api/v1/surveys/{token}", "forged." + token).then().statusCode(404)
                .body("detail", equalTo("esta ligação do inquérito não é válida; use a ligação do seu convite"));
    }

    @Test
    void badAnswersAreRefusedNamingTheField() {
        String[] csat = csatSurvey();
        answer(csat[2], Map.of("score", 6)).statusCode(400).contentType("application/problem+json")
                .body("errors[0].field", equalTo("score"));
        answer(csat[2], Map.of("score", 0)).statusCode(400).body("errors[0].field", equalTo("score"));
        answer(csat[2], Map.of("comment", "sin nota")).statusCode(400).body("errors[0].field", equalTo("score"));
        answer(csat[2], Map.of("score", 2)).statusCode(400).body("errors[0].field", equalTo("lowScoreReason"));
        answer(csat[2], Map.of("score", 1, "lowScoreReason", "BECAUSE")).statusCode(400)
                .body("errors[0].field", equalTo("lowScoreReason"));
        answer(csat[2], Map.of("score", 4, "comment", "x".repeat(2001))).statusCode(400)
                .body("errors[0].field", equalTo("comment"));
        answer(csat[2], Map.of("score", "five")).statusCode(400).body("errors[0].field", equalTo("score"));
        answer(csat[2], Map.of("score", 2, "lowScoreReason", "NOT_RESOLVED", "comment", "Sigue roto")).statusCode(201)
                .body("detractor", equalTo(true));

        String nps = deliveredOrder(Instant.now().minus(Duration.ofDays(8)), "SEUR")[2];
        surveys.sendDue();
        String token = awaitInvitationToken(nps);
        answer(token, Map.of("score", 11)).statusCode(400).body("errors[0].field", equalTo("score"));
        answer(token, Map.of("score", -1)).statusCode(400).body("errors[0].field", equalTo("score"));
        answer(token, Map.of("score", 8, "lowScoreReason", "OTHER")).statusCode(400)
                .body("errors[0].field", equalTo("lowScoreReason"));
    }

    @Test
    void anAnswerIsShownToStaffAndToItsOwnCustomerOnly() {
        String[] s = csatSurvey();
        answer(s[2], Map.of("score", 1, "lowScoreReason", "SLOW_RESPONSE", "comment", "Tres días sin respuesta")).statusCode(201);

        given().header("Authorization", Tokens.bearer(Tokens.agent("agent-7"))).get("/api/v1/answers/{id}", s[1]).then()
                .statusCode(200).body("comment", equalTo("Tres días sin respuesta")).body("lowScoreReason", equalTo("SLOW_RESPONSE"))
                .body("context.ticketReason", equalTo("DAMAGED_ITEM")).body("context.slaMet", equalTo(false));
        given().header("Authorization", Tokens.bearer(Tokens.customer(s[0]))).get("/api/v1/answers/{id}", s[1]).then()
                .statusCode(200).body("score", equalTo(1));
        given().header("Authorization", Tokens.bearer(Tokens.customer(id("CUST")))).get("/api/v1/answers/{id}", s[1]).then()
                .statusCode(404).contentType("application/problem+json");
        given().header("Authorization", Tokens.bearer(Tokens.partnerAgent("p-1", "partner"))).get("/api/v1/answers/{id}", s[1])
                .then().statusCode(403);
        given().get("/api/v1/answers/{id}", s[1]).then().statusCode(401);
        given().header("Authorization", Tokens.bearer(Tokens.manager("m-1"))).get("/api/v1/answers/{id}", "x".repeat(201)).then()
                .statusCode(400).body("errors[0].field", equalTo("surveyId"));
        given().header("Authorization", Tokens.bearer(Tokens.manager("m-1"))).get("/api/v1/answers/{id}", id("SRV")).then()
                .statusCode(404);
    }

    @Test
    void erasingACustomerRemovesTheirCommentsAndWithdrawsTheirLinks() {
        String[] answered = csatSurvey();
        answer(answered[2], Map.of("score", 5, "comment", "Me llamo Ana y vivo en Valencia")).statusCode(201);
        String[] pending = deliveredOrder(answered[0], Instant.now().minus(Duration.ofDays(8)), "SEUR");
        surveys.sendDue();
        String token = awaitInvitationToken(pending[2]);

        kafka.send(Topics.CUSTOMERS, answered[0], null);

        String manager = Tokens.bearer(Tokens.manager("m-1"));
        Awaitility.await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> given().header("Authorization", manager)
                .get("/api/v1/answers/{id}", answered[1]).then().statusCode(200).body("comment", nullValue())
                .body("score", equalTo(5)));
        given().get("/api/v1/surveys/{token}", token).then().statusCode(404);
    }
}
