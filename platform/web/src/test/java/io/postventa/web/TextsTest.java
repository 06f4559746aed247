package io.postventa.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

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
        assertEquals("{second} y dos", texts.get("es", "pair", Map.of("first", "{second}", "second", "dos")),
                "a value is not read again");
        assertEquals("Hola, {name}", texts.get("es", "greeting", Map.of()), "a placeholder without a value stays");
        assertEquals("Entregue", texts.get("pt", "status.DELIVERED"));
        assertEquals("Solo en español", texts.get("pt", "only.default"));
        assertEquals("Entregado", texts.get("fr", "status.DELIVERED"));
        assertEquals("Solo en español", texts.all("pt").get("only.default"));
        assertEquals("Entregue", texts.all("pt").get("status.DELIVERED"));
        assertThrows(IllegalArgumentException.class, () -> texts.get("es", "no.such.key"));
    }

    @Test
    void aLocaleTagReadsItsLanguagesFile() {
        assertEquals("Entregue", texts.get("pt-BR", "status.DELIVERED"));
        assertEquals("Entregue", texts.get("PT_pt", "status.DELIVERED"));
        assertEquals("Olá, Ana", texts.get("pt-PT", "greeting", Map.of("name", "Ana")));
    }

    @Test
    void aLanguagesOwnTextIsNeverTheDefaultLanguages() {
        assertEquals(Optional.of("Entregue"), texts.own("pt", "status.DELIVERED"));
        assertEquals(Optional.empty(), texts.own("pt", "only.default"));
        assertEquals(Optional.empty(), texts.own("fr", "status.DELIVERED"));
        assertEquals(Optional.of("Solo en español"), texts.find("pt", "only.default"));
    }

    @Test
    void aMessageFormatPatternIsAppliedInTheLanguagesLocaleWithItsPluralChoice() {
        assertEquals("1 hora", texts.format("es", "duration.hours", 1));
        assertEquals("24 horas", texts.format("es", "duration.hours", 24));
        assertEquals("2 horas", texts.format("pt-BR", "duration.hours", 2));
        assertEquals("2 horas", texts.format("fr", "duration.hours", 2), "the default language for one not spoken");
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
