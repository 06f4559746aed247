package io.postventa.events.contacts;

/** How a contact's reason was determined. */
public enum ReasonSource {
    /** From the IVR option the caller chose. */
    IVR,
    /** From classifying the text and the order context. */
    CLASSIFIER,
    /** Set or corrected by an agent. */
    AGENT,
    /** Given by the system that opened a proactive ticket. */
    SYSTEM
}
