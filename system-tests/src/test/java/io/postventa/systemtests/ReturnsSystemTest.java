package io.postventa.systemtests;

import static io.postventa.devstack.PlatformService.ORDER_STATUS;
import static io.postventa.devstack.PlatformService.RETURNS;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThan;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

import io.postventa.events.EventJson;
import io.postventa.events.Topics;
import io.postventa.testing.Mailbox;
import io.postventa.testing.Mailbox.Email;
import io.postventa.testing.Tokens;
import io.postventa.testing.TopicRecorder;

/** Scenario 2: one-button returns, decided by the risk consumer or, when risky, by an agent. */
class ReturnsSystemTest extends SystemTest {
    private static TopicRecorder decisions;

    @BeforeAll
    static void recordDecisions() {
        decisions = kafka.record(Topics.RETURN_DECISIONS);
    }

    @AfterAll
    static void stopRecording() {
        decisions.close();
    }

    @Test
    void aRepeatCustomersCheapItemIsApprovedAtOnceAndTheCustomerGetsTheRma() {
        Shop.Customer customer = Shop.Customer.fresh("es");
        shop.upsert(customer);
        Shop.Order first = shop.order(customer.id()).deliveredAt(daysAgo(60), "MUG-1", "home", "9.90");
        awaitDelivered(customer, first);
        Shop.Order second = shop.order(customer.id()).deliveredAt(daysAgo(4), "TSHIRT-BLU-M", "apparel", "19.90");
        awaitReturnable(customer, second, "TSHIRT-BLU-M");

        String returnId = requestReturn(customer, second, "TSHIRT-BLU-M", "SIZE_FIT");

        JsonNode decision = decisionOf(returnId);
        assertEquals("APPROVED", decision.get("outcome").asText(), "the risk engine approves it: " + decision);
        assertEquals("RISK_ENGINE", decision.get("decidedBy").asText(), "nobody had to look at it: " + decision);
        assertTrue(decision.get("firedRules").toString().contains("repeat-customer"),
                "the repeat-customer rule is among the reasons: " + decision);
        String rma = decision.get("rmaCode").asText();

        Api.asCustomer(RETURNS, customer.id()).get("/api/v1/returns/" + returnId).then().statusCode(200)
                .body("rmaCode", equalTo(rma))
                .body("decision.outcome", equalTo("APPROVED"));
        Email approved = awaitEmail(customer, "Devolución " + returnId + " aprobada");
        assertTrue(approved.body().contains(rma), "the approval e-mail carries the RMA " + rma + ": " + approved.body());
    }

    @Test
    void aRiskyReturnWaitsForAnAgentWhoApprovesItAndTheCustomerIsTold() {
        Shop.Customer customer = Shop.Customer.fresh("es");
        shop.upsert(customer);
        Shop.Order order = shop.order(customer.id()).deliveredAt(daysAgo(5), "PHONE-X", "electronics", "450.00");
        awaitReturnable(customer, order, "PHONE-X");

        String returnId = requestReturn(customer, order, "PHONE-X", "CHANGED_MIND");

        JsonNode decision = decisionOf(returnId);
        assertEquals("REVIEW", decision.get("outcome").asText(), "a new customer's expensive item needs a person: " + decision);
        await("the return waits in review").atMost(WAIT).untilAsserted(() ->
                Api.asCustomer(RETURNS, customer.id()).get("/api/v1/returns/" + returnId).then().statusCode(200)
                        .body("status", equalTo("IN_REVIEW")));
        awaitEmail(customer, "Estamos revisando tu devolución " + returnId);

        Api.as(RETURNS, Tokens.agent("agent-st-7")).body(Map.of("outcome", "APPROVED", "note", "Checked with the customer"))
                .post("/api/v1/returns/" + returnId + "/review")
                .then().statusCode(200)
                .body("decision.decidedBy", equalTo("AGENT"));

        List<ConsumerRecord<String, String>> both = decisions.await(r -> returnId.equals(r.key()), 2, WAIT);
        JsonNode byAgent = EventJson.readTree(both.get(1).value());
        assertEquals("APPROVED", byAgent.get("outcome").asText(), "the agent's decision is published: " + byAgent);
        assertEquals("AGENT", byAgent.get("decidedBy").asText());
        String rma = byAgent.get("rmaCode").asText();
        Email approved = awaitEmail(customer, "Devolución " + returnId + " aprobada");
        assertTrue(approved.body().contains(rma), "the approval e-mail carries the RMA " + rma + ": " + approved.body());
    }

    static Instant daysAgo(int days) {
        return Instant.now().minus(days, ChronoUnit.DAYS).truncatedTo(ChronoUnit.SECONDS);
    }

    static void awaitDelivered(Shop.Customer customer, Shop.Order order) {
        await("order " + order.id() + " shows as delivered").atMost(WAIT).untilAsserted(() ->
                Api.asCustomer(ORDER_STATUS, customer.id()).get("/api/v1/orders/" + order.id()).then().statusCode(200)
                        .body("status", equalTo("DELIVERED")));
    }

    /** Waits until returns-service has learned the delivered order from order-status-service. */
    static void awaitReturnable(Shop.Customer customer, Shop.Order order, String sku) {
        await("order " + order.id() + " can be returned").atMost(WAIT).untilAsserted(() ->
                Api.asCustomer(RETURNS, customer.id()).get("/api/v1/orders/" + order.id() + "/return-eligibility")
                        .then().statusCode(200)
                        .body("delivered", equalTo(true))
                        .body("lines.find { it.sku == '" + sku + "' }.returnable", greaterThan(0)));
    }

    static String requestReturn(Shop.Customer customer, Shop.Order order, String sku, String reason) {
        return Api.asCustomer(RETURNS, customer.id()).header("Idempotency-Key", UUID.randomUUID().toString())
                .body(Map.of("orderId", order.id(), "preferredResolution", "REFUND", "comment", "No me queda bien",
                        "lines", List.of(Map.of("sku", sku, "quantity", 1, "reason", reason))))
                .post("/api/v1/returns")
                .then().statusCode(201).extract().path("returnId");
    }

    private static JsonNode decisionOf(String returnId) {
        return EventJson.readTree(decisions.await(r -> returnId.equals(r.key()), 1, WAIT).get(0).value());
    }

    static Email awaitEmail(Shop.Customer customer, String subject) {
        await("an e-mail \"" + subject + "\" reaches " + customer.email()).atMost(WAIT)
                .until(() -> Mailbox.to(customer.email()).stream().anyMatch(m -> m.subject().equals(subject)));
        return Mailbox.to(customer.email()).stream().filter(m -> m.subject().equals(subject)).findFirst().orElseThrow();
    }
}
