package io.postventa.events.contacts;

import io.postventa.events.common.ContactReason;
import java.time.Instant;

/**
 * A solved ticket was reopened.
 *
 * @param ticketId    the ticket's id; also the record key
 * @param occurredAt  when it was reopened
 * @param trigger     what reopened it
 * @param reopenCount how often it has been reopened, this time included; {@code >= 1}
 * @param reason      contact reason
 * @param customerId  the customer's id, when known
 * @param orderId     the order, when known
 */
public record TicketReopened(
        String ticketId,
        Instant occurredAt,
        ReopenTrigger trigger,
        Integer reopenCount,
        ContactReason reason,
        String customerId,
        String orderId) {
}
