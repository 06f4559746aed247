package io.postventa.events.contacts;

/** Priority of a ticket, from the priority rules. */
public enum TicketPriority {
    /** Can wait. */
    LOW,
    /** The default. */
    NORMAL,
    /** Ahead of normal work. */
    HIGH,
    /** First in the queue. */
    URGENT
}
