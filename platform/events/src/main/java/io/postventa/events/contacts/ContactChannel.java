package io.postventa.events.contacts;

/** Channels a customer contacts the store through. */
public enum ContactChannel {
    /** E-mail. */
    EMAIL,
    /** Live chat. */
    CHAT,
    /** Phone call (with the IVR option chosen). */
    PHONE,
    /** The store's web contact form. */
    WEB_FORM,
    /** Social networks. */
    SOCIAL,
    /** A text message to the store's number. */
    SMS,
    /** A WhatsApp message to the store's business account. */
    WHATSAPP
}
