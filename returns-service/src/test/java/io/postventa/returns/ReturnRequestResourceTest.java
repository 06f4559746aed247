package io.postventa.returns;

import static io.postventa.returns.Fixtures.id;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.postventa.events.EventJson;
import io.postventa.events.EventType;
import io.postventa.events.Topics;
import io.postventa.testing.KafkaTestClient;
import io.postventa.testing.PostventaTestResource;
import io.postventa.testing.Tokens;
import io.postventa.testing.TopicRecorder;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

@QuarkusTest
@QuarkusTestResource(value = PostventaTestResource.class,
        initArgs = @ResourceArg(name = "database", value = "returns"))
class ReturnRequestResourceTest {
    private static KafkaTestClient kafka;
    private static TopicRecorder requests;

    @BeforeAll
    static void connect() {
        kafka = KafkaTestClient.create();
        requests = kafka.record(Topics.RETURN_REQUESTS);
    }

    @AfterAll
    static void close() {
        kafka.close();
    }

    private static Instant daysAgo(int days) {
        return Instant.now().minus(days, ChronoUnit.DAYS).truncatedTo(ChronoUnit.SECONDS);
    }

    @Test
    void eligibilityShowsWhatCanBeReturnedUntilWhenAndWhyNot() {
        String customer = id("CUST");
        Instant delivered = daysAgo(3);
        String order = Fixtures.deliveredOrder(kafka, customer, 2, delivered,
                new Fixtures.Line("TEE", "apparel", "19.90", 2), new Fixtures.Line("CARD", "gift-cards", "50", 1));
        given().header("Authorization", Tokens.bearer(Tokens.customer(customer)))
                .when().get("/api/v1/orders/{o}/return-eligibility", order)
                .then().statusCode(200)
                .body("delivered", equalTo(true))
                .body("lines.find { it.sku == 'TEE' }.returnable", equalTo(2))
                .body("lines.find { it.sku == 'TEE' }.returnableUntil",
                        equalTo(delivered.plus(30, ChronoUnit.DAYS).toString()))
                .body("lines.find { it.sku == 'CARD' }.returnable", equalTo(0))
                .body("lines.find { it.sku == 'CARD' }.reasons", hasItem("NON_RETURNABLE_CATEGORY"));
    }

    @Test
    void eligibilityOfAnotherCustomersOrderIsNotFoundAndPlatformsMayNotAsk() {
        String order = Fixtures.deliveredOrder(kafka, id("CUST"), 1, daysAgo(1), new Fixtures.Line("TEE", "apparel", "9", 1));
        given().header("Authorization", Tokens.bearer(Tokens.customer(id("CUST"))))
                .when().get("/api/v1/orders/{o}/return-eligibility", order)
                .then().statusCode(404).contentType("application/problem+json");
        given().header("Authorization", Tokens.bearer(Tokens.platform("shop")))
                .when().get("/api/v1/orders/{o}/return-eligibility", order)
                .then().statusCode(403);
    }

    @Test
    void aRequestIsStoredAsRequestedAndPublishedThroughTheOutbox() {
        String customer = id("CUST");
        String order = Fixtures.deliveredOrder(kafka, customer, 2, daysAgo(2), new Fixtures.Line("TEE", "apparel", "19.90", 2));
        String returnId = Fixtures.requestReturn(customer, Fixtures.returnBody(order, "TEE", 2, "SIZE_FIT"), id("key"))
                .then().statusCode(201)
                .body("status", equalTo("REQUESTED"))
                .body("totalValue", equalTo(39.8f))
                .body("lines[0].category", equalTo("apparel"))
                .extract().path("returnId");

        ConsumerRecord<String, String> record = requests.await(r -> returnId.equals(r.key())
                && EventType.RETURN_REQUESTED.ceType().equals(TopicRecorder.header(r, "ce_type")), 1, Fixtures.WAIT).get(0);
        JsonNode event = EventJson.readTree(record.value());
        assertEquals(order, event.get("orderId").asText());
        assertEquals(customer, event.get("customerId").asText());
        assertEquals(2, event.get("customerHistory").get("purchaseCount").asInt());
        assertEquals("SIZE_FIT", event.get("lines").get(0).get("reason").asText());
    }

    /** The customer history the return.requested of a return carries. */
    private JsonNode historyCarriedBy(String returnId) {
        return EventJson.readTree(requests.await(r -> returnId.equals(r.key())
                && EventType.RETURN_REQUESTED.ceType().equals(TopicRecorder.header(r, "ce_type")), 1, Fixtures.WAIT)
                .get(0).value()).get("customerHistory");
    }

