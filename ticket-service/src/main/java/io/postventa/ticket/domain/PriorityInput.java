package io.postventa.ticket.domain;

import java.math.BigDecimal;

import io.postventa.events.common.ContactReason;
import io.postventa.events.contacts.ContactChannel;

/** The facts the priority rules look at; channel and order total may be null (proactive ticket, no order). */
public record PriorityInput(ContactReason reason, ContactChannel channel, boolean repeatCustomer,
        BigDecimal orderTotal, boolean orderDelayed) {
}
