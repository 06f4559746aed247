package io.postventa.ticket.config;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import io.quarkus.runtime.configuration.MemorySize;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Settings of ticket-service ({@code ticket.*}); every one has a default and a line in the README. */
@ConfigMapping(prefix = "ticket")
public interface TicketConfig {

    Wismo wismo();

    Sla sla();

    Contacts contacts();

    Ivr ivr();

    Phone phone();

    Mail mail();

    /**
     * The languages customer-facing texts are written in, the first being the default: each has its bundle
     * {@code texts/texts_<code>.properties} (classifier keywords, automatic answers, IVR prompts, notes).
     */
    @WithDefault("es,en,pt")
    List<String> languages();

    /** Team that gets tickets whose reason has no routing rule. */
    @WithDefault("in-house")
    String defaultTeam();

    /** Self-service answers to "where is my order?". */
    interface Wismo {
        /** Answer WISMO contacts about a known order automatically. */
        @WithDefault("true")
        boolean autoReply();

        /** Solve the ticket after the automatic answer (a customer reply reopens it); false leaves it pending. */
        @WithDefault("true")
        boolean autoSolve();
    }

    /** The SLA clock. */
    interface Sla {
        /** Time zone of the built-in default policy (24 h first response, 72 h resolution, round the clock). */
        @WithDefault("Europe/Madrid")
        String defaultTimeZone();

        /** Default first-response target when no policy matches. */
        @WithDefault("PT24H")
        Duration defaultFirstResponse();

        /** Default resolution target when no policy matches. */
        @WithDefault("PT72H")
        Duration defaultResolution();

        /** How often the breach check runs. */
        @WithDefault("30s")
        String checkEvery();
    }

    /** The IVR menu: which digit stands for which contact reason (the prompts are in the text bundles). */
    interface Ivr {
        /** Digit to contact reason, e.g. {@code ticket.ivr.options.1=WHERE_IS_MY_ORDER}. */
        Map<String, String> options();
    }

    /** Phone numbers, kept and searched in E.164. */
    interface Phone {
        /** Region (ISO 3166-1 alpha-2) of a number written without a country code, when the customer's is unknown. */
        @WithDefault("ES")
        String defaultRegion();
    }

    /** The store's support mailbox, where customers' e-mail replies arrive (IMAP); off unless a host is set. */
    interface Mail {
        /** IMAP host; without it the mailbox is not read. */
        Optional<String> host();

        @WithDefault("143")
        int port();

        /** IMAPS (TLS from the start) rather than plain IMAP. */
        @WithDefault("false")
        boolean ssl();

        Optional<String> user();

        Optional<String> password();

        @WithDefault("INBOX")
        String folder();

        /** Where a processed e-mail is moved; unset, it is only marked as read. */
        Optional<String> processedFolder();

        /** How often the mailbox is read ({@code off} disables it). */
        @WithDefault("30s")
        String pollEvery();

        /** E-mails handled per poll at most. */
        @WithDefault("50")
        int batchSize();

        /**
         * The support address that replies are plus-addressed on: {@code support+t.<ticketId>@...} names a ticket,
         * {@code support+o.<orderId>@...} an order.
         */
        @WithDefault("support@postventa.local")
        String address();

        /** Attachments kept per e-mail; the rest are dropped with a note on the ticket. */
        @WithDefault("5")
        int maxAttachments();

        /** Largest attachment kept; larger ones are dropped with a note on the ticket. */
        @WithDefault("5M")
        MemorySize maxAttachmentSize();
    }

    /** Contact intake limits. */
    interface Contacts {
        /** Longest message accepted, in characters (also enforced by the request validation). */
        @WithDefault("10000")
        int maxMessageLength();
    }
}
