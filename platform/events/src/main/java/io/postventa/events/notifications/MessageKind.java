package io.postventa.events.notifications;

/** Kinds of message a customer can switch on or off per channel. */
public enum MessageKind {
    /** Order status changes and delays. */
    ORDER_UPDATES,
    /** Return decisions and refunds. */
    RETURNS,
    /** Replies and updates on tickets. */
    SUPPORT,
    /** Survey invitations. */
    SURVEYS,
    /** Birthdays and purchase anniversaries. */
    PERSONAL_MOMENTS
}
