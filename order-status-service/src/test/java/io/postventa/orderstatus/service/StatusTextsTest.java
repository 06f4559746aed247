package io.postventa.orderstatus.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.postventa.events.common.OrderStatus;
import io.postventa.events.orders.OrderLifecycleEventType;

class StatusTextsTest {
    private final StatusTexts texts = new StatusTexts();

    @Test
    void everyLanguageHasEveryTextAndNoOther() {
        assertEquals(Map.of(), texts.bundle().missingKeys(), "texts missing from a language");
        assertEquals(Map.of(), texts.bundle().extraKeys(), "texts a language has that Spanish lacks");
    }

    @Test
    void everyStatusAndEventHasItsOwnTextInEachLanguage() {
        for (String language : StatusTexts.LANGUAGES) {
            for (OrderStatus status : OrderStatus.values()) {
                if (!language.equals("es")) {
                    assertNotEquals(texts.status(status, false, "es"), texts.status(status, false, language),
                            status + " in " + language);
                }
            }
            for (OrderLifecycleEventType type : OrderLifecycleEventType.values()) {
                assertTrue(!texts.event(type, language).isBlank(), type + " in " + language);
            }
        }
        assertEquals("A sua encomenda foi entregue", texts.status(OrderStatus.DELIVERED, false, "pt"));
    }

    @Test
    void aLateOrderSaysSo() {
        assertEquals("Tu pedido está en camino. Lleva retraso: te avisaremos en cuanto avance",
                texts.status(OrderStatus.IN_TRANSIT, true, "es"));
        assertTrue(texts.status(OrderStatus.IN_TRANSIT, true, "en").contains("late"));
        assertTrue(texts.status(OrderStatus.IN_TRANSIT, true, "pt").contains("atrasada"));
    }

    @Test
    void theCallersLanguageWinsThenTheOrdersThenSpanish() {
        assertEquals("en", texts.language(List.of(Locale.forLanguageTag("en-GB")), "es-ES"));
        assertEquals("en", texts.language(List.of(Locale.FRENCH), "en-US"));
        assertEquals("pt", texts.language(List.of(Locale.forLanguageTag("pt-BR")), "es-ES"));
        assertEquals("pt", texts.language(List.of(), "pt-PT"));
        assertEquals("es", texts.language(List.of(), null));
    }
}
