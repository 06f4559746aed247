package io.postventa.ticket.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.text.Normalizer;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

class TextNormalizerTest {
    private static final Pattern MARKS = Pattern.compile("\\p{M}");
    private static final Pattern NOT_WORD = Pattern.compile("[^a-z0-9'ñ]+");

    /** The rule stated whole: decompose, drop marks, lower-case, and let everything but words separate them. */
    private static String reference(String text) {
        String plain = MARKS.matcher(Normalizer.normalize(text, Normalizer.Form.NFD)).replaceAll("");
        plain = NOT_WORD.matcher(plain.toLowerCase(Locale.ROOT).replace('’', '\'')).replaceAll(" ").trim();
        return " " + plain + " ";
    }

    @Test
    void accentsCaseAndPunctuationGo() {
        assertEquals(" donde esta mi pedido ord 1234 ", TextNormalizer.words("¿Dónde está mi pedido ORD-1234?"));
        assertEquals(" i haven't received it ", TextNormalizer.words("I haven’t received it!!"));
        assertEquals(" espana nino ", TextNormalizer.words("  ESPAÑA,\tniño  "));
        assertEquals("  ", TextNormalizer.words("¿?¡!"));
        assertEquals("  ", TextNormalizer.words(""));
        assertEquals(" ", TextNormalizer.words(null));
    }

    @Test
    void everyTextComesOutAsTheRuleStatedWholeSays() {
        List<String> texts = List.of("Hola, ¿dónde está mi pedido? Gracias", "Where is my order ORD-1000123?",
                "Me ha llegado ROTO el jarrón 🙁 y falta una pieza", "ÀÉÎÕÜ àéîõü Çç Ññ ß ẞ ﬁ ½ ² Ⅻ",
                "İstanbul ıi KELVIN \u212A Ångström \u212B", "ΣΑΣ σας ὈΔΥΣΣΕΎΣ", "e\u0301 a\u0308\u0323 q\u0307",
                "naïve café — “quotes” ‘single’ l’été", "\uD83D\uDE00 \uD83D broken \uDE00 pair", "한국어 텍스트",
                "   leading and trailing   ", "tab\tnew\nline\r\n", "0123456789 ''' ’’’");
        for (String text : texts) {
            assertEquals(reference(text), TextNormalizer.words(text), text);
        }
        String alphabet = "aZ09 '’.,;:¿?¡!-_/\táéíóúÁÉÍÓÚñÑüÜçÇàèìòùâêîôûãõøåæœßÿ\u0301\u0308\u0303İıΣσςКкЖж한\u212A"
                + "\uFB01\u00BD\u2163\u00AA\u00BA\u00B5\uD83D\uDE00\uD83D\uDE02";
        SplittableRandom random = new SplittableRandom(7);
        for (int n = 0; n < 20_000; n++) {
            StringBuilder text = new StringBuilder();
            int length = random.nextInt(40);
            for (int i = 0; i < length; i++) {
                text.append(random.nextInt(10) == 0 ? (char) random.nextInt(0x3000)
                        : alphabet.charAt(random.nextInt(alphabet.length())));
            }
            assertEquals(reference(text.toString()), TextNormalizer.words(text.toString()), text.toString());
        }
    }
}
