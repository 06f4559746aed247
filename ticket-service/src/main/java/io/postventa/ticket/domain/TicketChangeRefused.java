package io.postventa.ticket.domain;

/**
 * A change the ticket's state does not allow: a move its lifecycle forbids, or a write to a ticket that is closed or
 * was merged into another. The ticket is left as it was; the API answers 409.
 */
public class TicketChangeRefused extends IllegalStateException {
    private static final long serialVersionUID = 1L;

    public TicketChangeRefused(String message) {
        super(message);
    }
}