    @Test
    void theHistoryARequestCarriesCountsTheCustomersEarlierReturnsOfTheLastYear() {
        String customer = id("CUST");
        String order = Fixtures.deliveredOrder(kafka, customer, 3, daysAgo(2), new Fixtures.Line("TEE", "apparel", "19.90", 4));
        Fixtures.returnOf(customer, order, "TEE", 1, "SIZE_FIT");
        String second = Fixtures.returnOf(customer, order, "TEE", 1, "SIZE_FIT");

        JsonNode history = historyCarriedBy(second);
        assertEquals(3, history.get("purchaseCount").asInt(), "history: " + history);
        assertEquals(1, history.get("returnsLast12Months").asInt(), "the earlier return, this one excluded: " + history);
        assertEquals(0, new java.math.BigDecimal("0.25").compareTo(history.get("returnRateLast12Months").decimalValue()),
                "1 of 4 delivered units returned: " + history);
        assertEquals(0, new java.math.BigDecimal("19.90").compareTo(history.get("openReturnsValue").decimalValue()),
                "the earlier return is still open: " + history);
    }

    @Test
    void theReturnRateOfAHistoryCountsOnlyTheUnitsDeliveredInTheLastYear() {
        String customer = id("CUST");
        Fixtures.deliveredOrder(kafka, customer, 1, daysAgo(400), new Fixtures.Line("MUG", "home", "5", 12));
        String order = Fixtures.deliveredOrder(kafka, customer, 2, daysAgo(2), new Fixtures.Line("TEE", "apparel", "10", 4));
        Fixtures.returnOf(customer, order, "TEE", 1, "SIZE_FIT");
        String second = Fixtures.returnOf(customer, order, "TEE", 2, "SIZE_FIT");

        JsonNode history = historyCarriedBy(second);
        assertEquals(2, history.get("purchaseCount").asInt(), "both orders are purchases: " + history);
        assertEquals(0, new java.math.BigDecimal("0.25").compareTo(history.get("returnRateLast12Months").decimalValue()),
                "1 of the 4 units delivered this year returned, the 12 of 400 days ago left out: " + history);
        assertEquals(0, new java.math.BigDecimal("10").compareTo(history.get("openReturnsValue").decimalValue()),
                "the earlier return is still open: " + history);
    }

    @Test
    void aDuplicatePostWithTheSameIdempotencyKeyReturnsTheFirstResult() {
        String customer = id("CUST");
        String order = Fixtures.deliveredOrder(kafka, customer, 3, daysAgo(2), new Fixtures.Line("TEE", "apparel", "10", 1));
        String key = id("key");
        String first = Fixtures.requestReturn(customer, Fixtures.returnBody(order, "TEE", 1, "SIZE_FIT"), key)
                .then().statusCode(201).extract().path("returnId");
        String second = Fixtures.requestReturn(customer, Fixtures.returnBody(order, "TEE", 1, "SIZE_FIT"), key)
                .then().statusCode(200).extract().path("returnId");
        assertEquals(first, second, "the retried POST must answer with the return the first one created");
        // Without the key the same request is a second return, which the policy refuses: nothing left.
        Fixtures.requestReturn(customer, Fixtures.returnBody(order, "TEE", 1, "SIZE_FIT"), id("key"))
                .then().statusCode(422).body("errors[0].field", equalTo("lines[0]"))
                .body("errors[0].message", containsString("NOTHING_LEFT"));
    }

    @Test
    void policyViolationsAreRefusedWithTheReasonPerLineInTheCustomersLanguage() {
        String customer = id("CUST");
        String old = Fixtures.deliveredOrder(kafka, customer, 2, daysAgo(40),
                new Fixtures.Line("TEE", "apparel", "10", 1), new Fixtures.Line("SOFA", "furniture", "600", 1));
        String recent = Fixtures.deliveredOrder(kafka, customer, 3, daysAgo(2),
                new Fixtures.Line("TEE", "apparel", "10", 1), new Fixtures.Line("CARD", "gift-cards", "50", 1));

        Fixtures.requestReturn(customer, Fixtures.returnBody(old, "TEE", 1, "SIZE_FIT"), null)
                .then().statusCode(422).contentType("application/problem+json")
                .body("errors[0].field", equalTo("lines[0]"))
                .body("errors[0].message", containsString("WINDOW_CLOSED"));
        given().header("Authorization", Tokens.bearer(Tokens.customer(customer))).header("Accept-Language", "es-ES")
                .contentType(ContentType.JSON).body(Map.of("orderId", recent, "preferredResolution", "REFUND",
                        "lines", List.of(Map.of("sku", "TEE", "quantity", 2, "reason", "SIZE_FIT"),
                                Map.of("sku", "CARD", "quantity", 1, "reason", "CHANGED_MIND"))))
                .when().post("/api/v1/returns")
                .then().statusCode(422)
                .body("errors[0].field", equalTo("lines[0].quantity"))
                .body("errors[0].message", containsString("más unidades de las entregadas"))
                .body("errors[1].field", equalTo("lines[1]"))
                .body("errors[1].message", containsString("no admite devolución"));
        // The 365-day furniture window is still open for the old order.
        Fixtures.requestReturn(customer, Fixtures.returnBody(old, "SOFA", 1, "DAMAGED"), null).then().statusCode(201);
    }

