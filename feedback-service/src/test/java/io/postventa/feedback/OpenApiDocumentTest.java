package io.postventa.feedback;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.postventa.testing.PostventaTestResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;

/** Every operation of the issue-31 API is documented: a summary, its responses, and the bearer JWT it needs. */
@QuarkusTest
@QuarkusTestResource(value = PostventaTestResource.class, initArgs = @ResourceArg(name = "database", value = "feedback"))
class OpenApiDocumentTest {
    static final Map<String, List<String>> OPERATIONS = Map.of(
            "/api/v1/kpis/splits", List.of("get"),
            "/api/v1/kpis/variants", List.of("get"),
            "/api/v1/partners", List.of("get"),
            "/api/v1/partners/{teamId}", List.of("get", "put"),
            "/api/v1/partners/{teamId}/scorecard", List.of("get"),
            "/api/v1/alerts", List.of("get"),
            "/api/v1/alerts/recipients", List.of("get"),
            "/api/v1/alerts/recipients/{teamId}", List.of("put"));

    @Test
    @SuppressWarnings("unchecked")
    void everyNewOperationHasASummaryItsResponsesAndTheBearerRequirement() {
        Map<String, Object> paths = given().queryParam("format", "json").get("/q/openapi").then().statusCode(200).extract()
                .jsonPath().getMap("paths");
        OPERATIONS.forEach((path, methods) -> {
            Map<String, Object> item = (Map<String, Object>) paths.get(path);
            assertTrue(item != null, path + " is in the OpenAPI document");
            for (String method : methods) {
                Map<String, Object> op = (Map<String, Object>) item.get(method);
                assertTrue(op != null, method + " " + path + " is documented");
                assertFalse(String.valueOf(op.get("summary")).isBlank(), method + " " + path + " has a summary");
                Map<String, Object> responses = (Map<String, Object>) op.get("responses");
                assertTrue(responses.containsKey("200") && responses.containsKey("401") && responses.containsKey("403"),
                        method + " " + path + " documents 200, 401 and 403: " + responses.keySet());
                List<Map<String, Object>> security = (List<Map<String, Object>>) op.get("security");
                assertTrue(security != null && !security.isEmpty(), method + " " + path + " names its security requirement");
            }
        });
        Map<String, Object> schemes = given().queryParam("format", "json").get("/q/openapi").then().extract().jsonPath()
                .getMap("components.securitySchemes");
        assertEquals(1, schemes.size(), "one security scheme, the bearer JWT: " + schemes);
    }
}
