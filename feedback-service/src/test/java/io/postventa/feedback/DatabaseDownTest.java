package io.postventa.feedback;

import static org.hamcrest.Matchers.equalTo;

import java.time.Duration;
import java.util.Map;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

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
        String token = csatSurvey()[2];

        try (DatabaseOutage outage = DatabaseOutage.begin("feedback")) {
            answer(token, Map.of("score", 4)).statusCode(503).contentType("application/problem+json")
                    .body("status", equalTo(503)).header("Retry-After", "5");
        }
        // the pool gets new connections once the database is back: the same answer is then stored, once
        Awaitility.await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> answer(token, Map.of("score", 4)).statusCode(201));
        answer(token, Map.of("score", 4)).statusCode(410);
    }
}
