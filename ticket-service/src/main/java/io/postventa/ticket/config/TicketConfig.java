package io.postventa.ticket.config;

import java.time.Duration;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Settings of ticket-service ({@code ticket.*}); every one has a default and a line in the README. */
@ConfigMapping(prefix = "ticket")
public interface TicketConfig {

    Wismo wismo();

    Sla sla();

    Contacts contacts();

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

    /** Contact intake limits. */
    interface Contacts {
        /** Longest message accepted, in characters (also enforced by the request validation). */
        @WithDefault("10000")
        int maxMessageLength();
    }
}
