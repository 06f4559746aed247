package io.postventa.events;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.postventa.events.orders.OrderLifecycleEvent;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

/** Every example message is valid, maps onto its record without losing a field, and survives a round trip. */
class ExamplesTest {

    private static SchemaValidator validator;

    @BeforeAll
    static void loadSchemas() {
        validator = new SchemaValidator();
    }

    @ParameterizedTest
    @EnumSource(EventType.class)
    void exampleValidatesAgainstItsSchema(EventType type) {
        String json = Resources.read(type.examplePath());
        List<SchemaViolation> violations = validator.validate(type, json);
        assertTrue(violations.isEmpty(), () -> type.examplePath() + " should be valid " + type.ceType() + " data but has " + violations);
    }

    @ParameterizedTest
    @EnumSource(EventType.class)
    void exampleRoundTripsThroughItsRecordWithoutLosingAField(EventType type) {
        String json = Resources.read(type.examplePath());
        Record event = EventJson.fromJson(json, type);
        assertInstanceOf(type.payloadType(), event);

        String written = EventJson.toJson(event);
        List<SchemaViolation> violations = validator.validate(type, written);
        assertTrue(violations.isEmpty(), () -> "re-serialized " + type + " should still be valid but has " + violations + "\n" + written);
        // Unknown properties are ignored on read, so a field the record lacks would vanish silently here.
        assertEquals(EventJson.readTree(json), EventJson.readTree(written),
                () -> type + ": JSON written from the record differs from the example (a field missing from the record?)");
    }

    @ParameterizedTest
    @EnumSource(EventType.class)
    void exampleCarriesItsRecordKey(EventType type) {
        JsonNode example = EventJson.readTree(Resources.read(type.examplePath()));
        JsonNode key = example.get(type.keyProperty());
        assertTrue(key != null && key.isTextual() && !key.asText().isBlank(),
                () -> type.examplePath() + " should carry its key in '" + type.keyProperty() + "' but has " + key);
    }

    static List<EventType> orderLifecycleTypes() {
        return EventType.onTopic(Topics.ORDERS_LIFECYCLE);
    }

    @ParameterizedTest
    @MethodSource("orderLifecycleTypes")
    void orderLifecycleExampleIsValidWithoutKnowingItsTypeAndNamesItsType(EventType type) {
        String json = Resources.read(type.examplePath());
        assertEquals(List.of(), validator.validateOrderLifecycle(json));
        OrderLifecycleEvent event = EventJson.fromJson(json, OrderLifecycleEvent.class);
        assertEquals(type, EventType.of(event.eventType()), "eventType inside " + type.examplePath());
    }

    @ParameterizedTest
    @MethodSource("orderLifecycleTypes")
    void orderLifecycleExampleDoesNotPassAsAnotherEventType(EventType type) {
        String json = Resources.read(type.examplePath());
        for (EventType other : EventType.onTopic(Topics.ORDERS_LIFECYCLE)) {
            if (other != type) {
                assertFalse(validator.validate(other, json).isEmpty(),
                        () -> type + " data should not pass as " + other + " (ce_type and eventType must agree)");
            }
        }
    }
}
