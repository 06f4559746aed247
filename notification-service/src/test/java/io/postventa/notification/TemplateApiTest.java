package io.postventa.notification;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;
import static org.hamcrest.Matchers.hasItem;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.postventa.events.common.NotificationChannel;
import io.postventa.notification.domain.Locales;
import io.postventa.notification.domain.MessageTemplate;
import io.postventa.notification.domain.Trigger;
import io.postventa.notification.service.TemplateService;
import io.postventa.testing.ProviderStubResource;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.inject.Inject;
import io.postventa.testing.PostventaTestResource;
import io.postventa.testing.Tokens;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.specification.RequestSpecification;

@QuarkusTest
@QuarkusTestResource(value = PostventaTestResource.class,
        initArgs = @ResourceArg(name = "database", value = "notifications"))
@QuarkusTestResource(ProviderStubResource.class)
class TemplateApiTest {

    @Inject
    TemplateService templates;

    private static RequestSpecification admin() {
        return given().header("Authorization", Tokens.bearer(Tokens.admin("admin-1"))).contentType("application/json");
    }

    @Test
    void templatesShipInEverySupportedLanguageForEveryOrderTriggerAndChannel() {
        admin().queryParam("size", 200).get("/api/v1/templates").then().statusCode(200)
                .body("total", greaterThanOrEqualTo(70))
                .body("items.id", hasItem("order-delayed.whatsapp.en"))
                .body("items.id", hasItem("order-available-for-pickup.email.es"))
                .body("items.id", hasItem("order-cancelled.sms.pt"));
        admin().queryParam("trigger", "order-shipped").queryParam("channel", "email").get("/api/v1/templates")
                .then().statusCode(200).body("total", equalTo(Locales.SUPPORTED.size()));
        admin().get("/api/v1/templates/order-shipped.email.es").then().statusCode(200)
                .body("kind", equalTo("ORDER_UPDATES")).body("variants.name", equalTo(List.of("A", "B")));
    }

    @Test
    void everyShippedTemplateInEveryLanguageRendersForAFirstSecondThirdAndRepeatPurchase() {
        List<MessageTemplate> all = QuarkusTransaction.requiringNew().call(() -> MessageTemplate.<MessageTemplate>listAll());
        for (Trigger trigger : Trigger.values()) {
            for (String locale : Locales.SUPPORTED) {
                for (NotificationChannel channel : NotificationChannel.values()) {
                    String id = MessageTemplate.idOf(trigger, channel, locale);
                    MessageTemplate template = all.stream().filter(t -> t.id.equals(id)).findFirst()
                            .orElseThrow(() -> new AssertionError("no shipped template " + id));
                    assertEquals(List.of(), templates.validate(trigger, templates.variants(template)),
                            id + " must render against its sample");
                }
            }
        }
    }

    @Test
    void aTemplateThatDoesNotRenderIsRefusedWithTheError() {
        admin().body(Map.of("variants", List.of(Map.of("name", "A", "weight", 100, "subject", "Hola {firstName}",
                        "body", "Tu pedido {orderNumber} {#if}"))))
                .put("/api/v1/templates/order-delivered.sms.es").then().statusCode(400)
                .contentType("application/problem+json")
                .body("errors[0].field", equalTo("variants[0].body"))
                .body("errors[0].message", containsString("does not render"));
        admin().body(Map.of("variants", List.of(Map.of("name", "A", "weight", 0, "subject", "x", "body", "{nope.deeper}"))))
                .put("/api/v1/templates/order-delivered.sms.es").then().statusCode(400)
                .body("errors.field", hasItem("variants[0].weight")).body("errors.field", hasItem("variants[0].body"));
        admin().body(Map.of("variants", List.of())).put("/api/v1/templates/order-delivered.sms.es").then()
                .statusCode(400).body("errors[0].field", equalTo("variants"));
    }

    @Test
    void anAdminUpdatesATemplateAndItsVersionGoesUp() {
        int version = admin().get("/api/v1/templates/order-delayed.push.en").then().statusCode(200)
                .extract().path("version");
        admin().body(Map.of("version", version, "variants", List.of(
                        Map.of("name", "A", "weight", 70, "subject", "Delayed: {orderId}", "body", "Sorry {firstName}, {orderId} is late."),
                        Map.of("name", "B", "weight", 30, "subject", "{orderId} is late", "body", "We're on it, {firstName}."))))
                .put("/api/v1/templates/order-delayed.push.en").then().statusCode(200)
                .body("version", equalTo(version + 1)).body("updatedBy", equalTo("admin-1"));
        admin().body(Map.of("version", version, "variants", List.of(Map.of("name", "A", "weight", 1, "subject", "s", "body", "b"))))
                .put("/api/v1/templates/order-delayed.push.en").then().statusCode(409);
    }

    @Test
    void previewRendersEveryVariantAgainstASampleEvent() {
        admin().body(Map.of("purchaseNumber", 1)).post("/api/v1/templates/order-shipped.email.es/preview").then()
                .statusCode(200).body("size()", equalTo(2))
                .body("[0].subject", equalTo("Tu pedido ORD-SAMPLE está en camino"))
                .body("[0].body", containsString("primera compra"))
                .body("[0].body", containsString("https://postventa.example/preferences"));
        admin().body(Map.of("purchaseNumber", 2, "variants", List.of(Map.of("name", "draft", "weight", 1,
                        "subject", "{orderId}", "body", "{#if secondPurchase}second{/if}"))))
                .post("/api/v1/templates/order-shipped.email.en/preview").then().statusCode(200)
                .body("[0].body", equalTo("second"));
        admin().body(Map.of("purchaseNumber", 0)).post("/api/v1/templates/order-shipped.email.en/preview").then()
                .statusCode(400).body("errors[0].field", equalTo("purchaseNumber"));
        admin().body(Map.of()).post("/api/v1/templates/no-such.email.en/preview").then().statusCode(404);
    }

    @Test
    void onlyAdminsManageTemplates() {
        given().header("Authorization", Tokens.bearer(Tokens.agent("agent-1"))).get("/api/v1/templates").then().statusCode(403);
        given().header("Authorization", Tokens.bearer(Tokens.customer("CUST-1"))).contentType("application/json")
                .body(Map.of()).post("/api/v1/templates/order-shipped.email.es/preview").then().statusCode(403);
        given().get("/api/v1/templates").then().statusCode(401);
    }
}
