package io.postventa.ticket.domain;

import java.text.Normalizer;
import java.util.Locale;
import java.util.regex.Pattern;

/** Lower-cases text, strips accents and punctuation, so "¿Dónde está?" and "donde esta" match the same keyword. */
final class TextNormalizer {
    private static final Pattern MARKS = Pattern.compile("\\p{M}");
    private static final Pattern NOT_WORD = Pattern.compile("[^a-z0-9'ñ]+");

    private TextNormalizer() {
    }

    /** The text as space-separated plain words, padded with one space at each end. */
    static String words(String text) {
        if (text == null) {
            return " ";
        }
        String plain = MARKS.matcher(Normalizer.normalize(text, Normalizer.Form.NFD)).replaceAll("");
        plain = NOT_WORD.matcher(plain.toLowerCase(Locale.ROOT).replace('’', '\'')).replaceAll(" ").trim();
        return " " + plain + " ";
    }
}
