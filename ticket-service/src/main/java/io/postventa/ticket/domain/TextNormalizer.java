package io.postventa.ticket.domain;

import java.text.Normalizer;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Lower-cases text, strips accents and punctuation, so "¿Dónde está?" and "donde esta" match the same keyword.
 *
 * <p>One pass over the characters. Each character is decomposed on its own (NFD), its marks dropped and the rest
 * lower-cased, and what is not a letter a-z, a digit or an apostrophe separates words: the same text as
 * normalising, stripping and lower-casing the whole string and then replacing runs with a regex, which took 3.5% of
 * a contact's request-thread CPU. The characters below U+0300 (Latin, with its accents) come from a table built by
 * those same steps.
 */
final class TextNormalizer {
    private static final Pattern MARKS = Pattern.compile("\\p{M}");
    private static final int TABLE_SIZE = 0x300;
    private static final String[] PLAIN = new String[TABLE_SIZE];

    static {
        for (int c = 0; c < TABLE_SIZE; c++) {
            PLAIN[c] = plain(String.valueOf((char) c));
        }
    }

    private TextNormalizer() {
    }

    /** The text as space-separated plain words, padded with one space at each end. */
    static String words(String text) {
        if (text == null) {
            return " ";
        }
        StringBuilder out = new StringBuilder(text.length() + 2).append(' ');
        boolean afterSpace = true;
        for (int i = 0; i < text.length(); ) {
            int codePoint = text.codePointAt(i);
            i += Character.charCount(codePoint);
            String piece = codePoint < TABLE_SIZE ? PLAIN[codePoint] : plain(new String(Character.toChars(codePoint)));
            for (int j = 0; j < piece.length(); j++) {
                char c = piece.charAt(j);
                if (c >= 'a' && c <= 'z' || c >= '0' && c <= '9' || c == '\'' || c == 'ñ') {
                    out.append(c);
                    afterSpace = false;
                } else if (!afterSpace) {
                    out.append(' ');
                    afterSpace = true;
                }
            }
        }
        if (!afterSpace || out.length() == 1) {
            out.append(' '); // the closing pad (a text without words is two spaces)
        }
        return out.toString();
    }

    /** One character decomposed, without its marks, lower-cased, with a typographic apostrophe made plain. */
    private static String plain(String character) {
        return MARKS.matcher(Normalizer.normalize(character, Normalizer.Form.NFD)).replaceAll("")
                .toLowerCase(Locale.ROOT).replace('’', '\'');
    }
}
