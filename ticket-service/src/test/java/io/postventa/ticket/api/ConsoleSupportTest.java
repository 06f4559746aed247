package io.postventa.ticket.api;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.postventa.testing.PostventaTestResource;
import io.postventa.testing.Tokens;
import io.postventa.ticket.TicketTestSupport;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;

/**
 * What the staff console relies on: the list most urgent first with the inbox's filters, "take next", the
 * If-Match on the ticket's updatedAt (a stale page never overwrites), the priority override, and a procedure's reply
 * drafted for the ticket and sent as the agent edited it.
 */
@QuarkusTest
@QuarkusTestResource(value = PostventaTestResource.class, initArgs = @ResourceArg(name = "database", value = "tickets"))
class ConsoleSupportTest extends TicketTestSupport {

    private static RequestSpecification as(String token) {
        return given().header("Authorization", Tokens.bearer(token)).contentType(ContentType.JSON);
    }

    /** A partner team of its own with no agents (its tickets wait), and MODIFY_ORDER contacts routed to it. */
    private static String partnerTeam() {
        String team = "cs-" + id("t").substring(2, 12).toLowerCase();
        as(Tokens.admin("admin-cs")).body(Map.of("name", "Console support", "partner", true, "agentCap", 5))
                .put("/api/v1/teams/" + team).then().statusCode(200);
        as(Tokens.admin("admin-cs")).body(Map.of("teamId", team)).put("/api/v1/routing-rules/MODIFY_ORDER")
                .then().statusCode(200);
        return team;
    }

    private static String phoneContact(String message) {
        return as(Tokens.platform("shop")).body(Map.of("channel", "PHONE", "ivrOption", "4", "email",
                id("c") + "@example.com", "message", message)).post("/api/v1/contacts").then().statusCode(201)
                .body("reason", equalTo("MODIFY_ORDER")).extract().path("ticketId");
    }

    @Test
    void theListPutsHigherPriorityFirstAndTakeNextHandsOutTheMostUrgentOfThePartnersTeam() {
        String team = partnerTeam();
        String older = phoneContact("Quiero cambiar la talla de mi pedido");
        String newer = phoneContact("Quiero cambiar el color de mi pedido");
        as(agent()).body(Map.of("priority", "URGENT")).put("/api/v1/tickets/" + newer + "/priority")
                .then().statusCode(200).body("priority", equalTo("URGENT"));

        as(agent()).queryParam("teamId", team).get("/api/v1/tickets").then().statusCode(200)
                .body("items.id", equalTo(List.of(newer, older)));

        String partner = Tokens.partnerAgent("partner-cs", team);
        as(partner).post("/api/v1/tickets/next").then().statusCode(200).body("id", equalTo(newer))
                .body("agentId", equalTo("partner-cs"));
        as(partner).post("/api/v1/tickets/next").then().statusCode(200).body("id", equalTo(older));
        as(partner).post("/api/v1/tickets/next").then().statusCode(204);
        as(Tokens.customer("c-1")).post("/api/v1/tickets/next").then().statusCode(403);
    }

    @Test
    void theListFiltersByChannelSeveralStatusesBreachAndDueTime() {
        String team = partnerTeam();
        String ticket = phoneContact("Quiero cambiar la dirección de entrega del pedido");
        as(agent()).queryParam("teamId", team).queryParam("channel", "PHONE").queryParam("status", "NEW,OPEN")
                .get("/api/v1/tickets").then().statusCode(200).body("items.id", equalTo(List.of(ticket)));
        as(agent()).queryParam("teamId", team).queryParam("channel", "EMAIL").get("/api/v1/tickets")
                .then().statusCode(200).body("items", hasSize(0));
        as(agent()).queryParam("teamId", team).queryParam("dueBefore", Instant.now().plus(400, ChronoUnit.DAYS).toString())
                .get("/api/v1/tickets").then().statusCode(200).body("items.id", equalTo(List.of(ticket)));
        as(agent()).queryParam("teamId", team).queryParam("dueBefore", Instant.now().minus(1, ChronoUnit.DAYS).toString())
                .get("/api/v1/tickets").then().statusCode(200).body("items", hasSize(0));
        as(agent()).queryParam("teamId", team).queryParam("breached", true).get("/api/v1/tickets")
                .then().statusCode(200).body("items", hasSize(0));
        as(agent()).queryParam("dueBefore", "tomorrow").get("/api/v1/tickets").then().statusCode(400)
                .body("errors[0].field", equalTo("dueBefore"));
        as(agent()).queryParam("status", "OPEN,LATE").get("/api/v1/tickets").then().statusCode(400)
                .body("errors[0].field", equalTo("status"));
    }

