package io.postventa.returns;

import static io.postventa.returns.Fixtures.id;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import javax.sql.DataSource;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import io.postventa.events.CloudEventHeaders;
import io.postventa.events.EventType;
import io.postventa.events.Topics;
import io.postventa.events.customers.CustomerTombstone;
import io.postventa.returns.service.DedupeScopes;
import io.postventa.returns.service.LabelFiles;
import io.postventa.testing.KafkaTestClient;
import io.postventa.testing.PostventaTestResource;
import io.postventa.testing.Tokens;
import io.postventa.testing.TopicRecorder;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;

/** A customer erased on customers.v1 leaves no comment, agent's note or carrier label file here; the facts stay. */
@QuarkusTest
@QuarkusTestResource(value = PostventaTestResource.class, initArgs = @ResourceArg(name = "database", value = "returns"))
class CustomerErasureTest {
    private static KafkaTestClient kafka;

    @Inject
    DataSource dataSource;
    @Inject
    LabelFiles labelFiles;

    @BeforeAll
    static void connect() {
        kafka = KafkaTestClient.create();
    }

    @AfterAll
    static void close() {
        kafka.close();
    }

    @Test
    void aTombstoneErasesTheCommentTheAgentsNoteAndTheCarrierLabelFileAndKeepsTheReturnsFacts() throws Exception {
        String erased = id("CUST");
        String returnId = reviewedReturn(erased, "Recoged en Calle Mayor 5, 2ºA; Ana Erased, 600 12 34 56");
        // a carrier's adapter stores its own label file, which prints the sender's name and address
        byte[] carrierLabel = "%PDF-1.7 sender: Ana Erased, Calle Mayor 5, 28013 Madrid".getBytes(StandardCharsets.UTF_8);
        QuarkusTransaction.requiringNew().run(() -> labelFiles.store(returnId, carrierLabel));
        assertArrayEquals(carrierLabel, label(erased, returnId), "the customer downloads the carrier's label");
        String other = id("CUST");
        String othersReturn = reviewedReturn(other, "Llamad a Berta al 611 22 33 44");
        JsonPath before = asAgent(returnId);

        tombstone(erased, UUID.randomUUID().toString());

        Awaitility.await().atMost(Fixtures.WAIT).until(() -> asAgent(returnId).getString("comment") == null);
        JsonPath after = asAgent(returnId);
        assertNull(after.getString("decision.note"), "the agent's note about the customer is gone");
        for (String fact : List.of("status", "orderId", "customerId", "rmaCode", "totalValue", "currency",
                "preferredResolution", "lines", "decision.outcome", "decision.decidedBy", "decision.agentId",
                "decision.reasons", "label.trackingNumber", "label.expiresAt")) {
            assertEquals(before.getString(fact), after.getString(fact), fact + " stays");
        }
        assertEquals(Arrays.asList(null, "present"), labelFileAndErasure(returnId),
                "the label file is gone and the return says when its personal data was erased");
        byte[] drawn = label(erased, returnId);
        assertEquals("%PDF-", new String(drawn, 0, 5), "the built-in label, drawn from what the return keeps");
        assertEquals("Llamad a Berta al 611 22 33 44", asAgent(othersReturn).getString("comment"),
                "another customer's return keeps its comment");
        assertEquals("Checked with the customer", asAgent(othersReturn).getString("decision.note"));
    }

    @Test
    void aTombstoneDeliveredAgainAfterTheCustomerCameBackDoesNotEraseWhatTheyWroteSince() throws Exception {
        String customer = id("CUST");
        String first = reviewedReturn(customer, "Primera devolución de Carla, 622 00 11 22");
        String tombstoneId = UUID.randomUUID().toString();
        tombstone(customer, tombstoneId);
        Awaitility.await().atMost(Fixtures.WAIT).until(() -> asAgent(first).getString("comment") == null);

        // The store registers the customer again and they write a new return; then Kafka redelivers the old tombstone.
        String second = reviewedReturn(customer, "Segunda devolución, ya como cliente nueva");
        tombstone(customer, tombstoneId);
        String upsertId = UUID.randomUUID().toString();
        kafka.sendEvent(EventType.CUSTOMER_UPSERTED, customer, upsertId, """
                {"eventId":"%s","customerId":"%s","occurredAt":"%s","source":"shop-eu-1","email":"carla@example.com",
                 "language":"es","marketingConsents":{"email":true,"sms":false,"whatsapp":false,"push":false}}
                """.formatted(upsertId, customer, Instant.now().truncatedTo(ChronoUnit.SECONDS)), Instant.now());
        Awaitility.await().atMost(Fixtures.WAIT).until(() -> processed(upsertId));

        assertEquals("Segunda devolución, ya como cliente nueva", asAgent(second).getString("comment"),
                "the redelivered tombstone (same event id) changed nothing");
    }

