package io.postventa.ticket.domain;

/** What a ticket message is. */
public enum TicketMessageKind {
    /** A contact from the customer. */
    CUSTOMER,
    /** A reply the customer sees. */
    PUBLIC_REPLY,
    /** The self-service automatic reply. */
    AUTO_REPLY,
    /** A note only agents see. */
    INTERNAL_NOTE,
    /** A status change or other event, written by the service. */
    SYSTEM;

    /** Whether the customer sees it. */
    public boolean isPublic() {
        return this != INTERNAL_NOTE && this != SYSTEM;
    }
}
