package io.postventa.events.contacts;

import io.postventa.events.common.ContactReason;
import java.time.Instant;

/**
 * A ticket was solved.
 *
 * @param ticketId            the ticket's id; also the record key
 * @param occurredAt          when it was solved
 * @param ticketCreatedAt     when it was opened
 * @param resolutionSeconds   elapsed SLA time to solved, in seconds (paused time excluded); {@code >= 0}
 * @param firstResponseMet    whether the first-response target was met
 * @param resolutionMet       whether the resolution target was met
 * @param automatic           true when solved by an automatic self-service reply
 * @param reopenCount         how often it was reopened before; {@code >= 0}
 * @param reason              final contact reason
 * @param priority            final priority
 * @param customerId          the customer's id, when known
 * @param orderId             the order, when known
 * @param teamId              team that solved it
 * @param agentId             agent that solved it, unless automatic
 * @param procedureId         operations procedure applied, if any
 */
public record TicketSolved(
        String ticketId,
        Instant occurredAt,
        Instant ticketCreatedAt,
        Long resolutionSeconds,
        Boolean firstResponseMet,
        Boolean resolutionMet,
        Boolean automatic,
        Integer reopenCount,
        ContactReason reason,
        TicketPriority priority,
        String customerId,
        String orderId,
        String teamId,
        String agentId,
        String procedureId) {
}
