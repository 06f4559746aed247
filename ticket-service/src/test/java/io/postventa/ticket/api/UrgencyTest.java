package io.postventa.ticket.api;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import io.postventa.testing.MovableClock;
import io.postventa.testing.PostventaTestResource;
import io.postventa.testing.Tokens;
import io.postventa.ticket.TicketTestSupport;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import jakarta.inject.Inject;

/** Most urgent first: the list and the hand-out order by priority, then the nearest SLA due time. */
@QuarkusTest
@QuarkusTestResource(value = PostventaTestResource.class, initArgs = @ResourceArg(name = "database", value = "tickets"))
class UrgencyTest extends TicketTestSupport {
    @Inject
    MovableClock clock;

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    private static RequestSpecification as(String token) {
        return given().header("Authorization", Tokens.bearer(token)).contentType(ContentType.JSON);
    }

    /** A contact of a fresh customer by e-mail; the default priority rules rank the reasons. */
    private static Map<String, Object> contact(String channel, String message) {
        Map<String, Object> body = new HashMap<>();
        body.put("channel", channel);
        body.put("email", id("c") + "@example.com");
        body.put("message", message);
        return body;
    }

    private static String post(Map<String, Object> contact, String priority) {
        return as(Tokens.platform("shop")).body(contact).post("/api/v1/contacts").then().statusCode(201)
                .body("priority", equalTo(priority)).extract().path("ticketId");
    }

    @Test
    void theDefaultPolicyGivesHigherPrioritiesShorterTargetsAndIsEditableData() {
        var policy = as(Tokens.admin("admin-u")).get("/api/v1/sla-policies").then().statusCode(200)
                .extract().jsonPath();
        String base = "find { it.id == 'default' }";
        Duration urgent = Duration.parse(policy.getString(base + ".targets.URGENT.firstResponse"));
        Duration high = Duration.parse(policy.getString(base + ".targets.HIGH.firstResponse"));
        Duration normal = Duration.parse(policy.getString(base + ".targets.NORMAL.firstResponse"));
        assertTrue(urgent.compareTo(high) < 0 && high.compareTo(normal) < 0,
                "urgent < high < normal first-response targets, got " + urgent + ", " + high + ", " + normal);
        assertEquals(Duration.ofHours(24), normal, "the configured default stays the target of NORMAL tickets");

        String ticket = post(contact("SOCIAL", "El jarrón ha llegado roto"), "HIGH");
        Instant due = Instant.parse(as(agent()).get("/api/v1/tickets/" + ticket).then().statusCode(200)
                .extract().path("ticket.firstResponseDueAt"));
        assertTrue(Duration.between(Instant.now(), due).compareTo(high.plusMinutes(1)) < 0,
                "a HIGH ticket is due within the HIGH target: " + due);
    }

    @Test
    void theDefaultPolicysPerPriorityTargetsAreEditedThroughTheAdminApi() {
        RequestSpecification admin = as(Tokens.admin("admin-u"));
        Map<String, Object> policy = new HashMap<>();
        policy.put("hours", Map.of("MONDAY", List.of(0, 1440), "TUESDAY", List.of(0, 1440), "WEDNESDAY", List.of(0, 1440),
                "THURSDAY", List.of(0, 1440), "FRIDAY", List.of(0, 1440), "SATURDAY", List.of(0, 1440), "SUNDAY", List.of(0, 1440)));
        policy.put("holidays", List.of());
        policy.put("priorityTargets", Map.of("URGENT", Map.of("firstResponseMinutes", 30, "resolutionMinutes", 240),
                "HIGH", Map.of("firstResponseMinutes", 90)));
        try {
            admin.body(policy).put("/api/v1/sla-policies/default").then().statusCode(200)
                    .body("firstResponseMinutes", nullValue())
                    .body("targets.URGENT.firstResponse", equalTo("PT30M"))
                    .body("targets.HIGH.firstResponse", equalTo("PT1H30M"))
                    .body("targets.HIGH.resolution", equalTo("PT72H"))
                    .body("targets.LOW.firstResponse", equalTo("PT24H"));
            policy.put("priorityTargets", Map.of("HIGH", Map.of("firstResponseMinutes", 90, "resolutionMinutes", 60)));
            admin.body(policy).put("/api/v1/sla-policies/default").then().statusCode(400)
                    .body("errors.field", org.hamcrest.Matchers.hasItem("priorityTargets.HIGH.resolutionMinutes"));
        } finally {
            policy.put("priorityTargets", Map.of("URGENT", Map.of("firstResponseMinutes", 120, "resolutionMinutes", 480),
                    "HIGH", Map.of("firstResponseMinutes", 480, "resolutionMinutes", 1440)));
            admin.body(policy).put("/api/v1/sla-policies/default").then().statusCode(200);
        }
    }

