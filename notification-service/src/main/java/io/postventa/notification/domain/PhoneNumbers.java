package io.postventa.notification.domain;

import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import com.google.i18n.phonenumbers.NumberParseException;
import com.google.i18n.phonenumbers.PhoneNumberUtil;
import com.google.i18n.phonenumbers.Phonenumber.PhoneNumber;

/**
 * Phone numbers as customers type them ("600 11 12 22", "0034 600-111-222") to E.164 ("+34600111222"), with
 * Google's libphonenumber. A number without a country code is read in the customer's region: the region of their
 * language tag when it has one ({@code pt-BR}), else the region configured for their language, else the store's
 * default region.
 */
public final class PhoneNumbers {
    private static final PhoneNumberUtil UTIL = PhoneNumberUtil.getInstance();

    private final String defaultRegion;
    private final Map<String, String> regionByLanguage;

    public PhoneNumbers(String defaultRegion, Map<String, String> regionByLanguage) {
        this.defaultRegion = defaultRegion.toUpperCase(Locale.ROOT);
        this.regionByLanguage = regionByLanguage;
    }

    /** The number in E.164, or empty when it is not a valid phone number in the customer's region. */
    public Optional<String> toE164(String typed, String language) {
        if (typed == null || typed.isBlank()) {
            return Optional.empty();
        }
        try {
            PhoneNumber number = UTIL.parse(typed, region(language));
            if (!UTIL.isValidNumber(number)) {
                return Optional.empty();
            }
            return Optional.of(UTIL.format(number, PhoneNumberUtil.PhoneNumberFormat.E164));
        } catch (NumberParseException e) {
            return Optional.empty();
        }
    }

    /** The region a number without a country code is read in, for a customer writing in {@code language}. */
    String region(String language) {
        if (language != null && !language.isBlank()) {
            Locale locale = Locale.forLanguageTag(language.replace('_', '-'));
            if (!locale.getCountry().isEmpty()) {
                return locale.getCountry();
            }
            String configured = regionByLanguage.get(locale.getLanguage());
            if (configured != null && !configured.isBlank()) {
                return configured.toUpperCase(Locale.ROOT);
            }
        }
        return defaultRegion;
    }
}
