package io.postventa.events.notifications;

/** Why a notification was not sent. */
public enum SuppressionReason {
    /** The customer switched this kind or channel off, or unsubscribed. */
    OPTED_OUT,
    /** No marketing consent for this channel. */
    NO_CONSENT,
    /** The customer has no address, number or token for the channel. */
    NO_CONTACT_POINT,
    /** No {@code customers.v1} record arrived within the waiting time. */
    UNKNOWN_CUSTOMER,
    /** The customer was erased. */
    CUSTOMER_ERASED,
    /** Folded into a later message by the frequency cap. */
    FREQUENCY_CAP,
    /** The trigger is switched off in configuration. */
    TRIGGER_DISABLED,
    /** No template for this kind, channel and locale. */
    NO_TEMPLATE
}
