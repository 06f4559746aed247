package io.postventa.events.contacts;

import io.postventa.events.common.ContactReason;
import java.time.Instant;

/**
 * A ticket was opened, from a contact or proactively.
 *
 * @param ticketId           the ticket's id; also the record key
 * @param occurredAt         when it was opened
 * @param origin             what opened it
 * @param reason             contact reason
 * @param priority           priority from the rules
 * @param channel            channel of the first contact; absent for proactive tickets
 * @param customerId         the customer's id, when known
 * @param orderId            the order it is about, when known
 * @param contactId          the contact that opened it, when {@code origin} is CONTACT
 * @param teamId             team it was routed to
 * @param firstResponseDueAt first-response SLA due time
 * @param resolutionDueAt    resolution SLA due time
 */
public record TicketCreated(
        String ticketId,
        Instant occurredAt,
        TicketOrigin origin,
        ContactReason reason,
        TicketPriority priority,
        ContactChannel channel,
        String customerId,
        String orderId,
        String contactId,
        String teamId,
        Instant firstResponseDueAt,
        Instant resolutionDueAt) {
}
