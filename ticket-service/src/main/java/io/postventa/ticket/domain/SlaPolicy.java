package io.postventa.ticket.domain;

import java.time.Duration;
import java.time.ZoneId;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import io.postventa.events.contacts.ContactChannel;
import io.postventa.events.contacts.TicketPriority;

/**
 * SLA targets for tickets of one priority and channel (null = any), measured in the calendar's working time, and
 * whether the clock also stops while the order's parcel is with the carrier or a return is on its way back. A
 * priority listed in {@code priorityTargets} has targets of its own (the default policy gives higher priorities
 * shorter ones); the others take {@code firstResponse} and {@code resolution}.
 */
public record SlaPolicy(String id, TicketPriority priority, ContactChannel channel, Duration firstResponse,
        Duration resolution, BusinessCalendar calendar, boolean pauseWhileWithCarrier,
        boolean pauseWhileReturnInTransit, Map<TicketPriority, SlaTargets> priorityTargets) {

    /** Id of the default policy: the stored row of that id, else the built-in one. */
    public static final String DEFAULT_ID = "default";

    public SlaPolicy {
        priorityTargets = priorityTargets == null || priorityTargets.isEmpty() ? Map.of()
                : Map.copyOf(new EnumMap<>(priorityTargets));
    }

    /** A policy whose targets are the same for every priority. */
    public SlaPolicy(String id, TicketPriority priority, ContactChannel channel, Duration firstResponse,
            Duration resolution, BusinessCalendar calendar, boolean pauseWhileWithCarrier,
            boolean pauseWhileReturnInTransit) {
        this(id, priority, channel, firstResponse, resolution, calendar, pauseWhileWithCarrier,
                pauseWhileReturnInTransit, Map.of());
    }

    /** The marketplace standard: first response within 24 h, resolution within 72 h, round the clock. */
    public static SlaPolicy defaultPolicy(ZoneId zone) {
        return new SlaPolicy(DEFAULT_ID, null, null, Duration.ofHours(24), Duration.ofHours(72),
                BusinessCalendar.alwaysOpen(zone), false, false);
    }

    /** The targets of a ticket of this priority (a priority name, as tickets store it). */
    public SlaTargets targets(String ticketPriority) {
        SlaTargets own = ticketPriority == null ? null : priorityTargets.get(TicketPriority.valueOf(ticketPriority));
        return own != null ? own : new SlaTargets(firstResponse, resolution);
    }

    public Duration firstResponse(String ticketPriority) {
        return targets(ticketPriority).firstResponse();
    }

    public Duration resolution(String ticketPriority) {
        return targets(ticketPriority).resolution();
    }

    /** How specific this policy is: priority and channel both set beats one set beats neither. */
    int specificity() {
        return (priority != null ? 2 : 0) + (channel != null ? 1 : 0);
    }

    boolean matches(TicketPriority p, ContactChannel c) {
        return (priority == null || priority == p) && (channel == null || channel == c);
    }

    /** The most specific policy matching the ticket other than the default, or {@code fallback} (the default). */
    public static SlaPolicy select(List<SlaPolicy> policies, TicketPriority priority, ContactChannel channel,
            SlaPolicy fallback) {
        return policies.stream().filter(p -> !DEFAULT_ID.equals(p.id()) && p.matches(priority, channel))
                .max(Comparator.comparingInt(SlaPolicy::specificity)).orElse(fallback);
    }
}
