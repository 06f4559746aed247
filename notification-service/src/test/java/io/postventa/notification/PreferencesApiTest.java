package io.postventa.notification;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.nullValue;

import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import io.postventa.testing.PostventaTestResource;
import io.postventa.testing.ProviderStubResource;
import io.postventa.testing.Tokens;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.specification.RequestSpecification;

@QuarkusTest
@QuarkusTestResource(value = PostventaTestResource.class,
        initArgs = @ResourceArg(name = "database", value = "notifications"))
@QuarkusTestResource(ProviderStubResource.class)
class PreferencesApiTest {
    private static final String PATH = "/api/v1/customers/me/preferences";

    private static RequestSpecification as(String token) {
        return given().header("Authorization", Tokens.bearer(token)).contentType("application/json");
    }

    @Test
    void aNewCustomerSeesEveryChannelOnAndNoQuietHours() {
        as(Tokens.customer("CUST-" + UUID.randomUUID())).get(PATH).then().statusCode(200)
                .body("channels.ORDER_UPDATES.EMAIL", equalTo(true))
                .body("channels.SURVEYS.WHATSAPP", equalTo(true))
                .body("quietHours", nullValue());
    }

    @Test
    void aCustomerSavesChannelsQuietHoursAndLanguage() {
        String customer = "CUST-" + UUID.randomUUID();
        as(Tokens.customer(customer)).body(Map.of("language", "en",
                "quietHours", Map.of("start", "22:00", "end", "08:00"),
                "channels", Map.of("SURVEYS", Map.of("EMAIL", false, "SMS", false))))
                .put(PATH).then().statusCode(200).body("version", equalTo(1));
        as(Tokens.customer(customer)).get(PATH).then().statusCode(200)
                .body("language", equalTo("en"))
                .body("quietHours.start", equalTo("22:00")).body("quietHours.end", equalTo("08:00"))
                .body("channels.SURVEYS.EMAIL", equalTo(false)).body("channels.SURVEYS.PUSH", equalTo(true));
    }

    @Test
    void oneCustomersChoicesDoNotTouchAnothers() {
        String mine = "CUST-" + UUID.randomUUID();
        String theirs = "CUST-" + UUID.randomUUID();
        as(Tokens.customer(mine)).body(Map.of("channels", Map.of("ORDER_UPDATES", Map.of("EMAIL", false))))
                .put(PATH).then().statusCode(200);
        as(Tokens.customer(theirs)).get(PATH).then().statusCode(200).body("channels.ORDER_UPDATES.EMAIL", equalTo(true));
    }

    @Test
    void invalidPreferencesAreRefusedNamingEachField() {
        as(Tokens.customer("CUST-" + UUID.randomUUID())).body(Map.of("language", "fr",
                "quietHours", Map.of("start", "25:00", "end", "8am"),
                "channels", Map.of("GOSSIP", Map.of("EMAIL", true), "ORDER_UPDATES", Map.of("FAX", true))))
                .put(PATH).then().statusCode(400).contentType("application/problem+json")
                .body("errors.field", hasItems("language", "quietHours.start", "quietHours.end", "channels.GOSSIP",
                        "channels.ORDER_UPDATES.FAX"));
    }

    @Test
    void unreadableJsonIsA400() {
        as(Tokens.customer("CUST-" + UUID.randomUUID())).body("{\"language\": ").put(PATH).then().statusCode(400);
    }

    @Test
    void onlyCustomersHavePreferencesHere() {
        as(Tokens.agent("agent-1")).get(PATH).then().statusCode(403);
        as(Tokens.admin("admin-1")).body(Map.of()).put(PATH).then().statusCode(403);
        given().get(PATH).then().statusCode(401);
    }
}
