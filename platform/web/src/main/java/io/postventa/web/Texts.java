package io.postventa.web;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.text.MessageFormat;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A service's customer-facing texts, one properties file per language ({@code <bundle>_<language>.properties}, UTF-8,
 * on the service's classpath), so that a language is added with a file and an entry in the service's list of
 * supported languages, not with code. The first language of the list is the default: a key a language lacks is
 * taken from it, and it answers whoever asks in a language the service does not speak. A language may be asked for
 * by its code or by a locale tag ({@code pt-BR} reads the {@code pt} file). Values may name placeholders,
 * {@code {name}}, filled by {@link #get(String, String, Map)}, or be {@link MessageFormat} patterns (plural choices,
 * numbers), applied by {@link #format}.
 */
public final class Texts {
    private static final Pattern PLACEHOLDER = Pattern.compile("\\{([A-Za-z][A-Za-z0-9_.-]*)}");

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
        return own(language, key).or(() -> Optional.ofNullable(byLanguage.get(defaultLanguage()).get(key)));
    }

    /**
     * The text of {@code key} in {@code language}'s own file, never the default language's (e.g. a list of words
     * that must be that language's own); empty when the language is not spoken or its file lacks the key.
     */
    public Optional<String> own(String language, String key) {
        Map<String, String> texts = byLanguage.get(code(language));
        return Optional.ofNullable(texts == null ? null : texts.get(key));
    }

    /** The text of {@code key} in {@code language} (see {@link #find}); a key no language has is a programming error. */
    public String get(String language, String key) {
        return find(language, key).orElseThrow(() -> new IllegalArgumentException(
                "no text '" + key + "' in " + bundle + "_" + defaultLanguage() + ".properties"));
    }

    /**
     * {@link #get(String, String)} with each {@code {name}} that {@code values} has replaced by its value, in one pass
     * (a value that itself reads {@code {name}} is left as it is).
     */
    public String get(String language, String key, Map<String, ?> values) {
        Matcher placeholder = PLACEHOLDER.matcher(get(language, key));
        StringBuilder text = new StringBuilder();
        while (placeholder.find()) {
            String name = placeholder.group(1);
            String value = values.containsKey(name) ? String.valueOf(values.get(name)) : placeholder.group();
            placeholder.appendReplacement(text, Matcher.quoteReplacement(value));
        }
        return placeholder.appendTail(text).toString();
    }

    /**
     * The text of {@code key} (see {@link #find}) as a {@link MessageFormat} pattern in that language's locale, applied
     * to {@code arguments}: {@code {0,choice,1#1 hora|1<{0,number,integer} horas}} (a single quote is written
     * {@code ''} in such a pattern).
     */
    public String format(String language, String key, Object... arguments) {
        String spoken = speaks(code(language)) ? code(language) : defaultLanguage();
        return new MessageFormat(get(spoken, key), Locale.forLanguageTag(spoken)).format(arguments);
    }

    /** Every text of {@code language}, the default language's where it has none (e.g. for a page template). */
    public Map<String, String> all(String language) {
        Map<String, String> out = new TreeMap<>(byLanguage.get(defaultLanguage()));
        Map<String, String> own = byLanguage.get(code(language));
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

    /** The language code of a code or locale tag ({@code pt_BR}, {@code PT-br} → {@code pt}); empty for null. */
    private static String code(String languageOrTag) {
        if (languageOrTag == null || languageOrTag.isBlank()) {
            return "";
        }
        return Locale.forLanguageTag(languageOrTag.trim().replace('_', '-')).getLanguage().toLowerCase(Locale.ROOT);
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
