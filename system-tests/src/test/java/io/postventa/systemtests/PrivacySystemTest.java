package io.postventa.systemtests;

import static io.postventa.devstack.PlatformService.FEEDBACK;
import static io.postventa.devstack.PlatformService.NOTIFICATION;
import static io.postventa.devstack.PlatformService.ORDER_STATUS;
import static io.postventa.devstack.PlatformService.RETURNS;
import static io.postventa.devstack.PlatformService.TICKET;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

import io.postventa.events.Topics;
import io.postventa.testing.TopicRecorder;

/** Scenario 6: a customer never reads another customer's order, return, preferences, survey or ticket. */
class PrivacySystemTest extends SystemTest {
    private static TopicRecorder feedback;

    @BeforeAll
    static void recordFeedback() {
        feedback = kafka.record(Topics.FEEDBACK);
    }

    @AfterAll
    static void stopRecording() {
        feedback.close();
    }

    @Test
    void anotherCustomerFindsNothingOfTheirs() {
        Shop.Customer owner = Shop.Customer.fresh("es");
        shop.upsert(owner);
        Shop.Order order = shop.order(owner.id())
                .deliveredAt(Instant.now().minus(3, ChronoUnit.HOURS), "TSHIRT-BLU-M", "apparel", "19.90");
        JsonNode invited = FeedbackSystemTest.awaitInvitation(feedback, owner, order);
        String surveyId = invited.get("surveyId").asText();
        Api.anonymous(FEEDBACK).body(Map.of("score", 10, "comment", "Todo perfecto"))
                .post("/api/v1/surveys/" + invited.get("token").asText() + "/answers").then().statusCode(201);
        ReturnsSystemTest.awaitReturnable(owner, order, "TSHIRT-BLU-M");
        String returnId = ReturnsSystemTest.requestReturn(owner, order, "TSHIRT-BLU-M", "SIZE_FIT");
        String ticketId = Api.asCustomer(TICKET, owner.id())
                .body(Map.of("channel", "EMAIL", "orderId", order.id(), "message", "Necesito la factura del pedido"))
                .post("/api/v1/contacts").then().statusCode(201).extract().path("ticketId");
        Api.asCustomer(NOTIFICATION, owner.id()).body(Map.of("language", "en"))
                .put("/api/v1/customers/me/preferences").then().statusCode(200);

        // The owner sees each of them.
        Api.asCustomer(ORDER_STATUS, owner.id()).get("/api/v1/orders/" + order.id()).then().statusCode(200);
        Api.asCustomer(RETURNS, owner.id()).get("/api/v1/returns/" + returnId).then().statusCode(200);
        Api.asCustomer(FEEDBACK, owner.id()).get("/api/v1/answers/" + surveyId).then().statusCode(200);
        Api.asCustomer(TICKET, owner.id()).get("/api/v1/tickets/" + ticketId).then().statusCode(200);
        Api.asCustomer(NOTIFICATION, owner.id()).get("/api/v1/customers/me/preferences").then().statusCode(200)
                .body("language", equalTo("en"));

        // Another customer, with a valid token of their own, is told none of it exists.
        String other = Shop.id("CUST");
        Api.asCustomer(ORDER_STATUS, other).get("/api/v1/orders/" + order.id()).then().statusCode(404);
        Api.asCustomer(RETURNS, other).get("/api/v1/orders/" + order.id() + "/return-eligibility").then().statusCode(404);
        Api.asCustomer(RETURNS, other).get("/api/v1/returns/" + returnId).then().statusCode(404);
        Api.asCustomer(RETURNS, other).get("/api/v1/returns/" + returnId + "/label").then().statusCode(404);
        Api.asCustomer(RETURNS, other).get("/api/v1/customers/" + owner.id() + "/return-history").then().statusCode(404);
        Api.asCustomer(RETURNS, other).header("Idempotency-Key", UUID.randomUUID().toString())
                .body(Map.of("orderId", order.id(), "preferredResolution", "REFUND",
                        "lines", List.of(Map.of("sku", "TSHIRT-BLU-M", "quantity", 1, "reason", "SIZE_FIT"))))
                .post("/api/v1/returns").then().statusCode(404);
        Api.asCustomer(FEEDBACK, other).get("/api/v1/answers/" + surveyId).then().statusCode(404);
        Api.asCustomer(TICKET, other).get("/api/v1/tickets/" + ticketId).then().statusCode(404);
        // Preferences exist only as "mine": the other customer gets their own defaults, and the
        // staff views of someone's notifications are closed to customers.
        Api.asCustomer(NOTIFICATION, other).get("/api/v1/customers/me/preferences").then().statusCode(200)
                .body("language", not(equalTo("en")));
        Api.asCustomer(NOTIFICATION, other).get("/api/v1/customers/" + owner.id() + "/notifications").then().statusCode(403);
        Api.asCustomer(NOTIFICATION, other).get("/api/v1/orders/" + order.id() + "/notifications").then().statusCode(403);
    }
}
