package io.postventa.events.contacts;

import io.postventa.events.common.ContactReason;
import java.time.Instant;

/**
 * A public reply was sent to the customer on a ticket: every reply, the first one included (an
 * internal note is not a reply). Carries the reply's text so that the customer can be told by
 * e-mail, SMS or push without a call back to ticket-service.
 *
 * @param ticketId    the ticket's id; also the record key
 * @param messageId   the reply's id within the ticket, unique
 * @param occurredAt  when the reply was sent
 * @param automatic   true for a self-service automatic reply
 * @param firstReply  true when this is the ticket's first public reply
 * @param reason      contact reason
 * @param body        the reply's text as the customer reads it
 * @param language    the language the reply is written in, when known
 * @param customerId  the customer's id, when known
 * @param orderId     the order, when known
 * @param agentId     the replying agent, unless automatic
 * @param teamId      the agent's team
 * @param channel     the channel the reply goes out on (the channel of the contact it answers), when known
 */
public record TicketReplied(
        String ticketId,
        String messageId,
        Instant occurredAt,
        Boolean automatic,
        Boolean firstReply,
        ContactReason reason,
        String body,
        String language,
        String customerId,
        String orderId,
        String agentId,
        String teamId,
        ContactChannel channel) {
}