    @Test
    void aRecordThatIsNotJsonGoesToTheDeadLetterTopicAndTheErasuresAfterItStillApply() {
        try (TopicRecorder dlq = kafka.record(Topics.dlq(Topics.CUSTOMERS))) {
            String customer = id("CUST");
            String returnId = reviewedReturn(customer, "Dani, 633 44 55 66");
            kafka.send(Topics.CUSTOMERS, customer, "this is not JSON", Map.of());
            tombstone(customer, UUID.randomUUID().toString());

            ConsumerRecord<String, String> dead = dlq.await(r -> customer.equals(r.key()), 1, Fixtures.WAIT).get(0);
            assertEquals("this is not JSON", dead.value());
            assertEquals("NOT_JSON", TopicRecorder.header(dead, "dead-letter-reason-code"));
            Awaitility.await().atMost(Fixtures.WAIT).until(() -> asAgent(returnId).getString("comment") == null);
        }
    }

    /** A new customer's expensive return, in review, approved by an agent with a note; returns its id. */
    private static String reviewedReturn(String customer, String comment) {
        String order = Fixtures.deliveredOrder(kafka, customer, 1, Instant.now().minus(3, ChronoUnit.DAYS),
                new Fixtures.Line("PHONE", "electronics", "450", 1));
        String returnId = Fixtures.requestReturn(customer, Map.of("orderId", order, "preferredResolution", "REFUND",
                "comment", comment, "lines", List.of(Map.of("sku", "PHONE", "quantity", 1, "reason", "CHANGED_MIND"))),
                id("key")).then().statusCode(201).extract().path("returnId");
        Fixtures.awaitStatus(customer, returnId, "IN_REVIEW");
        given().header("Authorization", Tokens.bearer(Tokens.agent("agent-7"))).contentType(ContentType.JSON)
                .body(Map.of("outcome", "APPROVED", "note", "Checked with the customer"))
                .when().post("/api/v1/returns/{id}/review", returnId)
                .then().statusCode(200).body("status", equalTo("LABEL_ISSUED")).body("comment", equalTo(comment));
        return returnId;
    }

    private static void tombstone(String customerId, String eventId) {
        kafka.send(Topics.CUSTOMERS, customerId, null, Map.of(CloudEventHeaders.ID, eventId,
                CloudEventHeaders.TYPE, CustomerTombstone.CE_TYPE, CloudEventHeaders.SPEC_VERSION, "1.0",
                CloudEventHeaders.SOURCE, "/platforms/shop-eu-1", CloudEventHeaders.SUBJECT, customerId));
    }

    private static JsonPath asAgent(String returnId) {
        return given().header("Authorization", Tokens.bearer(Tokens.agent("agent-7")))
                .when().get("/api/v1/returns/{id}", returnId).then().statusCode(200)
                .body("returnId", equalTo(returnId)).body("label.url", org.hamcrest.Matchers.notNullValue())
                .extract().jsonPath();
    }

    private static byte[] label(String customer, String returnId) {
        return given().header("Authorization", Tokens.bearer(Tokens.customer(customer)))
                .when().get("/api/v1/returns/{id}/label", returnId)
                .then().statusCode(200).contentType("application/pdf").extract().asByteArray();
    }

    private List<String> labelFileAndErasure(String returnId) throws Exception {
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(
                "select label_pdf, personal_data_erased_at from return_request where return_id = ?")) {
            s.setString(1, returnId);
            try (ResultSet rs = s.executeQuery()) {
                rs.next();
                return Arrays.asList(rs.getBytes(1) == null ? null : "file",
                        rs.getTimestamp(2) == null ? null : "present");
            }
        }
    }

    private boolean processed(String eventId) throws Exception {
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(
                "select 1 from processed_event where consumer = ? and event_id = ?")) {
            s.setString(1, DedupeScopes.CUSTOMERS);
            s.setString(2, eventId);
            try (ResultSet rs = s.executeQuery()) {
                return rs.next();
            }
        }
    }
}