    @Test
    void aWriteBasedOnAnEarlierStateOfTheTicketIsRefusedAndChangesNothing() {
        partnerTeam();
        String ticket = phoneContact("Quiero cambiar el método de pago del pedido");
        String seen = as(agent()).get("/api/v1/tickets/" + ticket).then().statusCode(200).extract().path("ticket.updatedAt");
        as(agent()).header("If-Match", seen).body(Map.of("body", "Lo cambiamos ahora mismo", "internal", false))
                .post("/api/v1/tickets/" + ticket + "/messages").then().statusCode(201);
        as(agent()).header("If-Match", seen).body(Map.of("body", "Otra respuesta sobre lo mismo", "internal", false))
                .post("/api/v1/tickets/" + ticket + "/messages").then().statusCode(412)
                .body("detail", containsString("changed"));
        as(agent()).header("If-Match", seen).body(Map.of("status", "SOLVED"))
                .post("/api/v1/tickets/" + ticket + "/status").then().statusCode(412);
        as(agent()).header("If-Match", "yesterday").body(Map.of("status", "SOLVED"))
                .post("/api/v1/tickets/" + ticket + "/status").then().statusCode(400)
                .body("errors[0].field", equalTo("If-Match"));
        List<String> bodies = as(agent()).get("/api/v1/tickets/" + ticket).then().statusCode(200).extract().path("messages.body");
        assertEquals(1, bodies.stream().filter(b -> b.startsWith("Otra respuesta") || b.startsWith("Lo cambiamos")).count(),
                "only the write based on the current version landed: " + bodies);
    }

    @Test
    void aProceduresReplyIsDraftedForTheTicketAndSentAsTheAgentEditedIt() {
        partnerTeam();
        as(Tokens.admin("admin-cs")).body(Map.of("reason", "MODIFY_ORDER", "name", "Cambio de pedido",
                "steps", List.of("Comprobar si ya salió"), "replyEs", "Hemos recibido tu cambio (ticket {{ticketId}}).",
                "replyEn", "We got your change (ticket {{ticketId}}).")).put("/api/v1/procedures/cs-modify").then().statusCode(200);
        String ticket = phoneContact("Quiero cambiar la cantidad de mi pedido");
        as(agent()).get("/api/v1/tickets/" + ticket + "/procedures/cs-modify/draft?language=en").then().statusCode(200)
                .body("language", equalTo("en")).body("body", equalTo("We got your change (ticket " + ticket + ")."));
        as(agent()).get("/api/v1/tickets/" + ticket + "/procedures/nope/draft").then().statusCode(400)
                .body("errors[0].field", equalTo("procedureId"));
        as(agent()).body(Map.of("procedureId", "cs-modify", "language", "en", "body", "We got your change, and a gift."))
                .post("/api/v1/tickets/" + ticket + "/procedure").then().statusCode(201)
                .body("body", equalTo("We got your change, and a gift.")).body("procedureId", equalTo("cs-modify"));
        as(agent()).get("/api/v1/tickets/" + ticket).then().statusCode(200).body("ticket.procedureId", equalTo("cs-modify"));
    }

    @Test
    void theWorkspaceGivesTheTicketWithItsReasonsProcedureAndTheReplyDraftedInOneCallToWhoMaySeeIt() {
        String team = partnerTeam();
        // "0-": first of the reason's procedures by id, the one the workspace suggests
        as(Tokens.admin("admin-cs")).body(Map.of("reason", "MODIFY_ORDER", "name", "Cambio de pedido (espacio)",
                "steps", List.of("Comprobar si ya salió"), "replyEs", "Hemos recibido tu cambio (ticket {{ticketId}}).",
                "replyEn", "We got your change (ticket {{ticketId}}).")).put("/api/v1/procedures/0-cs-workspace")
                .then().statusCode(200);
        try {
            String ticket = phoneContact("Quiero cambiar la dirección de mi pedido");
            var ws = as(agent()).get("/api/v1/tickets/" + ticket + "/workspace?language=en").then().statusCode(200)
                    .body("ticket.id", equalTo(ticket))
                    .body("procedure.id", equalTo("0-cs-workspace")).body("procedure.steps[0]", equalTo("Comprobar si ya salió"))
                    .body("draft.procedureId", equalTo("0-cs-workspace")).extract().jsonPath();
            // the ticket's language first; the one asked for only when the ticket has none
            String language = ws.getString("ticket.language") == null ? "en" : ws.getString("ticket.language");
            assertEquals(language, ws.getString("draft.language"));
            assertEquals(language.equals("en") ? "We got your change (ticket " + ticket + ")."
                    : "Hemos recibido tu cambio (ticket " + ticket + ").", ws.getString("draft.body"));

            as(Tokens.partnerAgent("partner-ws", team)).get("/api/v1/tickets/" + ticket + "/workspace").then()
                    .statusCode(200).body("procedure.id", equalTo("0-cs-workspace"));
            as(Tokens.partnerAgent("partner-other", "another-team")).get("/api/v1/tickets/" + ticket + "/workspace")
                    .then().statusCode(404);
            as(Tokens.customer("c-ws")).get("/api/v1/tickets/" + ticket + "/workspace").then().statusCode(403);
        } finally {
            as(Tokens.admin("admin-cs")).delete("/api/v1/procedures/0-cs-workspace").then().statusCode(204);
        }
    }
}
