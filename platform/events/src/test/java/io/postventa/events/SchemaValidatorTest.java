package io.postventa.events;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.postventa.events.orderstatus.OrderDelayed;
import io.postventa.events.orderstatus.DelayCause;
import io.postventa.events.common.OrderStatus;
import java.time.Instant;
import java.util.List;
import java.util.function.Consumer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Broken events fail validation with a violation that names the offending field. */
class SchemaValidatorTest {

    private static SchemaValidator validator;

    @BeforeAll
    static void loadSchemas() {
        validator = new SchemaValidator();
    }

    @Test
    void orderPlacedWithANegativeQuantityIsRejectedNamingTheQuantity() {
        String json = mutate(EventType.ORDER_PLACED, e -> line(e, 0).put("quantity", -1));

        List<SchemaViolation> violations = validator.validate(EventType.ORDER_PLACED, json);

        assertViolation(violations, "$.placed.lines[0].quantity", "minimum");
        assertFalse(validator.validateOrderLifecycle(json).isEmpty(), "the envelope schema must reject it too");
    }

    @Test
    void orderPlacedWithZeroQuantityOrNegativePriceIsRejected() {
        assertViolation(validator.validate(EventType.ORDER_PLACED, mutate(EventType.ORDER_PLACED, e -> line(e, 1).put("quantity", 0))),
                "$.placed.lines[1].quantity", "minimum");
        assertViolation(validator.validate(EventType.ORDER_PLACED, mutate(EventType.ORDER_PLACED, e -> line(e, 0).put("unitPrice", -0.01))),
                "$.placed.lines[0].unitPrice", "minimum");
    }

    @Test
    void missingOrderIdIsRejectedNamingTheField() {
        for (EventType type : EventType.onTopic(Topics.ORDERS_LIFECYCLE)) {
            String json = mutate(type, e -> e.remove("orderId"));
            assertViolation(validator.validate(type, json), "$.orderId", "required");
        }
        assertViolation(validator.validate(EventType.ORDER_STATUS_CHANGED, mutate(EventType.ORDER_STATUS_CHANGED, e -> e.remove("orderId"))),
                "$.orderId", "required");
    }

    @Test
    void npsScoreOfElevenIsRejectedNamingTheScore() {
        String json = mutate(EventType.FEEDBACK_RECEIVED, e -> e.put("kind", "NPS").put("score", 11));

        assertViolation(validator.validate(EventType.FEEDBACK_RECEIVED, json), "$.score", "maximum");
    }

    @Test
    void csatScoresOutsideOneToFiveAreRejectedButNpsZeroIsFine() {
        assertViolation(validator.validate(EventType.FEEDBACK_RECEIVED,
                mutate(EventType.FEEDBACK_RECEIVED, e -> e.put("kind", "CSAT").put("score", 6))), "$.score", "maximum");
        assertViolation(validator.validate(EventType.FEEDBACK_RECEIVED,
                mutate(EventType.FEEDBACK_RECEIVED, e -> e.put("kind", "CSAT").put("score", 0))), "$.score", "minimum");
        assertEquals(List.of(), validator.validate(EventType.FEEDBACK_RECEIVED,
                mutate(EventType.FEEDBACK_RECEIVED, e -> e.put("kind", "NPS").put("score", 0))));
    }

    @Test
    void aDetractorMustHaveADetractorScore() {
        assertViolation(validator.validate(EventType.FEEDBACK_DETRACTOR,
                mutate(EventType.FEEDBACK_DETRACTOR, e -> e.put("kind", "NPS").put("score", 7))), "$.score", "maximum");
        assertViolation(validator.validate(EventType.FEEDBACK_DETRACTOR,
                mutate(EventType.FEEDBACK_DETRACTOR, e -> e.put("kind", "CSAT").put("score", 3))), "$.score", "maximum");
    }

    @Test
    void unknownEventTypeIsRejectedNamingEventType() {
        String json = mutate(EventType.ORDER_PLACED, e -> e.put("eventType", "ORDER_TELEPORTED"));

        assertViolation(validator.validateOrderLifecycle(json), "$.eventType", "enum");
        assertFalse(validator.validate(EventType.ORDER_PLACED, json).isEmpty());
    }

    @Test
    void eachEventTypeRequiresItsDetailBlock() {
        assertViolation(validator.validate(EventType.ORDER_PLACED, mutate(EventType.ORDER_PLACED, e -> e.remove("placed"))),
                "$.placed", "required");
        assertViolation(validator.validateOrderLifecycle(mutate(EventType.ORDER_SHIPPED, e -> e.remove("shipment"))),
                "$.shipment", "required");
        assertViolation(validator.validate(EventType.ORDER_SHIPPED,
                mutate(EventType.ORDER_SHIPPED, e -> ((ObjectNode) e.get("shipment")).remove("trackingNumber"))),
                "$.shipment.trackingNumber", "required");
        assertViolation(validator.validate(EventType.SHIPMENT_EXCEPTION, mutate(EventType.SHIPMENT_EXCEPTION, e -> e.remove("exception"))),
                "$.exception", "required");
        assertViolation(validator.validate(EventType.ORDER_CANCELLED, mutate(EventType.ORDER_CANCELLED, e -> e.remove("cancellation"))),
                "$.cancellation", "required");
        assertViolation(validator.validate(EventType.ORDER_ADDRESS_CHANGED,
                mutate(EventType.ORDER_ADDRESS_CHANGED, e -> e.remove("addressChange"))), "$.addressChange", "required");
    }

