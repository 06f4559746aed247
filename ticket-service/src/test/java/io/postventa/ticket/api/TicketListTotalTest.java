package io.postventa.ticket.api;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import java.util.HashMap;
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

/** The list's total: the matching tickets counted up to a limit, and said to be more when more match. */
@QuarkusTest
@QuarkusTestResource(value = PostventaTestResource.class, initArgs = @ResourceArg(name = "database", value = "tickets"))
class TicketListTotalTest extends TicketTestSupport {
    private static final String ACTIVE = "NEW,OPEN,PENDING_CUSTOMER,ON_HOLD";

    private static RequestSpecification as(String token) {
        return given().header("Authorization", Tokens.bearer(token)).contentType(ContentType.JSON);
    }

    @Test
    void theTotalCountsUpToTheLimitAndSaysWhenMoreTicketsMatch() {
        String team = "cnt-" + id("t").substring(2, 10).toLowerCase();
        RequestSpecification admin = as(Tokens.admin("admin-c"));
        admin.body(Map.of("name", "Recuento", "partner", false, "agentCap", 5)).put("/api/v1/teams/" + team)
                .then().statusCode(200);
        // a team without agents keeps its tickets waiting; one reason is routed to it for this test
        admin.body(Map.of("teamId", team)).put("/api/v1/routing-rules/PRODUCT_QUESTION").then().statusCode(200);
        try {
            for (String thing : new String[] {"mesa", "silla", "lámpara"}) {
                Map<String, Object> contact = new HashMap<>();
                contact.put("channel", "EMAIL");
                contact.put("email", id("c") + "@example.com");
                contact.put("message", "¿Cómo funciona el montaje de la " + thing + "?");
                as(Tokens.platform("shop")).body(contact).post("/api/v1/contacts").then().statusCode(201);
            }

            as(agent()).queryParam("teamId", team).queryParam("status", ACTIVE).queryParam("countLimit", 2)
                    .get("/api/v1/tickets").then().statusCode(200)
                    .body("total", equalTo(2)).body("totalCapped", equalTo(true)).body("items.size()", equalTo(3));
            as(agent()).queryParam("teamId", team).queryParam("status", ACTIVE).queryParam("countLimit", 3)
                    .get("/api/v1/tickets").then().statusCode(200)
                    .body("total", equalTo(3)).body("totalCapped", equalTo(false));
            as(agent()).queryParam("teamId", team).queryParam("status", ACTIVE).queryParam("size", 1)
                    .get("/api/v1/tickets").then().statusCode(200)
                    .body("total", equalTo(3)).body("totalCapped", equalTo(false)).body("items.size()", equalTo(1));
        } finally {
            admin.body(Map.of("teamId", "in-house")).put("/api/v1/routing-rules/PRODUCT_QUESTION").then().statusCode(200);
        }
    }

    @Test
    void aCountLimitOutsideOneToTenThousandIsRefusedNamingIt() {
        for (int limit : new int[] {0, 10_001}) {
            as(agent()).queryParam("countLimit", limit).get("/api/v1/tickets").then().statusCode(400)
                    .body("errors.field", hasItem("countLimit"));
        }
    }
}
