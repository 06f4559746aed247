package io.postventa.notification.service;

import java.text.MessageFormat;
import java.util.Locale;
import java.util.MissingResourceException;
import java.util.ResourceBundle;

import io.postventa.notification.config.NotificationConfig;
import io.postventa.notification.domain.Locales;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * The customer-facing texts of this service's own pages, from {@code i18n/messages_<language>.properties}: one
 * bundle per supported language, the default language's for any other.
 */
@ApplicationScoped
public class Texts {
    private static final ResourceBundle.Control NO_FALLBACK =
            ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES);

    private final String defaultLanguage;

    public Texts(NotificationConfig config) {
        this.defaultLanguage = config.defaultLanguage();
    }

    /** The text {@code key} in {@code language} (a supported one, else the default), its {0}... filled in. */
    public String get(String language, String key, Object... arguments) {
        String lang = language != null && Locales.SUPPORTED.contains(language) ? language : defaultLanguage;
        Locale locale = Locale.forLanguageTag(lang);
        String pattern;
        try {
            pattern = ResourceBundle.getBundle("i18n.messages", locale, Texts.class.getClassLoader(), NO_FALLBACK)
                    .getString(key);
        } catch (MissingResourceException e) {
            throw new IllegalStateException("no text " + key + " for language " + lang, e);
        }
        return arguments.length == 0 ? pattern : new MessageFormat(pattern, locale).format(arguments);
    }
}
