package io.postventa.ticket.api;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.sql.Connection;
import java.sql.Statement;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

import io.postventa.events.EventJson;
import io.postventa.events.EventType;

import io.postventa.testing.PostventaTestResource;
import io.postventa.testing.Tokens;
import io.postventa.ticket.TicketTestSupport;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import jakarta.inject.Inject;
import javax.sql.DataSource;

@QuarkusTest
@QuarkusTestResource(value = PostventaTestResource.class, initArgs = @ResourceArg(name = "database", value = "tickets"))
class TeamsAndPartnersTest extends TicketTestSupport {

    @Inject
    DataSource dataSource;

    private static RequestSpecification as(String token) {
        return given().header("Authorization", Tokens.bearer(token)).contentType(ContentType.JSON);
    }

    private static RequestSpecification admin() {
        return as(Tokens.admin("admin-1"));
    }

    private static String contact(String reason, String email, String message) {
        Map<String, Object> body = new HashMap<>();
        body.put("channel", "EMAIL");
        body.put("email", email);
        body.put("phone", "+34600111222");
        body.put("message", message);
        return as(Tokens.platform("shop")).body(body).post("/api/v1/contacts").then().statusCode(201)
                .body("reason", equalTo(reason)).extract().path("ticketId");
    }

    @Test
    void ticketsAreRoutedByReasonAndHandedRoundRobinUpToEachAgentsCap() {
        String team = "rr-" + id("t").substring(2, 12).toLowerCase();
        admin().body(Map.of("name", "Facturación", "partner", false, "agentCap", 1)).put("/api/v1/teams/" + team)
                .then().statusCode(200);
        String a = team + "-a";
        String b = team + "-b";
        String away = team + "-c";
        admin().body(Map.of("teamId", team, "name", "Ana", "available", true)).put("/api/v1/agents/" + a).then().statusCode(200);
        admin().body(Map.of("teamId", team, "name", "Bea", "available", true)).put("/api/v1/agents/" + b).then().statusCode(200);
        admin().body(Map.of("teamId", team, "name", "Carla", "available", false)).put("/api/v1/agents/" + away).then().statusCode(200);
        admin().body(Map.of("teamId", team)).put("/api/v1/routing-rules/INVOICE_COPY").then().statusCode(200)
                .body("INVOICE_COPY", equalTo(team));

        String first = contact("INVOICE_COPY", id("c") + "@example.com", "Necesito una copia de la factura");
        String second = contact("INVOICE_COPY", id("c") + "@example.com", "Necesito una copia de la factura");
        String third = contact("INVOICE_COPY", id("c") + "@example.com", "Necesito una copia de la factura");
        String agent = agent();
        as(agent).get("/api/v1/tickets/" + first).then().body("ticket.teamId", equalTo(team)).body("ticket.agentId", equalTo(a));
        as(agent).get("/api/v1/tickets/" + second).then().body("ticket.agentId", equalTo(b));
        as(agent).get("/api/v1/tickets/" + third).then().body("ticket.agentId", nullValue()); // both at the cap, Carla away

        // Carla comes back: the queued ticket goes to her
        admin().body(Map.of("teamId", team, "name", "Carla", "available", true)).put("/api/v1/agents/" + away).then().statusCode(200);
        as(agent).get("/api/v1/tickets/" + third).then().body("ticket.agentId", equalTo(away));
        as(agent).queryParam("teamId", team).queryParam("size", 2).get("/api/v1/tickets").then().statusCode(200)
                .body("total", equalTo(3)).body("items.size()", equalTo(2));

        // the rule is data: an unknown reason or team is refused naming the field
        admin().body(Map.of("teamId", "nobody")).put("/api/v1/routing-rules/INVOICE_COPY").then().statusCode(400)
                .body("errors.field", hasItem("teamId"));
        admin().body(Map.of("teamId", team)).put("/api/v1/routing-rules/NOISE").then().statusCode(400)
                .body("errors.field", hasItem("reason"));
        as(agent).body(Map.of("teamId", team)).put("/api/v1/routing-rules/INVOICE_COPY").then().statusCode(403);
    }