    @Test
    void impossibleDatesAndBadFormatsAreRejected() {
        assertViolation(validator.validate(EventType.ORDER_PLACED, mutate(EventType.ORDER_PLACED, e -> e.put("occurredAt", "2026-02-30T10:00:00Z"))),
                "$.occurredAt", "format");
        assertViolation(validator.validate(EventType.ORDER_PLACED,
                mutate(EventType.ORDER_PLACED, e -> ((ObjectNode) e.get("placed")).put("promisedDeliveryDate", "05/03/2026"))),
                "$.placed.promisedDeliveryDate", "format");
        assertViolation(validator.validate(EventType.ORDER_PLACED,
                mutate(EventType.ORDER_PLACED, e -> ((ObjectNode) e.get("placed")).put("currency", "euro"))),
                "$.placed.currency", "pattern");
        assertViolation(validator.validate(EventType.CUSTOMER_UPSERTED, mutate(EventType.CUSTOMER_UPSERTED, e -> e.put("email", "not-an-address"))),
                "$.email", "format");
        assertViolation(validator.validate(EventType.CUSTOMER_UPSERTED, mutate(EventType.CUSTOMER_UPSERTED, e -> e.put("phone", "call me after 6"))),
                "$.phone", "pattern");
    }

    @Test
    void aPhoneNumberAsTheCustomerTypedItIsAccepted() {
        for (String typed : List.of("+34600111222", "600 11 12 22", "+34 600-111-222", "0034 (600) 111.222")) {
            assertEquals(List.of(), validator.validate(EventType.CUSTOMER_UPSERTED,
                    mutate(EventType.CUSTOMER_UPSERTED, e -> e.put("phone", typed))), typed);
        }
    }

    @Test
    void unknownPropertiesAreTolerated() {
        String json = mutate(EventType.ORDER_PLACED, e -> {
            e.put("platformSpecific", "x");
            ((ObjectNode) e.get("placed")).putObject("giftWrap").put("enabled", true);
        });
        assertEquals(List.of(), validator.validate(EventType.ORDER_PLACED, json));
    }

    @Test
    void notJsonIsReportedAsSuch() {
        List<SchemaViolation> violations = validator.validate(EventType.ORDER_PLACED, "{\"eventId\": ");
        assertEquals(1, violations.size());
        assertEquals(SchemaViolation.NOT_JSON, violations.get(0).keyword());
        assertEquals(SchemaViolation.NOT_JSON, validator.validate(EventType.ORDER_PLACED, "").get(0).keyword());
    }

    @Test
    void anApprovedDecisionNeedsAnRmaCodeAndAnAgentDecisionNeedsTheAgent() {
        assertViolation(validator.validate(EventType.RETURN_DECIDED, mutate(EventType.RETURN_DECIDED, e -> e.remove("rmaCode"))),
                "$.rmaCode", "required");
        assertViolation(validator.validate(EventType.RETURN_DECIDED, mutate(EventType.RETURN_DECIDED, e -> e.put("decidedBy", "AGENT"))),
                "$.agentId", "required");
        assertEquals(List.of(), validator.validate(EventType.RETURN_DECIDED,
                mutate(EventType.RETURN_DECIDED, e -> e.put("outcome", "REVIEW").remove(List.of("rmaCode", "resolution")))));
    }

    @Test
    void producedRecordsAreValidatedAndRequireValidThrowsWithEveryViolation() {
        OrderDelayed valid = new OrderDelayed("ORD-1", "CUST-1", Instant.parse("2026-03-06T00:05:00Z"), DelayCause.NO_CARRIER_SCAN,
                OrderStatus.IN_TRANSIT, null, Instant.parse("2026-03-03T02:20:00Z"), null, 1, "es-ES", "SEUR", null);
        assertEquals(List.of(), validator.validateEvent(EventType.ORDER_DELAYED, valid));

        OrderDelayed missingCustomer = new OrderDelayed("ORD-1", null, Instant.parse("2026-03-06T00:05:00Z"),
                DelayCause.PROMISED_DATE_PASSED, OrderStatus.IN_TRANSIT, null, null, null, 0, null, null, null);
        List<SchemaViolation> violations = validator.validateEvent(EventType.ORDER_DELAYED, missingCustomer);
        assertViolation(violations, "$.customerId", "required");
        assertViolation(violations, "$.promisedDeliveryDate", "required");
        assertViolation(violations, "$.purchaseNumber", "minimum");

        SchemaValidator.SchemaViolationException thrown = assertThrows(SchemaValidator.SchemaViolationException.class,
                () -> validator.requireValid(EventType.ORDER_DELAYED, EventJson.toJson(missingCustomer)));
        assertEquals(violations.size(), thrown.violations().size());
        assertTrue(thrown.getMessage().contains("postventa.order.delayed.v1"), thrown.getMessage());
    }

    private static ObjectNode line(ObjectNode event, int index) {
        return (ObjectNode) ((ArrayNode) event.get("placed").get("lines")).get(index);
    }

    private static String mutate(EventType type, Consumer<ObjectNode> change) {
        JsonNode example = EventJson.readTree(Resources.read(type.examplePath()));
        ObjectNode copy = ((ObjectNode) example).deepCopy();
        change.accept(copy);
        return EventJson.toJson(copy);
    }

    private static void assertViolation(List<SchemaViolation> violations, String path, String keyword) {
        assertTrue(violations.stream().anyMatch(v -> v.path().equals(path) && v.keyword().equals(keyword)
                        && v.message().contains(path.substring(path.lastIndexOf('.') + 1).replaceAll("\\[.*", ""))),
                () -> "expected a '" + keyword + "' violation naming " + path + " but got " + violations);
    }
}
