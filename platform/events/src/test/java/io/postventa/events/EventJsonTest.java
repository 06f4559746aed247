package io.postventa.events;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.postventa.events.orders.CancellationDetails;
import io.postventa.events.orders.CancellationReason;
import io.postventa.events.orders.OrderLifecycleEvent;
import io.postventa.events.orders.OrderLifecycleEventType;
import io.postventa.events.returns.ReturnRefunded;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.OffsetDateTime;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;

/** The shared JSON mapping writes what the schemas expect and reads leniently. */
class EventJsonTest {

    @Test
    void writesTimesAsIsoStringsAndLeavesNullsOut() {
        OrderLifecycleEvent event = new OrderLifecycleEvent("e-1", OrderLifecycleEventType.ORDER_CANCELLED, "ORD-1",
                Instant.parse("2026-03-02T10:00:00.123Z"), null, null, null, null, null, null, null,
                new CancellationDetails(CancellationReason.OUT_OF_STOCK, null), null);

        String json = EventJson.toJson(event);

        assertTrue(json.contains("\"occurredAt\":\"2026-03-02T10:00:00.123Z\""), json);
        assertFalse(json.contains("null"), json);
        assertFalse(json.contains("\"source\""), json);
    }

    @Test
    void writesMoneyExactlyWithoutExponent() {
        ReturnRefunded refund = new ReturnRefunded("R-1", "O-1", "C-1", Instant.EPOCH, new BigDecimal("1E+3"), "EUR", null, null);
        assertTrue(EventJson.toJson(refund).contains("\"amount\":1000"), EventJson.toJson(refund));
        ReturnRefunded cents = new ReturnRefunded("R-1", "O-1", "C-1", Instant.EPOCH, new BigDecimal("19.90"), "EUR", null, null);
        assertEquals(new BigDecimal("19.90"), EventJson.fromJson(EventJson.toJson(cents), ReturnRefunded.class).amount());
    }

    @Test
    void aTreeWritesTheSameTextAsItsValueSoTheOutboxCanValidateTheTreeAndStoreIt() {
        ReturnRefunded refund = new ReturnRefunded("R-1", "O-1", "C-1", Instant.parse("2026-03-02T10:00:00.120Z"),
                new BigDecimal("19.90"), "EUR", null, null);
        assertEquals(EventJson.toJson(refund), EventJson.toJson(EventJson.toTree(refund)));
        assertTrue(EventJson.toJson(EventJson.toTree(refund)).contains("\"amount\":19.90"));
        ReturnRefunded thousand = new ReturnRefunded("R-1", "O-1", "C-1", Instant.EPOCH, new BigDecimal("1E+3"), "EUR", null, null);
        assertEquals(EventJson.toJson(thousand), EventJson.toJson(EventJson.toTree(thousand)));
    }

    @ParameterizedTest
    @EnumSource(EventType.class)
    void everyExampleEventWritesTheSameTextThroughATree(EventType type) {
        Record event = EventJson.fromJson(Resources.read(type.examplePath()), type);
        assertEquals(EventJson.toJson(event), EventJson.toJson(EventJson.toTree(event)), type.examplePath());
    }

    @Test
    void ignoresUnknownPropertiesOnRead() {
        String json = "{\"eventId\":\"e-1\",\"eventType\":\"ORDER_PACKED\",\"orderId\":\"O-1\","
                + "\"occurredAt\":\"2026-03-02T16:40:00+01:00\",\"warehouseRobot\":\"R2\"}";
        OrderLifecycleEvent event = EventJson.fromJson(json, OrderLifecycleEvent.class);
        assertEquals(OrderLifecycleEventType.ORDER_PACKED, event.eventType());
        assertEquals(Instant.parse("2026-03-02T15:40:00Z"), event.occurredAt());
    }

    @ParameterizedTest
    @ValueSource(strings = {"2026-03-02T15:40:00Z", "2026-03-02T15:40:00.1Z", "2026-03-02T15:40:00.123456789Z",
            "2026-03-02T16:40:00+01:00", "2026-03-02T10:10:00.5-05:30", "2026-03-02t15:40:00z"})
    void readsEveryRfc3339DateTimeAsTheInstantItNames(String text) {
        Instant expected = OffsetDateTime.parse(text.toUpperCase(java.util.Locale.ROOT)).toInstant();
        assertEquals(expected, EventJson.fromJson("\"" + text + "\"", Instant.class));
        assertEquals(expected, EventJson.fromTree(EventJson.readTree("{\"at\":\"" + text + "\"}").get("at"), Instant.class));
    }

    @Test
    void readsEpochSecondsAsBeforeAndRefusesWhatIsNoInstant() {
        // epoch seconds, whole or with a fraction: not RFC 3339, still read as before
        assertEquals(Instant.ofEpochSecond(1_700_000_000L), EventJson.fromJson("1700000000", Instant.class));
        assertEquals(Instant.ofEpochSecond(1_700_000_000L, 500_000_000), EventJson.fromJson("1700000000.5", Instant.class));
        assertThrows(EventJson.EventJsonException.class, () -> EventJson.fromJson("\"yesterday\"", Instant.class));
        assertThrows(EventJson.EventJsonException.class, () -> EventJson.fromJson("\"2026-02-30T10:00:00Z\"", Instant.class));
    }

    @Test
    void rejectsUnknownEnumValuesAndBrokenJson() {
        String json = "{\"eventId\":\"e-1\",\"eventType\":\"ORDER_TELEPORTED\",\"orderId\":\"O-1\"}";
        assertThrows(EventJson.EventJsonException.class, () -> EventJson.fromJson(json, OrderLifecycleEvent.class));
        assertThrows(EventJson.EventJsonException.class, () -> EventJson.readTree("{not json"));
    }

    @Test
    void newObjectMapperReturnsIndependentMappers() {
        assertNotSame(EventJson.newObjectMapper(), EventJson.newObjectMapper());
    }
}
