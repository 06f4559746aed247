package io.postventa.ticket.api;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

import io.postventa.events.EventJson;
import io.postventa.events.EventType;
import io.postventa.events.common.OrderStatus;
import io.postventa.testing.PostventaTestResource;
import io.postventa.testing.Tokens;
import io.postventa.ticket.TicketTestSupport;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;

/** Texts are data (bundles per language, Portuguese included), IVR options are checked, replies name their channel. */
@QuarkusTest
@QuarkusTestResource(value = PostventaTestResource.class, initArgs = @ResourceArg(name = "database", value = "tickets"))
class LanguagesAndIvrTest extends TicketTestSupport {

    private static RequestSpecification as(String token) {
        return given().header("Authorization", Tokens.bearer(token)).contentType(ContentType.JSON);
    }

    private static Map<String, Object> contact(String channel, String orderId, String message) {
        Map<String, Object> body = new HashMap<>();
        body.put("channel", channel);
        body.put("orderId", orderId);
        body.put("message", message);
        return body;
    }

    @Test
    void anIvrOptionThatIsNotOnTheMenuIsRefusedNamingTheFieldAndReopensNothing() {
        String customer = id("cust");
        String orderId = id("ORD");
        send(EventType.ORDER_STATUS_CHANGED, orderId, order(orderId, customer, OrderStatus.IN_TRANSIT, "20", 1, "Cojín"));
        awaitOrderKnown(orderId, "IN_TRANSIT");
        String ticketId = postContact(Tokens.customer(customer), contact("PHONE", orderId, "¿Dónde está mi pedido?"))
                .statusCode(201).body("status", equalTo("SOLVED")).extract().path("ticketId");

        for (String option : List.of("uno", "7", "12")) {
            Map<String, Object> call = contact("PHONE", orderId, "Llamada de la clienta");
            call.put("customerId", customer);
            call.put("ivrOption", option);
            postContact(Tokens.platform("ivr"), call).statusCode(400)
                    .contentType(containsString("application/problem+json"))
                    .body("errors.field", hasItem("ivrOption"));
        }
        as(agent()).get("/api/v1/tickets/" + ticketId).then().statusCode(200)
                .body("ticket.status", equalTo("SOLVED"))
                .body("ticket.reopenCount", equalTo(0))
                .body("messages.findAll { it.kind == 'CUSTOMER' }.size()", equalTo(1));
        as(agent()).queryParam("orderId", orderId).get("/api/v1/tickets").then().body("total", equalTo(1));

        Map<String, Object> valid = contact("PHONE", orderId, "Llamada de la clienta");
        valid.put("customerId", customer);
        valid.put("ivrOption", "2");
        postContact(Tokens.platform("ivr"), valid).statusCode(201).body("reason", equalTo("RETURN_REQUEST"))
                .body("reasonSource", equalTo("IVR")).body("joinedExistingTicket", equalTo(true));
    }

    @Test
    void theIvrMenuIsReadInTheCallersLanguage() {
        as(Tokens.platform("ivr")).queryParam("language", "pt").get("/api/v1/ivr-menu").then().statusCode(200)
                .body("greeting", equalTo("Olá, obrigado por ligar. Escolha uma opção."))
                .body("options.find { it.option == '1' }.reason", equalTo("WHERE_IS_MY_ORDER"))
                .body("options.find { it.option == '1' }.prompt",
                        equalTo("Para saber onde está a sua encomenda, prima 1."));
        as(Tokens.platform("ivr")).queryParam("language", "de").get("/api/v1/ivr-menu").then().statusCode(400)
                .body("errors.field", hasItem("language"));
        as(Tokens.customer(id("cust"))).get("/api/v1/ivr-menu").then().statusCode(403);
    }

