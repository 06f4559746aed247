package io.postventa.notification.config;

import java.util.ArrayList;
import java.util.List;

import io.postventa.notification.domain.Locales;
import io.postventa.web.Texts;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

/**
 * The customer-facing texts of this service's own pages, {@code i18n/messages_<language>.properties}, one file per
 * supported language; the configured default language answers any other.
 */
public class TextsProducer {

    @Produces
    @Singleton
    Texts texts(NotificationConfig config) {
        List<String> languages = new ArrayList<>(List.of(config.defaultLanguage()));
        Locales.SUPPORTED.stream().filter(l -> !languages.contains(l)).forEach(languages::add);
        return Texts.load(TextsProducer.class, "i18n/messages", languages);
    }
}
