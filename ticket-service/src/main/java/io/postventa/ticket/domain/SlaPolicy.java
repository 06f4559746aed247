package io.postventa.ticket.domain;

import java.time.Duration;
import java.time.ZoneId;
import java.util.Comparator;
import java.util.List;

import io.postventa.events.contacts.ContactChannel;
import io.postventa.events.contacts.TicketPriority;

/**
 * SLA targets for tickets of one priority and channel (null = any), measured in the calendar's working time, and
 * whether the clock also stops while the order's parcel is with the carrier or a return is on its way back.
 */
public record SlaPolicy(String id, TicketPriority priority, ContactChannel channel, Duration firstResponse,
        Duration resolution, BusinessCalendar calendar, boolean pauseWhileWithCarrier,
        boolean pauseWhileReturnInTransit) {

    /** Id of the policy used when no stored policy matches. */
    public static final String DEFAULT_ID = "default";

    /** The marketplace standard: first response within 24 h, resolution within 72 h, round the clock. */
    public static SlaPolicy defaultPolicy(ZoneId zone) {
        return new SlaPolicy(DEFAULT_ID, null, null, Duration.ofHours(24), Duration.ofHours(72),
                BusinessCalendar.alwaysOpen(zone), false, false);
    }

    /** How specific this policy is: priority and channel both set beats one set beats neither. */
    int specificity() {
        return (priority != null ? 2 : 0) + (channel != null ? 1 : 0);
    }

    boolean matches(TicketPriority p, ContactChannel c) {
        return (priority == null || priority == p) && (channel == null || channel == c);
    }

    /** The most specific policy matching the ticket, or {@code fallback}. */
    public static SlaPolicy select(List<SlaPolicy> policies, TicketPriority priority, ContactChannel channel,
            SlaPolicy fallback) {
        return policies.stream().filter(p -> p.matches(priority, channel))
                .max(Comparator.comparingInt(SlaPolicy::specificity)).orElse(fallback);
    }
}
