package io.postventa.events.common;

/** Channels a customer can be messaged on. */
public enum NotificationChannel {
    /** E-mail. */
    EMAIL,
    /** SMS text message. */
    SMS,
    /** WhatsApp message. */
    WHATSAPP,
    /** Mobile push notification. */
    PUSH,
    /** Written to the log only; for development. */
    LOG
}
