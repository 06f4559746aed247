package io.postventa.returns.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.postventa.returns.domain.Ineligibility;

class ReturnTextsTest {
    private final ReturnTexts texts = new ReturnTexts();

    @Test
    void everyLanguageHasEveryTextAndNoOther() {
        assertEquals(Map.of(), texts.bundle().missingKeys(), "texts missing from a language");
        assertEquals(Map.of(), texts.bundle().extraKeys(), "texts a language has that English lacks");
    }

    @Test
    void everyReasonAReturnIsRefusedForIsToldInEachLanguage() {
        for (Ineligibility reason : Ineligibility.values()) {
            for (String language : ReturnTexts.LANGUAGES) {
                if (!language.equals("en")) {
                    assertNotEquals(texts.ineligibility(reason, "en"), texts.ineligibility(reason, language),
                            reason + " in " + language);
                }
            }
        }
        assertEquals("o prazo de devolução terminou", texts.ineligibility(Ineligibility.WINDOW_CLOSED,
                texts.language(List.of(Locale.forLanguageTag("pt-PT")))));
        assertEquals("el plazo de devolución ha terminado", texts.ineligibility(Ineligibility.WINDOW_CLOSED,
                texts.language(List.of(Locale.forLanguageTag("es-ES")))));
        assertEquals("the return window has ended", texts.ineligibility(Ineligibility.WINDOW_CLOSED,
                texts.language(List.of(Locale.GERMAN))), "a language the service does not speak gets English");
    }
}
