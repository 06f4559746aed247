package io.postventa.events.contacts;

import io.postventa.events.common.ContactReason;
import java.time.Instant;

/**
 * The first public reply was sent on a ticket.
 *
 * @param ticketId             the ticket's id; also the record key
 * @param occurredAt           when the reply was sent
 * @param ticketCreatedAt      when the ticket was opened
 * @param firstResponseSeconds elapsed SLA time to the reply, in seconds (paused time excluded); {@code >= 0}
 * @param withinSla            whether the reply met the first-response target
 * @param automatic            true for a self-service automatic reply
 * @param reason               contact reason
 * @param customerId           the customer's id, when known
 * @param orderId              the order, when known
 * @param agentId              the replying agent, unless automatic
 * @param teamId               the agent's team
 */
public record TicketFirstResponse(
        String ticketId,
        Instant occurredAt,
        Instant ticketCreatedAt,
        Long firstResponseSeconds,
        Boolean withinSla,
        Boolean automatic,
        ContactReason reason,
        String customerId,
        String orderId,
        String agentId,
        String teamId) {
}
