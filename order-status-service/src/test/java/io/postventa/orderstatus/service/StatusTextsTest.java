package io.postventa.orderstatus.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Locale;

import org.junit.jupiter.api.Test;

import io.postventa.events.common.OrderStatus;
import io.postventa.events.orders.OrderLifecycleEventType;

class StatusTextsTest {

    @Test
    void everyStatusAndEventHasASpanishAndAnEnglishText() {
        for (OrderStatus status : OrderStatus.values()) {
            assertTrue(!StatusTexts.status(status, false, "es").equals(StatusTexts.status(status, false, "en")), status.name());
        }
        for (OrderLifecycleEventType type : OrderLifecycleEventType.values()) {
            assertTrue(!StatusTexts.event(type, "es").isBlank() && !StatusTexts.event(type, "en").isBlank(), type.name());
        }
    }

    @Test
    void aLateOrderSaysSo() {
        assertTrue(StatusTexts.status(OrderStatus.IN_TRANSIT, true, "es").contains("retraso"));
        assertTrue(StatusTexts.status(OrderStatus.IN_TRANSIT, true, "en").contains("late"));
    }

    @Test
    void theCallersLanguageWinsThenTheOrdersThenSpanish() {
        assertEquals("en", StatusTexts.language(List.of(Locale.forLanguageTag("en-GB")), "es-ES"));
        assertEquals("en", StatusTexts.language(List.of(Locale.FRENCH), "en-US"));
        assertEquals("es", StatusTexts.language(List.of(), null));
    }
}
