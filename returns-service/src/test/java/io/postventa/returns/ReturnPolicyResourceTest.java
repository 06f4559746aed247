package io.postventa.returns;

import static io.postventa.returns.Fixtures.id;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import io.postventa.testing.KafkaTestClient;
import io.postventa.testing.PostventaTestResource;
import io.postventa.testing.Tokens;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

@QuarkusTest
@QuarkusTestResource(value = PostventaTestResource.class,
        initArgs = @ResourceArg(name = "database", value = "returns"))
class ReturnPolicyResourceTest {
    private static KafkaTestClient kafka;

    @BeforeAll
    static void connect() {
        kafka = KafkaTestClient.create();
    }

    @AfterAll
    static void close() {
        kafka.close();
    }

    private static String admin() {
        return Tokens.bearer(Tokens.admin("admin-1"));
    }

    @Test
    void aNewPolicyIsANewVersionAndAppliesToTheNextRequest() {
        Map<String, Object> current = given().header("Authorization", admin()).when().get("/api/v1/return-policy")
                .then().statusCode(200).extract().path("value");
        int version = given().header("Authorization", admin()).when().get("/api/v1/return-policy")
                .then().extract().path("version");
        String customer = id("CUST");
        String order = Fixtures.deliveredOrder(kafka, customer, 2,
                Instant.now().minus(20, ChronoUnit.DAYS).truncatedTo(ChronoUnit.SECONDS),
                new Fixtures.Line("TEE", "apparel", "10", 1));
        try {
            Map<String, Object> shorter = new HashMap<>(current);
            shorter.put("returnWindowDays", 14);
            shorter.put("freeReturnShipping", false);
            shorter.put("returnShippingFee", 3.95);
            given().header("Authorization", admin()).contentType(ContentType.JSON).body(shorter)
                    .when().put("/api/v1/return-policy")
                    .then().statusCode(200).body("version", equalTo(version + 1))
                    .body("createdBy", equalTo("admin-1")).body("value.returnWindowDays", equalTo(14));
            Fixtures.requestReturn(customer, Fixtures.returnBody(order, "TEE", 1, "SIZE_FIT"), null)
                    .then().statusCode(422).body("errors[0].message", containsString("WINDOW_CLOSED"));
        } finally {
            given().header("Authorization", admin()).contentType(ContentType.JSON).body(current)
                    .when().put("/api/v1/return-policy").then().statusCode(200);
        }
        Fixtures.requestReturn(customer, Fixtures.returnBody(order, "TEE", 1, "SIZE_FIT"), null)
                .then().statusCode(201).body("policyVersion", equalTo(version + 2));
    }

    @Test
    void anInvalidPolicyIsRefusedNamingEachField() {
        given().header("Authorization", admin()).contentType(ContentType.JSON)
                .body(Map.of("returnWindowDays", 0, "categoryWindowDays", Map.of("furniture", 99999),
                        "reasons", List.of(), "resolutions", List.of("REFUND"), "freeReturnShipping", true))
                .when().put("/api/v1/return-policy")
                .then().statusCode(400).contentType("application/problem+json")
                .body("errors.field", hasItem("returnWindowDays"))
                .body("errors.field", hasItem("categoryWindowDays.furniture"))
                .body("errors.field", hasItem("reasons"));
        given().header("Authorization", admin()).contentType(ContentType.JSON)
                .body(Map.of("returnWindowDays", 30, "reasons", List.of("BORED"), "resolutions", List.of("REFUND"),
                        "freeReturnShipping", true))
                .when().put("/api/v1/return-policy")
                .then().statusCode(400).body("errors[0].field", equalTo("reasons[0]"));
    }

    @Test
    void onlyAdminsReadOrChangeThePolicy() {
        given().header("Authorization", Tokens.bearer(Tokens.customer(id("CUST")))).when().get("/api/v1/return-policy")
                .then().statusCode(403);
        given().header("Authorization", Tokens.bearer(Tokens.agent("a"))).contentType(ContentType.JSON)
                .body(Map.of("returnWindowDays", 30)).when().put("/api/v1/return-policy").then().statusCode(403);
        given().when().get("/api/v1/return-policy").then().statusCode(401);
    }
}