    @Test
    void routingChangedOutsideTheApiRoutesTheNextContact() throws Exception {
        // the rules are kept in memory between contacts; a change made by another instance, a migration or plain
        // SQL must still route the very next contact
        String first = "rt-" + id("t").substring(2, 12).toLowerCase();
        String second = "rt-" + id("t").substring(2, 12).toLowerCase();
        for (String team : List.of(first, second)) {
            admin().body(Map.of("name", "Direcciones", "partner", false, "agentCap", 5)).put("/api/v1/teams/" + team)
                    .then().statusCode(200);
        }
        String text = "¿Podéis cambiar la dirección de entrega? Me he equivocado de código postal";
        admin().body(Map.of("teamId", first)).put("/api/v1/routing-rules/CHANGE_ADDRESS").then().statusCode(200);
        try {
            String before = contact("CHANGE_ADDRESS", id("c") + "@example.com", text);
            as(agent()).get("/api/v1/tickets/" + before).then().body("ticket.teamId", equalTo(first));

            try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
                s.executeUpdate("update routing_rule set team_id = '" + second + "' where reason = 'CHANGE_ADDRESS'");
            }
            String after = contact("CHANGE_ADDRESS", id("c") + "@example.com", text);
            as(agent()).get("/api/v1/tickets/" + after).then().body("ticket.teamId", equalTo(second));

            try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
                s.executeUpdate("delete from routing_rule where reason = 'CHANGE_ADDRESS'");
            }
            String unrouted = contact("CHANGE_ADDRESS", id("c") + "@example.com", text);
            as(agent()).get("/api/v1/tickets/" + unrouted).then().body("ticket.teamId", equalTo("in-house"));
        } finally {
            try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
                s.executeUpdate("delete from routing_rule where reason = 'CHANGE_ADDRESS'");
            }
        }
    }

    @Test
    void aPartnerAgentSeesOnlyItsTeamsTicketsWithContactAndPaymentDataMasked() {
        String team = "partner-" + id("t").substring(2, 10).toLowerCase();
        admin().body(Map.of("name", "Contact centre", "partner", true, "agentCap", 50)).put("/api/v1/teams/" + team)
                .then().statusCode(200);
        admin().body(Map.of("teamId", team)).put("/api/v1/routing-rules/MISSING_PARTS").then().statusCode(200);
        String email = id("maria") + "@example.com";
        String ours = contact("MISSING_PARTS", email,
                "Faltan piezas. Podéis devolverme el dinero a la tarjeta 4111 1111 1111 1111 o llamarme al +34 600 111 222");
        String theirs = contact("DAMAGED_ITEM", id("c") + "@example.com", "Ha llegado roto");

        String partner = Tokens.partnerAgent(id("pa"), team);
        as(partner).get("/api/v1/tickets/" + ours).then().statusCode(200)
                .body("ticket.email", equalTo("m***@example.com"))
                .body("ticket.phone", equalTo("*********222"))
                .body("messages[0].body", not(containsString("4111")))
                .body("messages[0].body", not(containsString("600 111")))
                .body("messages[0].body", containsString("[payment data hidden]"));
        as(partner).get("/api/v1/tickets").then().statusCode(200)
                .body("items.teamId", everyItem(equalTo(team)))
                .body("items.id", hasItem(ours));
        as(partner).get("/api/v1/tickets/" + theirs).then().statusCode(404)
                .contentType("application/problem+json");
        as(partner).body(Map.of("body", "hola", "internal", false)).post("/api/v1/tickets/" + theirs + "/messages")
                .then().statusCode(404);
        as(partner).get("/api/v1/tickets/export").then().statusCode(403);
        as(partner).contentType("application/json").body(java.util.Map.of("q", email)).post("/api/v1/customers/search").then().statusCode(403);
        // another partner team does not see it either
        as(Tokens.partnerAgent(id("pa"), "another-team")).get("/api/v1/tickets/" + ours).then().statusCode(404);
        // in-house agents see the real data and can export
        as(agent()).get("/api/v1/tickets/" + ours).then().body("ticket.email", equalTo(email));
        as(agent()).get("/api/v1/tickets/export").then().statusCode(200).body(containsString(ours));
    }

    @Test
    void mergingMovesTheConversationAndClosesTheDuplicate() {
        String customer = id("cust");
        String target = as(Tokens.customer(customer)).body(Map.of("channel", "EMAIL", "message", "Necesito la factura"))
                .post("/api/v1/contacts").then().statusCode(201).extract().path("ticketId");
        String duplicate = as(Tokens.customer(customer)).body(Map.of("channel", "CHAT", "message", "Hola, ¿y mi factura?"))
                .post("/api/v1/contacts").then().statusCode(201).extract().path("ticketId");
        String agent = agent();
        as(agent).body(Map.of("sourceTicketId", duplicate)).post("/api/v1/tickets/" + target + "/merge").then()
                .statusCode(200)
                .body("messages.findAll { it.kind == 'CUSTOMER' }.size()", equalTo(2))
                .body("messages.body", hasItem(containsString("merged ticket " + duplicate)));
        as(agent).get("/api/v1/tickets/" + duplicate).then().body("ticket.status", equalTo("CLOSED"))
                .body("ticket.mergedInto", equalTo(target)).body("messages.size()", equalTo(0));
        // merged twice, into itself, or across customers: refused
        as(agent).body(Map.of("sourceTicketId", duplicate)).post("/api/v1/tickets/" + target + "/merge").then()
                .statusCode(409);
        as(agent).body(Map.of("sourceTicketId", target)).post("/api/v1/tickets/" + target + "/merge").then()
                .statusCode(400).body("errors.field", hasItem("sourceTicketId"));
        String other = as(Tokens.customer(id("cust"))).body(Map.of("channel", "EMAIL", "message", "Factura"))
                .post("/api/v1/contacts").then().statusCode(201).extract().path("ticketId");
        as(agent).body(Map.of("sourceTicketId", other)).post("/api/v1/tickets/" + target + "/merge").then()
                .statusCode(422);
        as(Tokens.customer(customer)).body(Map.of("sourceTicketId", duplicate)).post("/api/v1/tickets/" + target + "/merge")
                .then().statusCode(403);
        JsonNode merged = EventJson.readTree(awaitEvents(duplicate, EventType.TICKET_MERGED, 1).get(0).value());
        assertEquals(target, merged.get("mergedInto").asText(), "reports learn that the duplicate now lives on in the target");
        assertEquals(customer, merged.get("customerId").asText());
        assertEquals(1, countEvents(duplicate, EventType.TICKET_MERGED), "the refused second merge publishes nothing");
    }

    @Test
    void anAgentCorrectsTheReasonAndTheStatusFollowsTheLifecycle() {
        String ticket = as(Tokens.customer(id("cust"))).body(Map.of("channel", "EMAIL", "message", "Hola buenas"))
                .post("/api/v1/contacts").then().statusCode(201).body("reason", equalTo("OTHER"))
                .body("priority", equalTo("LOW")).extract().path("ticketId");
        String agent = agent();
        as(agent).body(Map.of("reason", "WRONG_ITEM")).put("/api/v1/tickets/" + ticket + "/reason").then()
                .statusCode(200).body("reason", equalTo("WRONG_ITEM")).body("reasonSource", equalTo("AGENT"))
                .body("priority", equalTo("HIGH"));
        as(agent).body(Map.of("reason", "NOISE")).put("/api/v1/tickets/" + ticket + "/reason").then()
                .statusCode(400).body("errors.field", hasItem("reason"));
        JsonNode changed = EventJson.readTree(awaitEvents(ticket, EventType.TICKET_REASON_CHANGED, 1).get(0).value());
        assertEquals("OTHER", changed.get("previousReason").asText());
        assertEquals("WRONG_ITEM", changed.get("reason").asText());
        assertEquals("HIGH", changed.get("priority").asText());
        as(agent).body(Map.of("body", "Nota: revisar almacén", "internal", true))
                .post("/api/v1/tickets/" + ticket + "/messages").then().statusCode(201).body("kind", equalTo("INTERNAL_NOTE"));
        as(agent).body(Map.of("status", "SOLVED")).post("/api/v1/tickets/" + ticket + "/status").then()
                .statusCode(200).body("status", equalTo("SOLVED"));
        as(agent).body(Map.of("status", "CLOSED")).post("/api/v1/tickets/" + ticket + "/status").then()
                .statusCode(200);
        as(agent).body(Map.of("status", "OPEN")).post("/api/v1/tickets/" + ticket + "/status").then()
                .statusCode(409).contentType("application/problem+json");
        as(agent).queryParam("status", "LOST").get("/api/v1/tickets").then().statusCode(400)
                .body("errors.field", hasItem("status"));
        as(Tokens.customer(id("cust"))).get("/api/v1/tickets").then().statusCode(403);
    }

    @Test
    void aProcedureFillsItsCannedReplyAndIsRecordedOnTheTicket() {
        String procedure = "wrong-item-" + id("p").substring(2, 10).toLowerCase();
        admin().body(Map.of("reason", "WRONG_ITEM", "name", "Producto equivocado",
                "steps", List.of("Pedir foto de la etiqueta", "Emitir etiqueta de devolución"),
                "replyEs", "Sentimos el error con tu pedido {{orderId}}. Te enviamos el correcto hoy.",
                "replyEn", "Sorry about order {{orderId}}. We are sending the right item today."))
                .put("/api/v1/procedures/" + procedure).then().statusCode(200).body("version", equalTo(1));
        admin().body(Map.of("reason", "WRONG_ITEM", "name", "x", "steps", List.of("a"),
                "replyEs", "Tu IBAN {{iban}}", "replyEn", "ok")).put("/api/v1/procedures/" + procedure + "-bad")
                .then().statusCode(400).body("errors.field", hasItem("replyEs"));
        as(agent()).body(Map.of("reason", "WRONG_ITEM", "name", "x", "steps", List.of("a"), "replyEs", "a", "replyEn", "b"))
                .put("/api/v1/procedures/" + procedure).then().statusCode(403);

        String orderId = id("ORD");
        Map<String, Object> body = new HashMap<>(Map.of("channel", "EMAIL", "customerId", id("cust"), "orderId", orderId,
                "message", "You sent me the wrong item, this is not what I ordered"));
        String ticket = as(Tokens.platform("shop")).body(body).post("/api/v1/contacts").then().statusCode(201)
                .body("reason", equalTo("WRONG_ITEM")).extract().path("ticketId");
        as(agent()).body(Map.of("procedureId", procedure)).post("/api/v1/tickets/" + ticket + "/procedure").then()
                .statusCode(201).body("body", equalTo("Sorry about order " + orderId + ". We are sending the right item today."))
                .body("procedureId", equalTo(procedure));
        as(agent()).get("/api/v1/tickets/" + ticket).then().body("ticket.procedureId", equalTo(procedure))
                .body("ticket.firstResponseAt", not(nullValue()));
        as(agent()).body(Map.of("procedureId", "nope")).post("/api/v1/tickets/" + ticket + "/procedure").then()
                .statusCode(400).body("errors.field", hasItem("procedureId"));
    }

    @Test
    void priorityRulesAreVersionedDataValidatedBeforeSaving() {
        admin().body(Map.of("rules", List.of(Map.of("when", "REASON", "value", "NOISE", "points", 5)),
                "normalFrom", 10, "highFrom", 35, "urgentFrom", 60)).put("/api/v1/priority-rules").then()
                .statusCode(400).body("errors.field", hasItem("rules[0].value"));
        admin().body(Map.of("rules", List.of(Map.of("when", "SOMETIMES", "points", 5)),
                "normalFrom", 10, "highFrom", 35, "urgentFrom", 60)).put("/api/v1/priority-rules").then()
                .statusCode(400).contentType("application/problem+json");
        as(agent()).get("/api/v1/priority-rules").then().statusCode(403);
        as(Tokens.manager("m")).get("/api/v1/priority-rules").then().statusCode(200).body("rules.size()", not(equalTo(0)));
    }
}
