package io.postventa.events.contacts;

/** The SLA targets a ticket is measured against. */
public enum SlaTarget {
    /** Time to the first public reply. */
    FIRST_RESPONSE,
    /** Time to solved. */
    RESOLUTION
}
