package io.postventa.notification.domain;

import java.util.List;
import java.util.Locale;

/** Which language a customer is written to: their preference, else their profile, else the order's locale. */
public final class Locales {
    public static final List<String> SUPPORTED = List.of("es", "en");

    private Locales() {
    }

    public static String resolve(String preferred, String profile, String orderLocale, String fallback) {
        for (String candidate : new String[] {preferred, profile, orderLocale}) {
            String language = language(candidate);
            if (language != null && SUPPORTED.contains(language)) {
                return language;
            }
        }
        return fallback;
    }

    static String language(String tag) {
        if (tag == null || tag.isBlank()) {
            return null;
        }
        return Locale.forLanguageTag(tag.replace('_', '-')).getLanguage();
    }
}
