package io.postventa.ticket.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.postventa.events.common.OrderStatus;
import io.postventa.web.Texts;

class TextsTest {
    private final Texts texts = TicketTexts.load(List.of("es", "en", "pt"));

    @Test
    void everyLanguageHasEveryTextOfTheDefaultLanguageAndNoOther() {
        assertEquals(Map.of(), texts.missingKeys(), "texts_<language>.properties lacks these texts");
        assertEquals(Map.of(), texts.extraKeys(), "texts the Spanish file does not have");
    }

    @Test
    void everyOrderStatusHasAPhraseInEveryLanguage() {
        for (String language : texts.languages()) {
            for (OrderStatus status : OrderStatus.values()) {
                assertTrue(texts.own(language, "status." + status.name()).isPresent(), language + " " + status);
            }
        }
    }

    @Test
    void theWismoAnswerIsWrittenInPortugueseWithTheDateAsPortugueseWriteIt() {
        String reply = WismoReply.render(texts, "pt", "ORD-7", OrderStatus.IN_TRANSIT, LocalDate.of(2026, 12, 10),
                "https://tracking.example/7");
        assertEquals("Olá, a sua encomenda ORD-7 está a caminho. Data de entrega prevista: 10 de dezembro de 2026."
                + " Pode seguir o envio aqui: https://tracking.example/7\n"
                + "Se precisar de mais alguma coisa, basta responder a esta mensagem.", reply);
    }

    @Test
    void aLanguageTheServiceDoesNotSpeakGetsTheDefaultOne() {
        assertEquals("es", texts.language("de-DE"));
        assertEquals("pt", texts.language("pt-BR"));
        assertTrue(WismoReply.render(texts, "de", "ORD-7", OrderStatus.SHIPPED, null, null).startsWith("Hola, tu pedido ORD-7"));
    }

    @Test
    void aTargetIsPromisedInWordsOfTheCustomersLanguage() {
        assertEquals("24 horas", SlaTargets.describe(texts, "es", Duration.ofHours(24)));
        assertEquals("1 hour", SlaTargets.describe(texts, "en", Duration.ofHours(1)));
        assertEquals("90 minutos", SlaTargets.describe(texts, "pt", Duration.ofMinutes(90)));
        assertEquals("5 días", SlaTargets.describe(texts, "es", Duration.ofDays(5)));
        assertEquals("Recebemos a sua mensagem. Responderemos no prazo de 2 horas.", texts.get("pt",
                "contact.acknowledgement", Map.of("firstResponse", SlaTargets.describe(texts, "pt", Duration.ofHours(2)))));
    }

    @Test
    void aNoteForACustomerWithABrazilianLocaleIsWrittenFromThePortugueseTexts() {
        assertEquals("Encomenda ORD-7 atrasada (CARRIER_SILENCE)",
                texts.get("pt-BR", "note.order-delayed", Map.of("orderId", "ORD-7", "cause", "CARRIER_SILENCE")));
    }
}
