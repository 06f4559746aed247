package io.postventa.console.web;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.Properties;

import io.postventa.console.ConsoleConfig;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Every text a person reads, per language, from {@code messages/console_<lang>.properties}: templates read them
 * as {@code {t.key}}. Adding a language is a bundle and an entry in {@code console.languages}, no Java.
 */
@ApplicationScoped
public class Texts {
    private final Map<String, Map<String, String>> bundles = new HashMap<>();
    private final ConsoleConfig config;

    public Texts(ConsoleConfig config) {
        this.config = config;
        for (String lang : config.languages()) {
            bundles.put(lang, load(lang));
        }
    }

    /** The texts of {@code lang}, falling back to the first language's for a key a bundle lacks. */
    public Map<String, String> of(String lang) {
        return bundles.getOrDefault(lang, bundles.get(config.languages().get(0)));
    }

    private Map<String, String> load(String lang) {
        String name = "messages/console_" + lang + ".properties";
        Properties p = new Properties();
        try (InputStream in = Thread.currentThread().getContextClassLoader().getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("no message bundle " + name + " for console.languages entry " + lang);
            }
            p.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new IllegalStateException("cannot read " + name, e);
        }
        Map<String, String> fallback = lang.equals(config.languages().get(0)) ? Map.of() : bundles.get(config.languages().get(0));
        Map<String, String> texts = new HashMap<>(fallback == null ? Map.of() : fallback);
        p.stringPropertyNames().forEach(k -> texts.put(k, p.getProperty(k)));
        return Map.copyOf(texts);
    }
}
