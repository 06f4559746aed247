package io.postventa.console;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

/** Every text a page shows exists in every language, so no page shows a key or falls back to another language. */
class MessageBundlesTest {
    private static final Path MESSAGES = Path.of("src/main/resources/messages");
    private static final Path TEMPLATES = Path.of("src/main/resources/templates");

    private static Set<String> keys(String lang) throws IOException {
        Properties p = new Properties();
        try (Reader in = Files.newBufferedReader(MESSAGES.resolve("console_" + lang + ".properties"), StandardCharsets.UTF_8)) {
            p.load(in);
        }
        return new TreeSet<>(p.stringPropertyNames());
    }

    @Test
    void spanishAndEnglishHaveTheSameTexts() throws IOException {
        assertEquals(keys("en"), keys("es"));
    }

    @Test
    void everyTextATemplateNamesIsInTheBundles() throws IOException {
        Set<String> known = keys("en");
        Set<String> missing = new TreeSet<>();
        Pattern used = Pattern.compile("\\bt\\.([a-zA-Z_0-9]+)");
        try (Stream<Path> files = Files.walk(TEMPLATES)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".html")).toList()) {
                Matcher m = used.matcher(Files.readString(file));
                while (m.find()) {
                    if (!m.group(1).equals("get") && !known.contains(m.group(1))) {
                        missing.add(file.getFileName() + ": " + m.group(1));
                    }
                }
            }
        }
        assertEquals(Set.of(), missing);
    }
}
