package io.postventa.ticket.domain;

import java.util.Locale;

import com.google.i18n.phonenumbers.NumberParseException;
import com.google.i18n.phonenumbers.PhoneNumberUtil;
import com.google.i18n.phonenumbers.Phonenumber.PhoneNumber;

/**
 * Phone numbers as people type them ("600 12 34 56", "(+34) 600-123-456", "0034600123456") in E.164
 * ("+34600123456"), with libphonenumber; a number written without a country code belongs to {@code region}.
 */
public final class Phones {
    private static final PhoneNumberUtil UTIL = PhoneNumberUtil.getInstance();

    private Phones() {
    }

    /** The number in E.164, or null when it cannot be a phone number of that region (or of the one it names). */
    public static String e164(String typed, String region) {
        if (typed == null || typed.isBlank()) {
            return null;
        }
        try {
            PhoneNumber number = UTIL.parse(typed.trim(), region == null ? null : region.toUpperCase(Locale.ROOT));
            return UTIL.isPossibleNumber(number) ? UTIL.format(number, PhoneNumberUtil.PhoneNumberFormat.E164) : null;
        } catch (NumberParseException e) {
            return null;
        }
    }

    /** The number in E.164 when it is one; else as typed, trimmed (kept, never lost). */
    public static String normalize(String typed, String region) {
        if (typed == null || typed.isBlank()) {
            return null;
        }
        String e164 = e164(typed, region);
        return e164 != null ? e164 : typed.trim();
    }
}