    @Test
    void aPortugueseCustomerReadsTheRefusalTheInstructionsAndTheLabelInPortuguese() throws Exception {
        String customer = id("CUST");
        String order = Fixtures.deliveredOrder(kafka, customer, 3, daysAgo(2),
                new Fixtures.Line("TEE", "apparel", "10", 1), new Fixtures.Line("CARD", "gift-cards", "50", 1));
        given().header("Authorization", Tokens.bearer(Tokens.customer(customer))).header("Accept-Language", "pt-PT,pt;q=0.9")
                .contentType(ContentType.JSON).body(Fixtures.returnBody(order, "CARD", 1, "CHANGED_MIND"))
                .when().post("/api/v1/returns")
                .then().statusCode(422)
                .body("errors[0].message", containsString("este tipo de produto não pode ser devolvido"));

        String returnId = Fixtures.returnOf(customer, order, "TEE", 1, "SIZE_FIT");
        Fixtures.awaitStatus(customer, returnId, "LABEL_ISSUED");
        given().header("Authorization", Tokens.bearer(Tokens.customer(customer))).header("Accept-Language", "pt")
                .when().get("/api/v1/returns/{id}", returnId)
                .then().statusCode(200)
                .body("label.instructions", containsString("Imprima a etiqueta, cole-a na embalagem"))
                .body("label.instructionsEs", containsString("Imprime la etiqueta"));
        byte[] pdf = given().header("Authorization", Tokens.bearer(Tokens.customer(customer))).header("Accept-Language", "pt")
                .when().get("/api/v1/returns/{id}/label", returnId)
                .then().statusCode(200).extract().asByteArray();
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            String text = new PDFTextStripper().getText(doc);
            assertTrue(text.contains("Etiqueta de devolución / Etiqueta de devolução"), text);
        }
    }

    @Test
    void anOrderNotDeliveredCannotBeReturned() {
        String customer = id("CUST");
        String order = id("ORD");
        ObjectNode shipped = OrderEvents.delivered(order, customer, 1, daysAgo(1));
        shipped.put("newStatus", "SHIPPED");
        shipped.put("previousStatus", "PACKED");
        shipped.remove("deliveredAt");
        OrderEvents.send(kafka, shipped);
        Fixtures.awaitKnown(customer, order);
        Fixtures.requestReturn(customer, Fixtures.returnBody(order, "TSHIRT-BLU-M", 1, "SIZE_FIT"), null)
                .then().statusCode(422).body("errors[0].message", containsString("NOT_DELIVERED"));
    }

    @Test
    void anotherCustomersOrderIsNotFound() {
        String order = Fixtures.deliveredOrder(kafka, id("CUST"), 1, daysAgo(1), new Fixtures.Line("TEE", "apparel", "9", 1));
        Fixtures.requestReturn(id("CUST"), Fixtures.returnBody(order, "TEE", 1, "SIZE_FIT"), null)
                .then().statusCode(404).contentType("application/problem+json");
    }

    @Test
    void badInputIsRefusedNamingTheField() {
        String customer = id("CUST");
        Fixtures.requestReturn(customer, Map.of("orderId", "ORD-x", "preferredResolution", "REFUND",
                "lines", List.of(Map.of("sku", "TEE", "quantity", 0, "reason", "SIZE_FIT"))), null)
                .then().statusCode(400).contentType("application/problem+json")
                .body("errors.field", hasItem("lines[0].quantity"));
        Fixtures.requestReturn(customer, Map.of("orderId", "ORD-x", "preferredResolution", "MONEY_PLEASE",
                "lines", List.of(Map.of("sku", "TEE", "quantity", 1, "reason", "SIZE_FIT"))), null)
                .then().statusCode(400).body("errors[0].field", equalTo("preferredResolution"));
    }

    @Test
    void onlyCustomersRequestReturnsAndOnlyTheOwnerReadsOne() {
        given().header("Authorization", Tokens.bearer(Tokens.agent("a-1"))).contentType(ContentType.JSON)
                .body(Fixtures.returnBody("ORD-x", "TEE", 1, "SIZE_FIT"))
                .when().post("/api/v1/returns").then().statusCode(403);
        String customer = id("CUST");
        String order = Fixtures.deliveredOrder(kafka, customer, 2, daysAgo(1), new Fixtures.Line("TEE", "apparel", "9", 1));
        String returnId = Fixtures.returnOf(customer, order, "TEE", 1, "SIZE_FIT");
        given().header("Authorization", Tokens.bearer(Tokens.customer(id("CUST"))))
                .when().get("/api/v1/returns/{id}", returnId).then().statusCode(404);
        given().header("Authorization", Tokens.bearer(Tokens.agent("a-1")))
                .when().get("/api/v1/returns/{id}", returnId).then().statusCode(200).body("orderId", equalTo(order))
                .body("requestedAt", notNullValue());
        given().when().get("/api/v1/returns/{id}", returnId).then().statusCode(401);
        given().header("Authorization", Tokens.bearer(Tokens.platform("shop")))
                .when().get("/api/v1/returns/{id}", returnId).then().statusCode(403);
    }
}
