package io.postventa.web;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.TreeMap;

/**
 * A service's customer-facing texts, one properties file per language ({@code <bundle>_<language>.properties}, UTF-8,
 * on the service's classpath), so that a language is added with a file and an entry in the service's list of
 * supported languages, not with code. The first language of the list is the default: a key a language lacks is
 * taken from it, and it answers whoever asks in a language the service does not speak. Values may name
 * placeholders, {@code {name}}, filled by {@link #get(String, String, Map)}.
 */
public final class Texts {
    private final String bundle;
    private final List<String> languages;
    private final Map<String, Map<String, String>> byLanguage;

    private Texts(String bundle, List<String> languages, Map<String, Map<String, String>> byLanguage) {
        this.bundle = bundle;
        this.languages = languages;
        this.byLanguage = byLanguage;
    }

    /**
     * Loads {@code <bundle>_<language>.properties} for each language through {@code anchor}'s class loader (a class of
     * the service that owns the files); a language without its file fails here, at start-up, not on a request.
     */
    public static Texts load(Class<?> anchor, String bundle, List<String> languages) {
        if (languages.isEmpty()) {
            throw new IllegalArgumentException("a bundle needs at least one language");
        }
        Map<String, Map<String, String>> byLanguage = new LinkedHashMap<>();
        for (String language : languages) {
            String resource = bundle + "_" + language + ".properties";
            try (InputStream in = anchor.getClassLoader().getResourceAsStream(resource)) {
                if (in == null) {
                    throw new IllegalStateException("no texts for language '" + language + "': " + resource
                            + " is not on the classpath");
                }
                Properties p = new Properties();
                p.load(new InputStreamReader(in, StandardCharsets.UTF_8));
                Map<String, String> texts = new TreeMap<>();
                p.stringPropertyNames().forEach(key -> texts.put(key, p.getProperty(key)));
                byLanguage.put(language, texts);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read " + resource, e);
            }
        }
        return new Texts(bundle, List.copyOf(languages), byLanguage);
    }

    /** The languages spoken, the default first. */
    public List<String> languages() {
        return languages;
    }

    public String defaultLanguage() {
        return languages.get(0);
    }

    public boolean speaks(String language) {
        return language != null && byLanguage.containsKey(language.toLowerCase(Locale.ROOT));
    }

    /**
     * The language to answer in: the first of the caller's accepted languages (Accept-Language, most wanted first)
     * that is spoken, else the first spoken one among {@code fallbacks} (locale tags such as the order's
     * {@code en-GB}; nulls are skipped), else the default.
     */
    public String choose(List<Locale> accepted, String... fallbacks) {
        for (Locale locale : accepted == null ? List.<Locale>of() : accepted) {
            if (speaks(locale.getLanguage())) {
                return locale.getLanguage().toLowerCase(Locale.ROOT);
            }
        }
        for (String tag : fallbacks) {
            if (tag != null && speaks(Locale.forLanguageTag(tag.replace('_', '-')).getLanguage())) {
                return Locale.forLanguageTag(tag.replace('_', '-')).getLanguage().toLowerCase(Locale.ROOT);
            }
        }
        return defaultLanguage();
    }

    /** The spoken language of a locale tag ({@code pt-BR} → {@code pt}), or the default. */
    public String language(String localeTag) {
        return choose(List.of(), localeTag);
    }

    /** The text of {@code key} in {@code language}, else in the default language, else empty. */
    public Optional<String> find(String language, String key) {
        Map<String, String> texts = byLanguage.get(language == null ? "" : language.toLowerCase(Locale.ROOT));
        String text = texts == null ? null : texts.get(key);
        return Optional.ofNullable(text != null ? text : byLanguage.get(defaultLanguage()).get(key));
    }

    /** The text of {@code key} in {@code language} (see {@link #find}); a key no language has is a programming error. */
    public String get(String language, String key) {
        return find(language, key).orElseThrow(() -> new IllegalArgumentException(
                "no text '" + key + "' in " + bundle + "_" + defaultLanguage() + ".properties"));
    }

    /** {@link #get(String, String)} with each {@code {name}} replaced by its value. */
    public String get(String language, String key, Map<String, ?> values) {
        String text = get(language, key);
        for (Map.Entry<String, ?> value : values.entrySet()) {
            text = text.replace("{" + value.getKey() + "}", String.valueOf(value.getValue()));
        }
        return text;
    }

    /** Every text of {@code language}, the default language's where it has none (e.g. for a page template). */
    public Map<String, String> all(String language) {
        Map<String, String> out = new TreeMap<>(byLanguage.get(defaultLanguage()));
        Map<String, String> own = byLanguage.get(language == null ? "" : language.toLowerCase(Locale.ROOT));
        if (own != null) {
            out.putAll(own);
        }
        return out;
    }

    /** The keys of the default language that another language lacks, by language; empty when every file is complete. */
    public Map<String, List<String>> missingKeys() {
        Map<String, List<String>> missing = new LinkedHashMap<>();
        for (String language : languages) {
            List<String> keys = new ArrayList<>(byLanguage.get(defaultLanguage()).keySet());
            keys.removeAll(byLanguage.get(language).keySet());
            if (!keys.isEmpty()) {
                missing.put(language, keys);
            }
        }
        return missing;
    }

    /** The keys a language has that the default lacks (a typo, or a text left behind), by language. */
    public Map<String, List<String>> extraKeys() {
        Map<String, List<String>> extra = new LinkedHashMap<>();
        for (String language : languages) {
            List<String> keys = new ArrayList<>(byLanguage.get(language).keySet());
            keys.removeAll(byLanguage.get(defaultLanguage()).keySet());
            if (!keys.isEmpty()) {
                extra.put(language, keys);
            }
        }
        return extra;
    }
}
