package io.postventa.returns;

import static io.postventa.returns.Fixtures.id;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import javax.sql.DataSource;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.rendering.PDFRenderer;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.google.zxing.BinaryBitmap;
import com.google.zxing.RGBLuminanceSource;
import com.google.zxing.common.HybridBinarizer;
import com.google.zxing.qrcode.QRCodeReader;

import io.postventa.events.EventJson;
import io.postventa.events.EventType;
import io.postventa.events.Topics;
import io.postventa.returns.service.ShipmentService;
import io.postventa.testing.KafkaTestClient;
import io.postventa.testing.MovableClock;
import io.postventa.testing.PostventaTestResource;
import io.postventa.testing.Tokens;
import io.postventa.testing.TopicRecorder;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;

/** The risk consumer over the real broker: decisions, review, rule changes, backtest, replay, labels, shipment. */
@QuarkusTest
@QuarkusTestResource(value = PostventaTestResource.class,
        initArgs = @ResourceArg(name = "database", value = "returns"))
class RiskConsumerTest {
    private static KafkaTestClient kafka;
    private static TopicRecorder decisions;
    private static TopicRecorder requests;

    @Inject
    DataSource dataSource;
    @Inject
    MovableClock clock;
    @Inject
    ShipmentService shipments;

    @BeforeAll
    static void connect() {
        kafka = KafkaTestClient.create();
        decisions = kafka.record(Topics.RETURN_DECISIONS);
        requests = kafka.record(Topics.RETURN_REQUESTS);
    }

    @AfterAll
    static void close() {
        kafka.close();
    }

    private static Instant daysAgo(int days) {
        return Instant.now().minus(days, ChronoUnit.DAYS).truncatedTo(ChronoUnit.SECONDS);
    }

    private static JsonNode decisionOf(String returnId) {
        return EventJson.readTree(decisions.await(r -> returnId.equals(r.key()), 1, Fixtures.WAIT).get(0).value());
    }

    private static String admin() {
        return Tokens.bearer(Tokens.admin("admin-1"));
    }

    /** A cheap apparel return from a customer on their third purchase with no returns. */
    private static String cheapReturnFromRepeatCustomer() {
        String customer = id("CUST");
        String order = Fixtures.deliveredOrder(kafka, customer, 3, daysAgo(4), new Fixtures.Line("TEE", "apparel", "19.90", 1));
        return Fixtures.returnOf(customer, order, "TEE", 1, "SIZE_FIT") + " " + customer;
    }

    @Test
    void aCheapItemFromARepeatCustomerWithinTheWindowIsApprovedWithReasonsAndALabel() throws Exception {
        String[] made = cheapReturnFromRepeatCustomer().split(" ");
        String returnId = made[0];
        String customer = made[1];
        JsonNode decided = decisionOf(returnId);
        assertEquals("APPROVED", decided.get("outcome").asText());
        assertEquals("RISK_ENGINE", decided.get("decidedBy").asText());
        assertEquals("repeat-customer", decided.get("firedRules").get(0).get("ruleId").asText());
        assertTrue(decided.get("firedRules").get(0).get("reason").asText().startsWith("Repeat customer"));
        assertTrue(decided.get("ruleSetVersion").asInt() >= 1);
        String rma = decided.get("rmaCode").asText();

        Fixtures.awaitStatus(customer, returnId, "LABEL_ISSUED").then()
                .body("rmaCode", equalTo(rma))
                .body("decision.outcome", equalTo("APPROVED"))
                .body("decision.reasons[0].ruleId", equalTo("repeat-customer"))
                .body("label.url", matchesPattern(".*/api/v1/returns/" + returnId + "/label"))
                .body("label.instructionsEs", notNullValue());
        requests.await(r -> returnId.equals(r.key())
                && EventType.RETURN_LABEL_ISSUED.ceType().equals(TopicRecorder.header(r, "ce_type")), 1, Fixtures.WAIT);

        byte[] pdf = given().header("Authorization", Tokens.bearer(Tokens.customer(customer)))
                .when().get("/api/v1/returns/{id}/label", returnId)
                .then().statusCode(200).contentType("application/pdf").extract().asByteArray();
        assertEquals("%PDF-", new String(pdf, 0, 5), "the label must be a real PDF");
        assertEquals(rma, qrTextOf(pdf), "the label's QR code must carry the RMA code");
        byte[] again = given().header("Authorization", Tokens.bearer(Tokens.agent("agent-7")))
                .when().get("/api/v1/returns/{id}/label", returnId)
                .then().statusCode(200).contentType("application/pdf").extract().asByteArray();
        assertArrayEquals(pdf, again, "the label drawn on a second download must be the same file");
        given().header("Authorization", Tokens.bearer(Tokens.customer(id("CUST"))))
                .when().get("/api/v1/returns/{id}/label", returnId).then().statusCode(404);
        given().header("Authorization", Tokens.bearer(Tokens.platform("shop")))
                .when().get("/api/v1/returns/{id}/label", returnId).then().statusCode(403);
    }