    @Test
    void aPortugueseCustomerIsAnsweredInPortugueseOnTheChannelTheyWroteFrom() {
        String customer = id("cust");
        String orderId = id("ORD");
        send(EventType.ORDER_STATUS_CHANGED, orderId, order(orderId, customer, OrderStatus.IN_TRANSIT, "35", 1, "Manta"));
        awaitOrderKnown(orderId, "IN_TRANSIT");

        String ticketId = postContact(Tokens.customer(customer),
                contact("WHATSAPP", orderId, "Olá, onde está a minha encomenda? Ainda não chegou"))
                .statusCode(201)
                .body("reason", equalTo("WHERE_IS_MY_ORDER"))
                .body("autoReply", containsString("a sua encomenda " + orderId + " está a caminho"))
                .body("autoReply", containsString("10 de dezembro de 2026"))
                .body("autoReply", containsString("https://tracking.example/" + orderId))
                .body("acknowledgement", nullValue())
                .extract().path("ticketId");
        JsonNode replied = EventJson.readTree(awaitEvents(ticketId, EventType.TICKET_REPLIED, 1).get(0).value());
        assertEquals("WHATSAPP", replied.get("channel").asText(), "answered on the channel the customer wrote from");
        assertEquals("pt", replied.get("language").asText());
        assertEquals(true, replied.get("automatic").asBoolean());
        as(agent()).get("/api/v1/tickets/" + ticketId).then()
                .body("messages.find { it.kind == 'AUTO_REPLY' }.channel", equalTo("WHATSAPP"));

        // the customer writes again by SMS: the agent's reply goes out by SMS
        given().header("Authorization", Tokens.bearer(Tokens.customer(customer))).contentType(ContentType.JSON)
                .body(contact("SMS", orderId, "Ainda não chegou, continua parada no armazém")).post("/api/v1/contacts").then()
                .statusCode(201).body("joinedExistingTicket", equalTo(true))
                .body("acknowledgement", equalTo("Recebemos a sua mensagem. Responderemos no prazo de 24 horas."));
        as(agent()).body(Map.of("body", "Vamos verificar com a transportadora.")).post("/api/v1/tickets/" + ticketId + "/messages")
                .then().statusCode(201).body("channel", equalTo("SMS"));
        JsonNode agentReply = EventJson.readTree(awaitEvents(ticketId, EventType.TICKET_REPLIED, 2).get(1).value());
        assertEquals("SMS", agentReply.get("channel").asText());
    }

    @Test
    void aProcedureRepliesInPortugueseWhenItHasAPortugueseReply() {
        String procedure = "pt-" + id("p").substring(2, 10).toLowerCase();
        as(Tokens.admin("admin-l")).body(Map.of("reason", "WRONG_ITEM", "name", "Artigo errado",
                "steps", List.of("Confirmar o artigo"), "replies", Map.of(
                        "es", "Sentimos el error con tu pedido {{orderId}}.",
                        "pt", "Lamentamos o erro com a sua encomenda {{orderId}}, que {{status}}.")))
                .put("/api/v1/procedures/" + procedure).then().statusCode(200)
                .body("replies.pt", containsString("Lamentamos"))
                .body("replyEs", equalTo("Sentimos el error con tu pedido {{orderId}}."));
        as(Tokens.admin("admin-l")).body(Map.of("reason", "WRONG_ITEM", "name", "x", "steps", List.of("a"),
                "replies", Map.of("de", "Hallo"))).put("/api/v1/procedures/" + procedure + "-de").then().statusCode(400)
                .body("errors.field", hasItem("replies.de"));

        String customer = id("cust");
        String orderId = id("ORD");
        send(EventType.ORDER_STATUS_CHANGED, orderId, order(orderId, customer, OrderStatus.DELIVERED, "35", 1, "Manta"));
        awaitOrderKnown(orderId, "DELIVERED");
        String ticketId = postContact(Tokens.customer(customer), contact("EMAIL", orderId,
                "Enviaram-me o artigo errado, não é o que encomendei")).statusCode(201)
                .body("reason", equalTo("WRONG_ITEM"))
                .body("acknowledgement", containsString("Recebemos a sua mensagem")).extract().path("ticketId");
        as(agent()).body(Map.of("procedureId", procedure)).post("/api/v1/tickets/" + ticketId + "/procedure").then()
                .statusCode(201).body("body", equalTo("Lamentamos o erro com a sua encomenda " + orderId
                        + ", que consta como entregue."));
        as(agent()).body(Map.of("procedureId", procedure, "language", "en")).post("/api/v1/tickets/" + ticketId + "/procedure")
                .then().statusCode(400).body("errors.field", hasItem("language"));
    }
}
