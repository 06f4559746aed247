package io.postventa.events.contacts;

/** What reopened a ticket. */
public enum ReopenTrigger {
    /** The customer replied after it was solved. */
    CUSTOMER_REPLY,
    /** An agent reopened it. */
    AGENT
}
