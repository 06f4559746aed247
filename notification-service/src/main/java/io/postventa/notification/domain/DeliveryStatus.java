package io.postventa.notification.domain;

/** Where a delivery stands. SENDING is internal: claimed by the dispatcher, handed to a provider. */
public enum DeliveryStatus {
    QUEUED, DEFERRED, SENDING, SENT, SUPPRESSED, FAILED
}
