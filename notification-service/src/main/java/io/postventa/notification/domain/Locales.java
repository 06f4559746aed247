package io.postventa.notification.domain;

import java.util.List;
import java.util.Locale;

/** Which language a customer is written to: their preference, else their profile, else the order's locale. */
public final class Locales {
    /**
     * The languages there are texts for (templates, bundles). Adding one is this list plus its texts: seed templates
     * {@code <trigger>.<channel>.<language>} and {@code i18n/messages_<language>.properties}.
     */
    public static final List<String> SUPPORTED = List.of("es", "en", "pt");

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
