package io.postventa.events.contacts;

import io.postventa.events.common.ContactReason;
import java.time.Instant;

/**
 * A duplicate ticket was merged into another: its conversation moved over and it is closed. Reports that
 * count tickets should stop counting this one; its contacts now belong to {@code mergedInto}.
 *
 * @param ticketId   the merged (closed) ticket's id; also the record key
 * @param occurredAt when it was merged
 * @param mergedInto the ticket that carries on
 * @param reason     the merged ticket's contact reason
 * @param agentId    the agent who merged them
 * @param customerId the customer's id, when known
 * @param orderId    the order, when known
 */
public record TicketMerged(
        String ticketId,
        Instant occurredAt,
        String mergedInto,
        ContactReason reason,
        String agentId,
        String customerId,
        String orderId) {
}
