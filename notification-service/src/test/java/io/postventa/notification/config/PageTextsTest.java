package io.postventa.notification.config;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Map;

import org.junit.jupiter.api.Test;

import io.postventa.notification.domain.Locales;
import io.postventa.web.Texts;

/** The texts of the service's own pages (the unsubscribe page), i18n/messages_<language>.properties. */
class PageTextsTest {
    private final Texts texts = Texts.load(TextsProducer.class, "i18n/messages", Locales.SUPPORTED);

    @Test
    void everySupportedLanguageHasEveryTextAndNoOther() {
        assertEquals(Map.of(), texts.missingKeys(), "texts a language lacks");
        assertEquals(Map.of(), texts.extraKeys(), "texts only some languages have");
    }

    @Test
    void theUnsubscribeQuestionNamesTheKindOfMessageInTheCustomersLanguage() {
        assertEquals("Quer deixar de receber inquéritos?",
                texts.get("pt", "unsubscribe.question", Map.of("kind", texts.get("pt", "kind.SURVEYS"))));
        assertEquals("Ya no recibirás avisos sobre tus pedidos.",
                texts.get("es", "unsubscribe.done", Map.of("kind", texts.get("es", "kind.ORDER_UPDATES"))));
    }
}
