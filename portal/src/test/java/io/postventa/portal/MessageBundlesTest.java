package io.postventa.portal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;

import org.junit.jupiter.api.Test;

/** Every language speaks every text: a key missing in one bundle would show that page in Spanish. */
class MessageBundlesTest {
    @Test
    void everyBundleHasTheSameKeys() throws IOException {
        Set<String> spanish = keys("es");
        for (String lang : new String[] {"en", "pt"}) {
            Set<String> other = keys(lang);
            Set<String> missing = new TreeSet<>(spanish);
            missing.removeAll(other);
            missing.removeIf(k -> k.startsWith("language_"));
            Set<String> extra = new TreeSet<>(other);
            extra.removeAll(spanish);
            assertEquals(Set.of(), missing, lang + " lacks these texts");
            assertEquals(Set.of(), extra, lang + " has texts Spanish lacks");
        }
    }

    private static Set<String> keys(String lang) throws IOException {
        Properties p = new Properties();
        try (InputStream in = MessageBundlesTest.class.getResourceAsStream("/messages/portal_" + lang + ".properties")) {
            p.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        }
        return new TreeSet<>(p.stringPropertyNames());
    }
}
