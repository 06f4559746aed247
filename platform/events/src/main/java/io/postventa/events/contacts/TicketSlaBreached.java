package io.postventa.events.contacts;

import io.postventa.events.common.ContactReason;
import java.time.Instant;

/**
 * A ticket missed an SLA target; published once per target.
 *
 * @param ticketId   the ticket's id; also the record key
 * @param occurredAt when the breach was detected
 * @param target     which target was missed
 * @param dueAt      when it was due
 * @param priority   the ticket's priority
 * @param reason     contact reason
 * @param customerId the customer's id, when known
 * @param orderId    the order, when known
 * @param teamId     team the ticket is assigned to
 * @param agentId    agent the ticket is assigned to, if any
 */
public record TicketSlaBreached(
        String ticketId,
        Instant occurredAt,
        SlaTarget target,
        Instant dueAt,
        TicketPriority priority,
        ContactReason reason,
        String customerId,
        String orderId,
        String teamId,
        String agentId) {
}
