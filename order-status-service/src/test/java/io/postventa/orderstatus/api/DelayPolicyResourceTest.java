package io.postventa.orderstatus.api;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;

import org.junit.jupiter.api.Test;

import io.postventa.testing.PostventaTestResource;
import io.postventa.testing.Tokens;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.specification.RequestSpecification;

/** The delay rule is data: versioned, validated, changed by admins. */
@QuarkusTest
@QuarkusTestResource(value = PostventaTestResource.class, initArgs = @ResourceArg(name = "database", value = "order_status"))
class DelayPolicyResourceTest {

    private static RequestSpecification as(String token) {
        return given().header("Authorization", Tokens.bearer(token)).contentType("application/json");
    }

    @Test
    void anAdminChangesTheRuleAsANewVersionThatManagersCanRead() {
        int version = as(Tokens.manager("M-1")).get("/api/v1/delay-policy").then().statusCode(200).extract().path("version");
        as(Tokens.admin("ADMIN-1")).body("{\"noScanHours\": 36, \"expectedVersion\": " + version + "}")
                .put("/api/v1/delay-policy")
                .then().statusCode(200).body("version", equalTo(version + 1)).body("changedBy", equalTo("ADMIN-1"));
        as(Tokens.manager("M-1")).get("/api/v1/delay-policy").then().statusCode(200)
                .body("noScanHours", equalTo(36)).body("version", equalTo(version + 1));
        as(Tokens.admin("ADMIN-1")).body("{\"noScanHours\": 48, \"expectedVersion\": " + version + "}")
                .put("/api/v1/delay-policy")
                .then().statusCode(409).contentType("application/problem+json");
        as(Tokens.admin("ADMIN-1")).body("{\"noScanHours\": 48}").put("/api/v1/delay-policy").then().statusCode(200)
                .body("noScanHours", equalTo(48));
    }

    @Test
    void anImpossibleRuleIsRefusedNamingTheField() {
        as(Tokens.admin("ADMIN-1")).body("{\"noScanHours\": 0}").put("/api/v1/delay-policy")
                .then().statusCode(400).contentType("application/problem+json").body("errors[0].field", equalTo("noScanHours"));
        as(Tokens.admin("ADMIN-1")).body("{}").put("/api/v1/delay-policy")
                .then().statusCode(400).body("errors[0].field", equalTo("noScanHours"));
    }

    @Test
    void onlyAdminsChangeItAndCustomersCannotReadIt() {
        as(Tokens.agent("A-1")).body("{\"noScanHours\": 12}").put("/api/v1/delay-policy").then().statusCode(403);
        as(Tokens.manager("M-1")).body("{\"noScanHours\": 12}").put("/api/v1/delay-policy").then().statusCode(403);
        as(Tokens.customer("CUST-1")).get("/api/v1/delay-policy").then().statusCode(403);
    }
}
