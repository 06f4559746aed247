package io.postventa.events.contacts;

import io.postventa.events.common.ContactReason;
import java.time.Instant;

/**
 * An agent corrected a ticket's contact reason; priority (and with it the SLA policy) follows the new one.
 * Reports on why customers write should count the ticket under its latest reason.
 *
 * @param ticketId       the ticket's id; also the record key
 * @param occurredAt     when the reason was changed
 * @param previousReason the reason before the change
 * @param reason         the reason now
 * @param priority       the priority that follows from the new reason
 * @param agentId        the agent who changed it
 * @param customerId     the customer's id, when known
 * @param orderId        the order, when known
 */
public record TicketReasonChanged(
        String ticketId,
        Instant occurredAt,
        ContactReason previousReason,
        ContactReason reason,
        TicketPriority priority,
        String agentId,
        String customerId,
        String orderId) {
}
