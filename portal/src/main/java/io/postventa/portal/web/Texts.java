package io.postventa.portal.web;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.Properties;

import io.postventa.portal.PortalConfig;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Every text a customer reads, per language, from {@code messages/portal_<lang>.properties}: templates read them as
 * {@code {t.key}}. Adding a language is a bundle and an entry in {@code portal.languages}, no Java.
 */
@ApplicationScoped
public class Texts {
    private final Map<String, Map<String, String>> bundles = new HashMap<>();
    private final PortalConfig config;

    public Texts(PortalConfig config) {
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
        String name = "messages/portal_" + lang + ".properties";
        Properties p = new Properties();
        try (InputStream in = Thread.currentThread().getContextClassLoader().getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("no message bundle " + name + " for portal.languages entry " + lang);
            }
            p.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new IllegalStateException("cannot read " + name, e);
        }
        String first = config.languages().get(0);
        Map<String, String> texts = new HashMap<>(lang.equals(first) ? Map.of() : bundles.get(first));
        p.stringPropertyNames().forEach(k -> texts.put(k, p.getProperty(k)));
        return Map.copyOf(texts);
    }
}
