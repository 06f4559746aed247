package io.postventa.ticket.domain;

import java.text.MessageFormat;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.MissingResourceException;
import java.util.Optional;
import java.util.ResourceBundle;

/**
 * The customer-facing texts of the service, one bundle per language ({@code texts/texts_<code>.properties}, UTF-8):
 * automatic answers, status phrases, the IVR prompts, classifier keywords, acknowledgements and notes. The first
 * language is the default, used for a language the service does not speak and for a key a bundle lacks. Adding a
 * language is adding its bundle and its code to the list.
 */
public final class Texts {
    private final List<String> languages;
    private final Map<String, ResourceBundle> bundles;

    private Texts(List<String> languages, Map<String, ResourceBundle> bundles) {
        this.languages = List.copyOf(languages);
        this.bundles = bundles;
    }

    /** The bundles of {@code languages} (ISO 639-1 codes), the first being the default. */
    public static Texts load(List<String> languages) {
        if (languages.isEmpty()) {
            throw new IllegalArgumentException("at least one language is needed");
        }
        Map<String, ResourceBundle> bundles = new LinkedHashMap<>();
        ResourceBundle.Control exact = ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES);
        for (String language : languages) {
            String code = language.trim().toLowerCase(Locale.ROOT);
            try {
                bundles.put(code, ResourceBundle.getBundle("texts.texts", Locale.forLanguageTag(code), exact));
            } catch (MissingResourceException e) {
                throw new IllegalArgumentException("no texts/texts_" + code + ".properties for language " + code, e);
            }
        }
        return new Texts(new ArrayList<>(bundles.keySet()), bundles);
    }

    /** The languages, the default first. */
    public List<String> languages() {
        return languages;
    }

    public String defaultLanguage() {
        return languages.get(0);
    }

    public boolean speaks(String language) {
        return language != null && bundles.containsKey(language);
    }

    /** The supported language of a code or locale ("pt-BR" is pt), else the default. */
    public String language(String languageOrLocale) {
        if (languageOrLocale == null || languageOrLocale.length() < 2) {
            return defaultLanguage();
        }
        String code = languageOrLocale.substring(0, 2).toLowerCase(Locale.ROOT);
        return bundles.containsKey(code) ? code : defaultLanguage();
    }

    /** The text of {@code key} in the language's own bundle, if it has one. */
    public Optional<String> find(String language, String key) {
        ResourceBundle bundle = bundles.get(language);
        return bundle != null && bundle.containsKey(key) ? Optional.of(bundle.getString(key)) : Optional.empty();
    }

    /** The text of {@code key} in {@code language}, else in the default language. */
    public String get(String language, String key) {
        return find(language(language), key).or(() -> find(defaultLanguage(), key))
                .orElseThrow(() -> new MissingResourceException("no text " + key, "texts", key));
    }

    /** {@code key}'s text with its {@code {{placeholders}}} filled in. */
    public String render(String language, String key, Map<String, String> values) {
        return Placeholders.render(get(language, key), values);
    }

    /** {@code key}'s text as a {@link MessageFormat} pattern (plural choices) applied to {@code args}. */
    public String format(String language, String key, Object... args) {
        String lang = language(language);
        return new MessageFormat(get(lang, key), Locale.forLanguageTag(lang)).format(args);
    }

    /** The values of {@code key} in every language's bundle, split on {@code |}. */
    public Map<String, List<String>> lists(String key) {
        Map<String, List<String>> lists = new LinkedHashMap<>();
        for (String language : languages) {
            lists.put(language, find(language, key).map(Texts::split).orElse(List.of()));
        }
        return lists;
    }

    private static List<String> split(String value) {
        List<String> items = new ArrayList<>();
        for (String item : value.split("\\|")) {
            if (!item.isBlank()) {
                items.add(item.trim());
            }
        }
        return items;
    }
}
