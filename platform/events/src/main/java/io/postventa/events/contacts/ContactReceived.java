package io.postventa.events.contacts;

import io.postventa.events.common.ContactReason;
import java.time.Instant;

/**
 * A customer contacted the store; the contact opened a ticket or joined an open one.
 *
 * @param ticketId             the ticket the contact belongs to; also the record key
 * @param contactId            the contact's own id
 * @param occurredAt           when the contact arrived
 * @param channel              channel it came through
 * @param reason               classified reason
 * @param reasonSource         how the reason was determined
 * @param customerId           the customer's id, when known
 * @param orderId              the order it is about, when known
 * @param language             ISO 639-1 language of the message, when detected
 * @param ivrOption            the IVR option chosen, for phone contacts
 * @param joinedExistingTicket true when it joined an already open ticket
 */
public record ContactReceived(
        String ticketId,
        String contactId,
        Instant occurredAt,
        ContactChannel channel,
        ContactReason reason,
        ReasonSource reasonSource,
        String customerId,
        String orderId,
        String language,
        String ivrOption,
        Boolean joinedExistingTicket) {
}