    private static String qrTextOf(byte[] pdf) throws Exception {
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            BufferedImage image = new PDFRenderer(doc).renderImageWithDPI(0, 200);
            int[] pixels = image.getRGB(0, 0, image.getWidth(), image.getHeight(), null, 0, image.getWidth());
            RGBLuminanceSource source = new RGBLuminanceSource(image.getWidth(), image.getHeight(), pixels);
            return new QRCodeReader().decode(new BinaryBitmap(new HybridBinarizer(source))).getText();
        }
    }

    @Test
    void anExpensiveItemFromANewCustomerWithManyReturnsGoesToReviewAndAnAgentApprovesIt() {
        String customer = id("CUST");
        String order = Fixtures.deliveredOrder(kafka, customer, 1, daysAgo(5),
                new Fixtures.Line("TEE", "apparel", "15", 3), new Fixtures.Line("PHONE", "electronics", "450", 1));
        for (int i = 0; i < 3; i++) {
            Fixtures.returnOf(customer, order, "TEE", 1, "SIZE_FIT");
        }
        String returnId = Fixtures.returnOf(customer, order, "PHONE", 1, "CHANGED_MIND");
        JsonNode decided = decisionOf(returnId);
        assertEquals("REVIEW", decided.get("outcome").asText(), "decision: " + decided);
        Fixtures.awaitStatus(customer, returnId, "IN_REVIEW");

        assertTrue(inReviewList().contains(returnId), "the agent's review queue must list the return");

        given().header("Authorization", Tokens.bearer(Tokens.agent("agent-7"))).contentType(ContentType.JSON)
                .body(Map.of("outcome", "APPROVED", "note", "Checked with the customer"))
                .when().post("/api/v1/returns/{id}/review", returnId)
                .then().statusCode(200).body("status", equalTo("LABEL_ISSUED"))
                .body("decision.decidedBy", equalTo("AGENT")).body("decision.agentId", equalTo("agent-7"));
        List<ConsumerRecord<String, String>> both = decisions.await(r -> returnId.equals(r.key()), 2, Fixtures.WAIT);
        JsonNode byAgent = EventJson.readTree(both.get(1).value());
        assertEquals("APPROVED", byAgent.get("outcome").asText());
        assertEquals("AGENT", byAgent.get("decidedBy").asText());
        assertEquals("agent-7", byAgent.get("agentId").asText());
        assertTrue(byAgent.hasNonNull("rmaCode"));

        given().header("Authorization", Tokens.bearer(Tokens.agent("agent-7"))).contentType(ContentType.JSON)
                .body(Map.of("outcome", "REJECTED")).when().post("/api/v1/returns/{id}/review", returnId)
                .then().statusCode(409);
    }

    private static List<String> inReviewList() {
        List<String> ids = new java.util.ArrayList<>();
        for (int page = 0; ; page++) {
            List<String> items = given().header("Authorization", Tokens.bearer(Tokens.agent("agent-7")))
                    .queryParam("status", "IN_REVIEW").queryParam("page", page).queryParam("size", 50)
                    .when().get("/api/v1/returns").then().statusCode(200).extract().path("items.returnId");
            ids.addAll(items);
            if (items.size() < 50) {
                return ids;
            }
        }
    }

    @Test
    void reviewAndTheReviewQueueRefuseWrongRolesAndBadInput() {
        given().header("Authorization", Tokens.bearer(Tokens.customer("c"))).queryParam("status", "IN_REVIEW")
                .when().get("/api/v1/returns").then().statusCode(403);
        given().header("Authorization", Tokens.bearer(Tokens.agent("a"))).queryParam("status", "WAITING")
                .when().get("/api/v1/returns").then().statusCode(400).body("errors[0].field", equalTo("status"));
        given().header("Authorization", Tokens.bearer(Tokens.agent("a"))).queryParam("size", 0)
                .when().get("/api/v1/returns").then().statusCode(400).body("errors[0].field", equalTo("size"));
        given().header("Authorization", Tokens.bearer(Tokens.customer("c"))).contentType(ContentType.JSON)
                .body(Map.of("outcome", "APPROVED")).when().post("/api/v1/returns/{id}/review", "RET-x")
                .then().statusCode(403);
        given().header("Authorization", Tokens.bearer(Tokens.agent("a"))).contentType(ContentType.JSON)
                .body(Map.of("note", "no outcome")).when().post("/api/v1/returns/{id}/review", "RET-x")
                .then().statusCode(400).body("errors[0].field", equalTo("outcome"));
        given().header("Authorization", Tokens.bearer(Tokens.agent("a"))).contentType(ContentType.JSON)
                .body(Map.of("outcome", "APPROVED")).when().post("/api/v1/returns/{id}/review", "RET-" + UUID.randomUUID())
                .then().statusCode(404);
    }

    @Test
    void aRuleChangeAppliesToTheNextRequestAndTheDecisionRecordsTheNewVersion() {
        Map<String, Object> rules = given().header("Authorization", admin()).when().get("/api/v1/risk-rules")
                .then().statusCode(200).extract().path("value");
        try {
            Map<String, Object> strict = new HashMap<>(rules);
            Map<String, Object> categories = new HashMap<>((Map<String, Object>) rules.get("categoryRisk"));
            categories.put("apparel", 60);
            strict.put("categoryRisk", categories);
            int version = given().header("Authorization", admin()).contentType(ContentType.JSON).body(strict)
                    .when().put("/api/v1/risk-rules").then().statusCode(200).extract().path("version");

            String returnId = cheapReturnFromRepeatCustomer().split(" ")[0];
            JsonNode decided = decisionOf(returnId);
            assertEquals("REVIEW", decided.get("outcome").asText(), "decision: " + decided);
            assertEquals(version, decided.get("ruleSetVersion").asInt());
        } finally {
            given().header("Authorization", admin()).contentType(ContentType.JSON).body(rules)
                    .when().put("/api/v1/risk-rules").then().statusCode(200);
        }
    }

    @Test
    void riskRulesAreAdminOnlyAndValidated() {
        given().header("Authorization", Tokens.bearer(Tokens.agent("a"))).when().get("/api/v1/risk-rules")
                .then().statusCode(403);
        // version 1, the default set, is written on first use: this reading uses it whatever ran before
        given().header("Authorization", admin()).when().get("/api/v1/risk-rules").then().statusCode(200);
        given().header("Authorization", admin()).when().get("/api/v1/risk-rules/versions/1")
                .then().statusCode(200).body("version", equalTo(1)).body("value.reviewFrom", equalTo(40));
        given().header("Authorization", admin()).when().get("/api/v1/risk-rules/versions/999999")
                .then().statusCode(404).contentType("application/problem+json");
        Map<String, Object> bad = Map.of("reviewFrom", 50, "rejectFrom", 10,
                "rules", List.of(Map.of("id", "Bad Id", "description", "x", "points", 5,
                        "when", List.of(Map.of("factor", "UNIT_PRICE", "op", "GT", "value", 1)))));
        given().header("Authorization", admin()).contentType(ContentType.JSON).body(bad)
                .when().put("/api/v1/risk-rules").then().statusCode(400).contentType("application/problem+json")
                .body("errors.field", hasItem("rejectFrom")).body("errors.field", hasItem("rules[0].id"));
        given().header("Authorization", admin()).contentType(ContentType.JSON)
                .body(Map.of("reviewFrom", 40, "rules", List.of(Map.of("id", "x", "description", "x", "points", 1,
                        "when", List.of(Map.of("factor", "SHOE_SIZE", "op", "GT", "value", 1))))))
                .when().put("/api/v1/risk-rules").then().statusCode(400)
                .body("errors[0].field", equalTo("rules[0].when[0].factor"));
    }

    @Test
    void theBacktestReportsHowOutcomesWouldChangeWithoutChangingAnything() {
        String returnId = cheapReturnFromRepeatCustomer().split(" ")[0];
        assertEquals("APPROVED", decisionOf(returnId).get("outcome").asText());
        Map<String, Object> rules = given().header("Authorization", admin()).when().get("/api/v1/risk-rules")
                .then().statusCode(200).extract().path("value");
        int versionBefore = given().header("Authorization", admin()).when().get("/api/v1/risk-rules")
                .then().extract().path("version");
        Map<String, Object> strict = new HashMap<>(rules);
        Map<String, Object> categories = new HashMap<>((Map<String, Object>) rules.get("categoryRisk"));
        categories.put("apparel", 60);
        strict.put("categoryRisk", categories);

        given().header("Authorization", admin()).contentType(ContentType.JSON)
                .body(Map.of("days", 1, "rules", strict))
                .when().post("/api/v1/risk-rules/backtest")
                .then().statusCode(200)
                .body("changes.find { it.returnId == '" + returnId + "' }.currentOutcome", equalTo("APPROVED"))
                .body("changes.find { it.returnId == '" + returnId + "' }.proposedOutcome", equalTo("REVIEW"))
                .body("proposed.outcomes.REVIEW", org.hamcrest.Matchers.greaterThan(0))
                .body("current.approvalRate", notNullValue());
        given().header("Authorization", admin()).when().get("/api/v1/risk-rules")
                .then().body("version", equalTo(versionBefore));
        given().header("Authorization", admin()).contentType(ContentType.JSON).body(Map.of("days", 0, "rules", strict))
                .when().post("/api/v1/risk-rules/backtest").then().statusCode(400).body("errors[0].field", equalTo("days"));
        given().header("Authorization", Tokens.bearer(Tokens.manager("m"))).contentType(ContentType.JSON)
                .body(Map.of("days", 1, "rules", strict)).when().post("/api/v1/risk-rules/backtest").then().statusCode(403);
    }

    @Test
    void replayingTheTopicApprovesNothingNew() throws Exception {
        String returnId = cheapReturnFromRepeatCustomer().split(" ")[0];
        decisionOf(returnId);
        ConsumerRecord<String, String> requested = requestedRecordOf(returnId);
        Map<String, String> headers = headersOf(requested);
        kafka.send(Topics.RETURN_REQUESTS, returnId, requested.value(), headers);
        String replayId = UUID.randomUUID().toString();
        headers.put("ce_id", replayId);
        kafka.send(Topics.RETURN_REQUESTS, returnId, requested.value(), headers);

        Awaitility.await().atMost(Fixtures.WAIT).until(() -> processed(replayId));
        String marker = cheapReturnFromRepeatCustomer().split(" ")[0];
        decisionOf(marker);
        assertEquals(1, decisions.withKey(returnId).size(), "a replayed request must not be decided again");
    }

    @Test
    void twoRequestsForOneReturnArrivingTogetherAreDecidedOnce() throws Exception {
        String returnId = cheapReturnFromRepeatCustomer().split(" ")[0];
        decisionOf(returnId);
        ConsumerRecord<String, String> requested = requestedRecordOf(returnId);
        // A return this database does not have is decided on the event alone: nothing but the decision dedupes it.
        String other = id("RET");
        ObjectNode data = (ObjectNode) EventJson.readTree(requested.value());
        data.put("returnId", other);
        Map<String, String> headers = headersOf(requested);
        headers.computeIfPresent("ce_subject", (k, v) -> other);
        List<String> eventIds = List.of(UUID.randomUUID().toString(), UUID.randomUUID().toString());
        for (String eventId : eventIds) {
            headers.put("ce_id", eventId);
            kafka.send(Topics.RETURN_REQUESTS, other, data.toString(), headers);
        }

        Awaitility.await().atMost(Fixtures.WAIT).until(() -> processed(eventIds.get(0)) && processed(eventIds.get(1)));
        decisions.await(r -> other.equals(r.key()), 1, Fixtures.WAIT);
        String marker = cheapReturnFromRepeatCustomer().split(" ")[0];
        decisionOf(marker);
        assertEquals(1, decisions.withKey(other).size(), "two requests for one return must decide it once");
    }

    private boolean processed(String eventId) throws Exception {
        try (Connection c = dataSource.getConnection();
             PreparedStatement s = c.prepareStatement("select 1 from processed_event where event_id = ?")) {
            s.setString(1, eventId);
            try (ResultSet rs = s.executeQuery()) {
                return rs.next();
            }
        }
    }

    @Test
    void aMalformedReturnRequestGoesToTheDeadLetterTopic() {
        try (TopicRecorder dlq = kafka.record(Topics.dlq(Topics.RETURN_REQUESTS))) {
            String key = id("RET");
            kafka.send(Topics.RETURN_REQUESTS, key, "{\"returnId\": \"" + key + "\"}", Map.of("ce_id", key,
                    "ce_type", EventType.RETURN_REQUESTED.ceType(), "ce_specversion", "1.0", "ce_source", "/test",
                    "content-type", "application/json"));
            ConsumerRecord<String, String> dead = dlq.await(r -> key.equals(r.key()), 1, Fixtures.WAIT).get(0);
            assertEquals("SCHEMA_VIOLATION", TopicRecorder.header(dead, "dead-letter-reason-code"));
        }
    }

    @Test
    void theReturnParcelMovesThroughItsStatesAndEachIsPublished() {
        String[] made = cheapReturnFromRepeatCustomer().split(" ");
        String returnId = made[0];
        Fixtures.awaitStatus(made[1], returnId, "LABEL_ISSUED");
        String platform = Tokens.bearer(Tokens.platform("warehouse"));
        given().header("Authorization", platform).contentType(ContentType.JSON)
                .body(Map.of("type", "RECEIVED")).when().post("/api/v1/returns/{id}/events", returnId)
                .then().statusCode(200).body("status", equalTo("RECEIVED"));
        given().header("Authorization", platform).contentType(ContentType.JSON)
                .body(Map.of("type", "IN_TRANSIT")).when().post("/api/v1/returns/{id}/events", returnId)
                .then().statusCode(409);
        given().header("Authorization", platform).contentType(ContentType.JSON)
                .body(Map.of("type", "INSPECTED", "inspectedLines",
                        List.of(Map.of("sku", "TEE", "quantity", 1, "condition", "AS_NEW", "accepted", true))))
                .when().post("/api/v1/returns/{id}/events", returnId).then().statusCode(200);
        given().header("Authorization", platform).contentType(ContentType.JSON)
                .body(Map.of("type", "REFUNDED", "refundMethod", "ORIGINAL_PAYMENT"))
                .when().post("/api/v1/returns/{id}/events", returnId).then().statusCode(200)
                .body("status", equalTo("REFUNDED"));
        ConsumerRecord<String, String> refunded = requests.await(r -> returnId.equals(r.key())
                && EventType.RETURN_REFUNDED.ceType().equals(TopicRecorder.header(r, "ce_type")), 1, Fixtures.WAIT).get(0);
        assertEquals("19.9", EventJson.readTree(refunded.value()).get("amount").asText());

        given().header("Authorization", Tokens.bearer(Tokens.customer(made[1]))).contentType(ContentType.JSON)
                .body(Map.of("type", "RECEIVED")).when().post("/api/v1/returns/{id}/events", returnId)
                .then().statusCode(403);
        given().header("Authorization", platform).contentType(ContentType.JSON)
                .body(Map.of("type", "LOST")).when().post("/api/v1/returns/{id}/events", returnId)
                .then().statusCode(400).body("errors[0].field", equalTo("type"));
        given().header("Authorization", platform).contentType(ContentType.JSON)
                .body(Map.of("type", "RECEIVED")).when().post("/api/v1/returns/{id}/events", "RET-" + UUID.randomUUID())
                .then().statusCode(404);
    }

    @Test
    void anExchangeNeedsItsNewOrderAndIsPublishedOnceTheParcelIsInspected() {
        String[] made = cheapReturnFromRepeatCustomer().split(" ");
        String returnId = made[0];
        Fixtures.awaitStatus(made[1], returnId, "LABEL_ISSUED");
        String platform = Tokens.bearer(Tokens.platform("warehouse"));
        given().header("Authorization", platform).contentType(ContentType.JSON)
                .body(Map.of("type", "IN_TRANSIT", "carrier", "SEUR", "trackingNumber", "SEU-R-1"))
                .when().post("/api/v1/returns/{id}/events", returnId).then().statusCode(200)
                .body("status", equalTo("IN_TRANSIT")).body("label.trackingNumber", equalTo("SEU-R-1"));
        given().header("Authorization", platform).contentType(ContentType.JSON)
                .body(Map.of("type", "IN_TRANSIT")).when().post("/api/v1/returns/{id}/events", returnId)
                .then().statusCode(200).body("status", equalTo("IN_TRANSIT"));
        given().header("Authorization", platform).contentType(ContentType.JSON)
                .body(Map.of("type", "EXCHANGED", "exchangeOrderId", "ORD-NEW"))
                .when().post("/api/v1/returns/{id}/events", returnId).then().statusCode(409);
        for (Map<String, Object> step : List.<Map<String, Object>>of(Map.of("type", "RECEIVED", "warehouseId", "MAD-1"),
                Map.of("type", "INSPECTED", "inspectedLines",
                        List.of(Map.of("sku", "TEE", "quantity", 1, "condition", "OPENED", "accepted", true))))) {
            given().header("Authorization", platform).contentType(ContentType.JSON).body(step)
                    .when().post("/api/v1/returns/{id}/events", returnId).then().statusCode(200);
        }
        given().header("Authorization", platform).contentType(ContentType.JSON)
                .body(Map.of("type", "EXCHANGED", "exchangeLines", List.of(Map.of("sku", "TEE-L", "quantity", 1))))
                .when().post("/api/v1/returns/{id}/events", returnId).then().statusCode(400)
                .body("errors[0].field", equalTo("exchangeOrderId"));
        given().header("Authorization", platform).contentType(ContentType.JSON)
                .body(Map.of("type", "EXCHANGED", "exchangeOrderId", "ORD-NEW",
                        "exchangeLines", List.of(Map.of("sku", "TEE-L", "quantity", 1))))
                .when().post("/api/v1/returns/{id}/events", returnId).then().statusCode(200)
                .body("status", equalTo("EXCHANGED"));
        List<String> types = requests.await(r -> returnId.equals(r.key())
                && EventType.RETURN_EXCHANGED.ceType().equals(TopicRecorder.header(r, "ce_type")), 1, Fixtures.WAIT)
                .isEmpty() ? List.of() : requests.withKey(returnId).stream().map(r -> TopicRecorder.header(r, "ce_type")).toList();
        assertEquals(List.of(EventType.RETURN_REQUESTED.ceType(), EventType.RETURN_LABEL_ISSUED.ceType(),
                EventType.RETURN_IN_TRANSIT.ceType(), EventType.RETURN_RECEIVED.ceType(),
                EventType.RETURN_INSPECTED.ceType(), EventType.RETURN_EXCHANGED.ceType()), types,
                "each state is published once, in order, on the return's key");
    }

    @Test
    void anApprovedReturnWhoseLabelIsUnusedFor28DaysExpires() {
        String[] made = cheapReturnFromRepeatCustomer().split(" ");
        String returnId = made[0];
        Fixtures.awaitStatus(made[1], returnId, "LABEL_ISSUED");
        try {
            clock.advance(Duration.ofDays(27));
            shipments.expireUnusedLabels();
            Fixtures.awaitStatus(made[1], returnId, "LABEL_ISSUED");
            clock.advance(Duration.ofDays(1).plusMinutes(5));
            assertTrue(shipments.expireUnusedLabels() >= 1);
        } finally {
            clock.reset();
        }
        Fixtures.awaitStatus(made[1], returnId, "EXPIRED");
        requests.await(r -> returnId.equals(r.key())
                && EventType.RETURN_EXPIRED.ceType().equals(TopicRecorder.header(r, "ce_type")), 1, Fixtures.WAIT);
    }

    /** The return.requested record the service published for {@code returnId}. */
    private ConsumerRecord<String, String> requestedRecordOf(String returnId) {
        return requests.await(r -> returnId.equals(r.key())
                && EventType.RETURN_REQUESTED.ceType().equals(TopicRecorder.header(r, "ce_type")), 1, Fixtures.WAIT).get(0);
    }

    /** A record's headers as text, to send it again as a replay would. */
    private static Map<String, String> headersOf(ConsumerRecord<?, ?> record) {
        Map<String, String> headers = new HashMap<>();
        for (Header h : record.headers()) {
            headers.put(h.key(), new String(h.value(), java.nio.charset.StandardCharsets.UTF_8));
        }
        return headers;
    }
}
