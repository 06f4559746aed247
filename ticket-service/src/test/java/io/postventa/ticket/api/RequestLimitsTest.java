package io.postventa.ticket.api;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThan;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.postventa.testing.PostventaTestResource;
import io.postventa.testing.Tokens;
import io.postventa.ticket.TicketTestSupport;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;

/** Per-caller rate limits and the body size limit, with limits small enough to reach in a test. */
@QuarkusTest
@TestProfile(RequestLimitsTest.SmallLimits.class)
@QuarkusTestResource(value = PostventaTestResource.class, initArgs = @ResourceArg(name = "database", value = "tickets"))
class RequestLimitsTest extends TicketTestSupport {

    /** Three requests an hour per customer; bodies up to 4 KB. */
    public static class SmallLimits implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("postventa.rate-limit.customer-requests", "3", "postventa.rate-limit.customer-period", "PT1H",
                    "quarkus.http.limits.max-body-size", "4K");
        }
    }

    @Test
    void aCustomerPastTheLimitGets429WithRetryAfterAndAnotherCustomerIsNotAffected() {
        String greedy = id("cust");
        for (int i = 0; i < 3; i++) {
            postContact(Tokens.customer(greedy), contact("Consulta " + i)).statusCode(201);
        }
        String retryAfter = given().header("Authorization", Tokens.bearer(Tokens.customer(greedy)))
                .contentType(ContentType.JSON).body(contact("Una más")).post("/api/v1/contacts")
                .then().statusCode(429).contentType("application/problem+json")
                .body("status", equalTo(429)).body("title", equalTo("Too many requests"))
                .header("Retry-After", org.hamcrest.Matchers.matchesPattern("\\d+"))
                .extract().header("Retry-After");
        // 3 an hour: the next request is allowed in about 20 minutes
        assertTrue(Long.parseLong(retryAfter) > 60 && Long.parseLong(retryAfter) <= 1200, "Retry-After " + retryAfter);

        postContact(Tokens.customer(id("cust")), contact("Otra persona")).statusCode(201);
        // staff are not limited
        for (int i = 0; i < 5; i++) {
            given().header("Authorization", Tokens.bearer(agent())).get("/api/v1/ivr-menu").then()
                    .statusCode(greaterThan(199)).statusCode(org.hamcrest.Matchers.lessThan(300));
        }
    }

    @Test
    void aBodyOverTheSizeLimitIsRefusedWith413ProblemJson() {
        String huge = "x".repeat(5000);
        given().header("Authorization", Tokens.bearer(Tokens.customer(id("cust")))).contentType(ContentType.JSON)
                .body(contact(huge)).post("/api/v1/contacts")
                .then().statusCode(413).contentType("application/problem+json").body("status", equalTo(413));
    }

    private static Map<String, Object> contact(String message) {
        Map<String, Object> body = new HashMap<>();
        body.put("channel", "EMAIL");
        body.put("message", message);
        return body;
    }
}
