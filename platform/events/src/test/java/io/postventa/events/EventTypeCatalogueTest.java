package io.postventa.events;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.postventa.events.orders.OrderLifecycleEventType;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** The catalogue is complete and consistent: names, topics, files and look-ups. */
class EventTypeCatalogueTest {

    private static final Pattern CE_TYPE = Pattern.compile("^postventa\\.[a-z]+(-[a-z]+)*\\.[a-z]+(-[a-z]+)*\\.v1$");

    @ParameterizedTest
    @EnumSource(EventType.class)
    void everyEventTypeHasASchemaFileAndAnExample(EventType type) {
        assertTrue(Resources.find(type.schemaPath()).isPresent(), () -> type + ": missing schema " + type.schemaPath());
        assertTrue(Resources.find(type.examplePath()).isPresent(), () -> type + ": missing example " + type.examplePath());
    }

    @ParameterizedTest
    @EnumSource(EventType.class)
    void ceTypeFollowsTheNamingRuleAndLooksUpItsEventType(EventType type) {
        assertTrue(CE_TYPE.matcher(type.ceType()).matches(), () -> type.ceType() + " should be postventa.<aggregate>.<event>.v1");
        assertEquals(Optional.of(type), EventType.fromCeType(type.ceType()));
    }

    @Test
    void ceTypesAreUnique() {
        Set<String> seen = new HashSet<>();
        for (EventType type : EventType.values()) {
            assertTrue(seen.add(type.ceType()), () -> "duplicate ce type " + type.ceType());
        }
    }

    @Test
    void unknownOrMissingCeTypeFindsNothing() {
        assertEquals(Optional.empty(), EventType.fromCeType("postventa.order.teleported.v1"));
        assertEquals(Optional.empty(), EventType.fromCeType(null));
    }

    @Test
    void everyTopicCarriesEventTypesAndEveryEventTypeIsOnAKnownTopic() {
        for (String topic : Topics.ALL) {
            assertFalse(EventType.onTopic(topic).isEmpty(), () -> topic + " has no event types");
        }
        for (EventType type : EventType.values()) {
            assertTrue(Topics.ALL.contains(type.topic()), () -> type + " is on unknown topic " + type.topic());
        }
    }

    @Test
    void designTableEventCountsPerTopic() {
        assertEquals(13, EventType.onTopic(Topics.ORDERS_LIFECYCLE).size());
        assertEquals(1, EventType.onTopic(Topics.CUSTOMERS).size());
        assertEquals(2, EventType.onTopic(Topics.ORDER_STATUS).size());
        assertEquals(9, EventType.onTopic(Topics.RETURN_REQUESTS).size());
        assertEquals(1, EventType.onTopic(Topics.RETURN_DECISIONS).size());
        // DESIGN.md lists six; ticket.replied was added so that every public reply reaches the customer, and
        // ticket.reason-changed and ticket.merged so that reports count tickets under their latest reason, once
        assertEquals(9, EventType.onTopic(Topics.CONTACTS).size());
        // DESIGN.md lists three; notification.portal-link-opened and notification.unsubscribed were added so that the
        // A/B results count portal visits and unsubscribes per template variant (issue 31)
        assertEquals(5, EventType.onTopic(Topics.NOTIFICATIONS).size());
        assertEquals(3, EventType.onTopic(Topics.FEEDBACK).size());
    }

    @Test
    void everyOrderLifecycleEventTypeHasACatalogueEntryOnTheOrdersTopic() {
        List<EventType> onTopic = EventType.onTopic(Topics.ORDERS_LIFECYCLE);
        assertEquals(OrderLifecycleEventType.values().length, onTopic.size());
        for (OrderLifecycleEventType type : OrderLifecycleEventType.values()) {
            EventType entry = EventType.of(type);
            assertEquals(Topics.ORDERS_LIFECYCLE, entry.topic(), type.name());
            assertEquals(Aggregate.ORDER, entry.aggregate(), type.name());
        }
    }

    @Test
    void keyPropertyMatchesTheAggregate() {
        for (EventType type : EventType.values()) {
            String expected = switch (type.aggregate()) {
                case ORDER -> "orderId";
                case CUSTOMER -> "customerId";
                case RETURN -> "returnId";
                case TICKET -> "ticketId";
                case SURVEY -> "surveyId";
            };
            assertEquals(expected, type.keyProperty(), type.name());
            boolean recordHasIt = Arrays.stream(type.payloadType().getRecordComponents())
                    .anyMatch(c -> c.getName().equals(expected));
            assertTrue(recordHasIt, () -> type.payloadType().getSimpleName() + " should have a " + expected + " component");
        }
    }

    @Test
    void deadLetterTopicNaming() {
        assertEquals("orders.lifecycle.v1.dlq", Topics.dlq(Topics.ORDERS_LIFECYCLE));
        assertEquals("customers.v1.dlq", Topics.dlq(Topics.CUSTOMERS));
        assertTrue(Topics.isDlq("contacts.v1.dlq"));
        assertFalse(Topics.isDlq(Topics.CONTACTS));
        assertThrows(IllegalArgumentException.class, () -> Topics.dlq("contacts.v1.dlq"));
        assertThrows(IllegalArgumentException.class, () -> Topics.dlq(" "));
    }
}
