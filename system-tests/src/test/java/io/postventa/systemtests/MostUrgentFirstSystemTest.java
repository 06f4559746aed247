package io.postventa.systemtests;

import static io.postventa.devstack.PlatformService.TICKET;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.postventa.testing.Tokens;
import io.restassured.path.json.JsonPath;

/** Issue 27, item 3: the ticket list and the hand-out put the most urgent ticket first. */
class MostUrgentFirstSystemTest extends SystemTest {

    private static String contact(String channel, String message, String priority) {
        Shop.Customer customer = Shop.Customer.fresh("es");
        return Api.as(TICKET, Tokens.platform(Shop.PLATFORM_ID))
                .body(Map.of("channel", channel, "email", customer.email(), "message", message))
                .post("/api/v1/contacts").then().statusCode(201).body("priority", equalTo(priority))
                .extract().path("ticketId");
    }

    /** Routes the two reasons these tests use to {@code team} for the duration of {@code scenario}. */
    private static void withReasonsRoutedTo(String team, int agentCap, Runnable scenario) {
        Api.as(TICKET, Tokens.admin("admin-st")).body(Map.of("name", "Urgent first " + team, "partner", false,
                "agentCap", agentCap)).put("/api/v1/teams/" + team).then().statusCode(200);
        for (String reason : List.of("DAMAGED_ITEM", "PRODUCT_QUESTION")) {
            Api.as(TICKET, Tokens.admin("admin-st")).body(Map.of("teamId", team))
                    .put("/api/v1/routing-rules/" + reason).then().statusCode(200);
        }
        try {
            scenario.run();
        } finally {
            for (String reason : List.of("DAMAGED_ITEM", "PRODUCT_QUESTION")) {
                Api.as(TICKET, Tokens.admin("admin-st")).body(Map.of("teamId", "in-house"))
                        .put("/api/v1/routing-rules/" + reason).then().statusCode(200);
            }
        }
    }

    @Test
    void theTicketListShowsTheHighestPriorityFirstThenTheNearestSlaDueTimeOnStablePages() {
        String team = Shop.id("urg").toLowerCase();
        withReasonsRoutedTo(team, 5, () -> {
            String firstNormal = contact("EMAIL", "¿Cómo funciona el montaje de la mesa?", "NORMAL");
            String secondNormal = contact("EMAIL", "¿Cómo funciona el montaje de la silla?", "NORMAL");
            String high = contact("SOCIAL", "El jarrón ha llegado roto", "HIGH");
            List<String> listed = new ArrayList<>();
            for (int page = 0; page < 3; page++) {
                listed.addAll(Api.asAgent(TICKET).queryParam("teamId", team).queryParam("size", 1)
                        .queryParam("page", page).get("/api/v1/tickets").then().statusCode(200)
                        .body("total", equalTo(3)).extract().<List<String>>path("items.id"));
            }
            assertEquals(List.of(high, firstNormal, secondNormal), listed,
                    "the HIGH ticket first although it is the newest, then the NORMAL ticket due first");
        });
    }

    @Test
    void anAgentWhoBecomesAvailableIsHandedTheMostUrgentWaitingTicketNotTheOldest() {
        String team = Shop.id("hand").toLowerCase();
        withReasonsRoutedTo(team, 1, () -> {
            String oldest = contact("EMAIL", "¿Cómo funciona el montaje del armario?", "NORMAL");
            String urgent = contact("SOCIAL", "El espejo ha llegado roto", "HIGH");
            String agentId = team + "-ana";
            Api.as(TICKET, Tokens.admin("admin-st")).body(Map.of("teamId", team, "name", "Ana", "available", true))
                    .put("/api/v1/agents/" + agentId).then().statusCode(200);
            Api.asAgent(TICKET).get("/api/v1/tickets/" + urgent).then().body("ticket.agentId", equalTo(agentId));
            Api.asAgent(TICKET).get("/api/v1/tickets/" + oldest).then().body("ticket.agentId", nullValue());
        });
    }

    @Test
    void theDefaultSlaPolicyGivesUrgentAndHighTicketsShorterTargetsThanTheMarketplaceDay() {
        JsonPath policies = Api.as(TICKET, Tokens.admin("admin-st")).get("/api/v1/sla-policies").then()
                .statusCode(200).extract().jsonPath();
        Duration urgent = Duration.parse(policies.getString("find { it.id == 'default' }.targets.URGENT.firstResponse"));
        Duration high = Duration.parse(policies.getString("find { it.id == 'default' }.targets.HIGH.firstResponse"));
        assertTrue(urgent.compareTo(high) < 0, "URGENT " + urgent + " before HIGH " + high);
        assertTrue(high.compareTo(Duration.ofHours(24)) < 0, "HIGH " + high + " within the 24 h standard");
        String ticket = contact("SOCIAL", "La lámpara ha llegado rota", "HIGH");
        JsonPath view = Api.asAgent(TICKET).get("/api/v1/tickets/" + ticket).then().statusCode(200).extract().jsonPath();
        Duration promised = Duration.between(java.time.Instant.parse(view.getString("ticket.createdAt")),
                java.time.Instant.parse(view.getString("ticket.firstResponseDueAt")));
        assertEquals(high, promised, "a HIGH ticket is due within the HIGH target of the default policy");
    }
}
