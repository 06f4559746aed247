package io.postventa.ticket.domain;

import java.text.Normalizer;
import java.util.Locale;

/** Lower-cases text, strips accents and punctuation, so "¿Dónde está?" and "donde esta" match the same keyword. */
final class TextNormalizer {
    private TextNormalizer() {
    }

    /** The text as space-separated plain words, padded with one space at each end. */
    static String words(String text) {
        if (text == null) {
            return " ";
        }
        String plain = Normalizer.normalize(text, Normalizer.Form.NFD).replaceAll("\\p{M}", "");
        plain = plain.toLowerCase(Locale.ROOT).replace('’', '\'').replaceAll("[^a-z0-9'ñ]+", " ").trim();
        return " " + plain + " ";
    }
}
