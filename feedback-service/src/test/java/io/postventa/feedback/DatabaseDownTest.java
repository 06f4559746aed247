package io.postventa.feedback;

import static org.hamcrest.Matchers.equalTo;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

import io.postventa.events.EventType;
import io.postventa.events.common.ContactReason;
import io.postventa.testing.DatabaseOutage;
import io.postventa.testing.PostventaTestResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;

/** While the database is down a survey answer is refused with 503 and Retry-After; sent again later, it is stored. */
@QuarkusTest
@QuarkusTestResource(value = PostventaTestResource.class,
        initArgs = @ResourceArg(name = "database", value = "feedback"))
class DatabaseDownTest extends FeedbackTestSupport {

    @Test
    void aSurveyAnswerWhileTheDatabaseIsDownIs503WithRetryAfterAndStoredWhenSentAgain() throws Exception {
        String customer = id("CUST");
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
        String token = awaitInvitationToken(survey);

        try (DatabaseOutage outage = DatabaseOutage.begin("feedback")) {
            answer(token, Map.of("score", 4)).statusCode(503).contentType("application/problem+json")
                    .body("status", equalTo(503)).header("Retry-After", "5");
        }
        // the pool gets new connections once the database is back: the same answer is then stored, once
        Awaitility.await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> answer(token, Map.of("score", 4)).statusCode(201));
        answer(token, Map.of("score", 4)).statusCode(410);
    }
}
