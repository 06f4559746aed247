package io.postventa.ticket.domain;

import java.util.EnumSet;
import java.util.Set;

/** Where a ticket is in its life; SOLVED can be reopened by a customer reply, CLOSED is final. */
public enum TicketStatus {
    NEW, OPEN, PENDING_CUSTOMER, ON_HOLD, SOLVED, CLOSED;

    /** Statuses in which the ticket still needs work (a new contact about the same order joins it). */
    public static final Set<TicketStatus> ACTIVE = EnumSet.of(NEW, OPEN, PENDING_CUSTOMER, ON_HOLD);

    /** Whether an agent may move a ticket from this status to {@code target}. */
    public boolean canMoveTo(TicketStatus target) {
        return switch (this) {
            case NEW -> target == OPEN || target == PENDING_CUSTOMER || target == ON_HOLD || target == SOLVED;
            case OPEN -> target == PENDING_CUSTOMER || target == ON_HOLD || target == SOLVED;
            case PENDING_CUSTOMER -> target == OPEN || target == ON_HOLD || target == SOLVED;
            case ON_HOLD -> target == OPEN || target == PENDING_CUSTOMER || target == SOLVED;
            case SOLVED -> target == OPEN || target == CLOSED;
            case CLOSED -> false;
        };
    }

    public boolean isActive() {
        return ACTIVE.contains(this);
    }

    /** The status after the customer writes again; SOLVED reopens, CLOSED never changes (a new ticket opens). */
    public TicketStatus afterCustomerReply() {
        return switch (this) {
            case NEW -> NEW;
            case CLOSED -> CLOSED;
            default -> OPEN;
        };
    }

    /** The SLA clock does not run while the customer has to answer or the ticket is done. */
    public boolean pausesSla() {
        return this == PENDING_CUSTOMER || this == SOLVED || this == CLOSED;
    }
}
