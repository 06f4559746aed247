package io.postventa.notification.config;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Every setting of notification-service under {@code postventa.notification}; the README lists them. */
@ConfigMapping(prefix = "postventa.notification")
public interface NotificationConfig {

    /** Language used when neither the customer nor the order says one we have templates for. */
    @WithDefault("es")
    String defaultLanguage();

    /** Public base URL of this service's own pages; by default this host on the port the service listens on. */
    @WithDefault("http://127.0.0.1:${quarkus.http.port}")
    String publicBaseUrl();

    /** The one-click unsubscribe page every message links to (the signed token is appended as {@code ?token=}). */
    @WithDefault("${postventa.notification.public-base-url}/api/v1/unsubscribe")
    String unsubscribeUrl();

    /** The page where customers manage their message preferences; absent: messages carry no such link. */
    Optional<String> preferencesUrl();

    /**
     * The store's support address: every e-mail's Reply-To, plus-addressed with its ticket ({@code +t.<id>}) or
     * order ({@code +o.<id>}) so a reply lands on the right ticket.
     */
    @WithDefault("support@postventa.local")
    String replyTo();

    /** Region (ISO 3166-1) a phone number without a country code is read in, when the language does not say. */
    @WithDefault("ES")
    String defaultPhoneRegion();

    /** Region per customer language for phone numbers without a country code (e.g. {@code pt=PT}). */
    Map<String, String> phoneRegions();

    /**
     * How long the acknowledgement of a new ticket (and the message of a ticket the platform opened itself) waits
     * before it is planned: an automatic answer to the same contact, or the order event about the same problem,
     * usually follows within milliseconds and makes it unnecessary.
     */
    @WithDefault("PT10S")
    Duration acknowledgementHold();

    /** A proactive message about a delay or a shipment incident promises to write again within this time. */
    @WithDefault("P2D")
    Duration proactiveFollowUp();

    /** Within this time an order gets one proactive message per problem (delay, shipment incident), however told. */
    @WithDefault("P7D")
    Duration proactiveWindow();

    /**
     * The period {@code order-updates-per-day} counts over: absent, the customer's calendar day in their time zone;
     * a duration makes it a rolling window of that length (tests, or stores that prefer it).
     */
    Optional<Duration> frequencyCapWindow();

    /**
     * How old a claim (a delivery SENDING) must be to be taken for a crashed sender's and queued again: longer than
     * any send with its retries takes, or a slow send goes out twice. Looked for every minute, or this often if less.
     */
    @WithDefault("PT5M")
    Duration staleClaimAfter();

    /** How often updates held back by the cap are looked at, to send them once the cap allows. */
    @WithDefault("PT5M")
    Duration cappedCheckInterval();

    /** HMAC secret of unsubscribe tokens (at least 16 characters); set it from a secret in production. */
    String unsubscribeSecret();

    /** The customer portal's address; when set, messages about an order carry its link (see PortalMessageLinks). */
    Optional<String> portalBaseUrl();

    /** HMAC secret of portal link tokens (at least 32 characters); set it from a secret in production. */
    String portalLinkSecret();

    /** How long a portal link token works after the message that carried it. */
    @WithDefault("P60D")
    Duration portalLinkTtl();

    /** A message gets a token with a new expiry when the current one has less than this left. */
    @WithDefault("P14D")
    Duration portalLinkRenewBefore();

    /** Failed lookups of one order number allowed within {@link #portalLookupWindow()}. */
    @WithDefault("5")
    int portalLookupAttempts();

    @WithDefault("PT15M")
    Duration portalLookupWindow();

    /** How long an event for a customer not yet on customers.v1 waits before it is suppressed. */
    @WithDefault("PT10M")
    Duration unknownCustomerWait();

    /** Most order-update messages per customer, channel and (local) day; the rest fold into the next one. */
    @WithDefault("5")
    int orderUpdatesPerDay();

    /** Channels that quiet hours hold back (comma separated). */
    @WithDefault("SMS,WHATSAPP,PUSH")
    String quietHoursChannels();

    /** Channels per trigger (e.g. {@code order-shipped=EMAIL,PUSH}); {@code off} or absent: the trigger is off. */
    Map<String, String> triggers();

    /** How often the dispatcher looks for due deliveries. */
    @WithDefault("PT0.2S")
    Duration dispatchInterval();

    /** Most deliveries claimed per dispatcher round. */
    @WithDefault("100")
    int dispatchBatchSize();

    /** While a channel's circuit is open, its messages wait this long before the next try (the breaker's delay). */
    @WithDefault("PT30S")
    Duration circuitOpenRetryAfter();

    /** How long after it was planned a message waits for an open circuit to close before it counts as FAILED. */
    @WithDefault("PT6H")
    Duration circuitOpenRetryFor();

    /** Parallel sends. */
    @WithDefault("8")
    int dispatchThreads();

    /** How often birthdays and first-purchase anniversaries are looked for (each is sent once a year). */
    @WithDefault("PT1H")
    Duration personalMomentsInterval();

    /** HTTP provider per channel: sms, whatsapp, push. */
    Map<String, Provider> providers();

    /** An HTTP messaging provider. */
    interface Provider {
        /** Where to POST; absent: the channel is not configured and sends fail with NOT_CONFIGURED. */
        Optional<String> url();

        @WithDefault("Authorization")
        String authHeader();

        /** Value of the auth header, from a secret. */
        Optional<String> authValue();

        /** Qute template of the request body; {to}, {title}, {text} and {unsubscribeUrl} are JSON-escaped. */
        @WithDefault("{\"to\":\"{to}\",\"title\":\"{title}\",\"text\":\"{text}\"}")
        String bodyTemplate();

        @WithDefault("application/json")
        String contentType();

        @WithDefault("PT5S")
        Duration timeout();
    }
}
