package io.postventa.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.junit.jupiter.api.Test;

class TextsTest {
    private final Texts texts = Texts.load(TextsTest.class, "texts/sample", List.of("es", "pt"));

    @Test
    void theFirstAcceptedLanguageSpokenWinsThenTheFallbackThenTheDefault() {
        assertEquals("pt", texts.choose(List.of(Locale.forLanguageTag("fr-FR"), Locale.forLanguageTag("pt-BR"))));
        assertEquals("pt", texts.choose(List.of(Locale.GERMAN), null, "pt_PT"));
        assertEquals("es", texts.choose(List.of(Locale.GERMAN), "de-DE"));
        assertEquals("es", texts.choose(null));
        assertEquals("pt", texts.language("PT-br"));
    }

    @Test
    void aTextComesInTheLanguageAskedWithItsPlaceholdersFilledAndFromTheDefaultWhereThatLanguageLacksIt() {
        assertEquals("Olá, Ana", texts.get("pt", "greeting", Map.of("name", "Ana")));
        assertEquals("Entregue", texts.get("pt", "status.DELIVERED"));
        assertEquals("Solo en español", texts.get("pt", "only.default"));
        assertEquals("Entregado", texts.get("fr", "status.DELIVERED"));
        assertEquals("Solo en español", texts.all("pt").get("only.default"));
        assertEquals("Entregue", texts.all("pt").get("status.DELIVERED"));
        assertThrows(IllegalArgumentException.class, () -> texts.get("es", "no.such.key"));
    }

    @Test
    void theKeysALanguageLacksOrHasBeyondTheDefaultAreListed() {
        assertEquals(Map.of("pt", List.of("only.default")), texts.missingKeys());
        assertEquals(Map.of(), texts.extraKeys());
    }

    @Test
    void aLanguageWithoutItsFileFailsWhenTheBundleIsLoaded() {
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> Texts.load(TextsTest.class, "texts/sample", List.of("es", "ca")));
        assertTrue(e.getMessage().contains("texts/sample_ca.properties"), e.getMessage());
    }
}
