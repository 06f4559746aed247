package io.postventa.events.customers;

import java.time.Instant;
import java.time.LocalDate;

/**
 * The complete current contact record of one customer on the compacted {@code customers.v1} topic: each record
 * replaces the previous one (it is a snapshot, not a patch), and a tombstone (same key, null value) erases the
 * customer. This is the only event that carries personal data.
 *
 * @param eventId           the platform's unique id for this change; Postventa dedupes on it
 * @param customerId        the platform's customer id; also the record key
 * @param occurredAt        when the record changed at the platform
 * @param source            the platform or store that reports it; optional
 * @param email             e-mail address
 * @param phone             phone number, preferably in E.164 form ({@code +34600111222}); also as typed
 *                          ({@code 600 11 12 22}), which consumers normalise; used for SMS and WhatsApp
 * @param pushToken         device token for push notifications
 * @param firstName         given name, for greetings
 * @param lastName          family name
 * @param language          ISO 639-1 language the customer wants messages in, e.g. {@code es}
 * @param timeZone          IANA time zone, e.g. {@code Europe/Madrid}; for quiet hours and birthdays
 * @param birthday          date of birth; the year may be a placeholder such as 1904 when unknown
 * @param firstPurchaseDate date of the first purchase, for anniversaries
 * @param marketingConsents what the customer agreed to be sent, per channel
 */
public record CustomerUpserted(
        String eventId,
        String customerId,
        Instant occurredAt,
        String source,
        String email,
        String phone,
        String pushToken,
        String firstName,
        String lastName,
        String language,
        String timeZone,
        LocalDate birthday,
        LocalDate firstPurchaseDate,
        MarketingConsents marketingConsents) {
}