    @Test
    void theListShowsTheMostUrgentFirstThenTheNearestDueTimeWithStablePages() {
        String team = "urg-" + id("t").substring(2, 10).toLowerCase();
        RequestSpecification admin = as(Tokens.admin("admin-u"));
        admin.body(Map.of("name", "Urgencias", "partner", false, "agentCap", 5)).put("/api/v1/teams/" + team)
                .then().statusCode(200);
        // a team without agents keeps its tickets in its queue; two reasons are routed to it for this test
        admin.body(Map.of("teamId", team)).put("/api/v1/routing-rules/DAMAGED_ITEM").then().statusCode(200);
        admin.body(Map.of("teamId", team)).put("/api/v1/routing-rules/PRODUCT_QUESTION").then().statusCode(200);
        try {
            Instant start = Instant.now().minus(Duration.ofHours(3));
            clock.set(start);
            String olderNormal = post(contact("EMAIL", "¿Cómo funciona el montaje de la mesa?"), "NORMAL");
            clock.set(start.plus(Duration.ofMinutes(10)));
            String newerNormal = post(contact("EMAIL", "¿Cómo funciona el montaje de la silla?"), "NORMAL");
            clock.set(start.plus(Duration.ofMinutes(20)));
            String high = post(contact("SOCIAL", "La lámpara ha llegado rota"), "HIGH");
            clock.reset();

            List<String> order = new ArrayList<>();
            for (int page = 0; page < 3; page++) {
                order.addAll(as(agent()).queryParam("teamId", team).queryParam("size", 1).queryParam("page", page)
                        .get("/api/v1/tickets").then().statusCode(200).body("total", equalTo(3))
                        .extract().<List<String>>path("items.id"));
            }
            assertEquals(List.of(high, olderNormal, newerNormal), order,
                    "the HIGH ticket first, then the NORMAL one due first, page by page");
        } finally {
            admin.body(Map.of("teamId", "in-house")).put("/api/v1/routing-rules/DAMAGED_ITEM").then().statusCode(200);
            admin.body(Map.of("teamId", "in-house")).put("/api/v1/routing-rules/PRODUCT_QUESTION").then().statusCode(200);
        }
    }

    @Test
    void anAgentWithRoomIsHandedTheMostUrgentWaitingTicketNotTheOldest() {
        String team = "hand-" + id("t").substring(2, 10).toLowerCase();
        RequestSpecification admin = as(Tokens.admin("admin-u"));
        admin.body(Map.of("name", "Reparto", "partner", false, "agentCap", 1)).put("/api/v1/teams/" + team)
                .then().statusCode(200);
        admin.body(Map.of("teamId", team)).put("/api/v1/routing-rules/DAMAGED_ITEM").then().statusCode(200);
        admin.body(Map.of("teamId", team)).put("/api/v1/routing-rules/PRODUCT_QUESTION").then().statusCode(200);
        try {
            String oldest = post(contact("EMAIL", "¿Cómo funciona el montaje del armario?"), "NORMAL");
            String urgent = post(contact("SOCIAL", "El espejo ha llegado roto"), "HIGH");
            String agentId = team + "-ana";
            admin.body(Map.of("teamId", team, "name", "Ana", "available", true)).put("/api/v1/agents/" + agentId)
                    .then().statusCode(200);
            as(agent()).get("/api/v1/tickets/" + urgent).then().body("ticket.agentId", equalTo(agentId));
            as(agent()).get("/api/v1/tickets/" + oldest).then().body("ticket.agentId", nullValue());
        } finally {
            admin.body(Map.of("teamId", "in-house")).put("/api/v1/routing-rules/DAMAGED_ITEM").then().statusCode(200);
            admin.body(Map.of("teamId", "in-house")).put("/api/v1/routing-rules/PRODUCT_QUESTION").then().statusCode(200);
        }
    }
}
