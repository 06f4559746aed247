package io.postventa.notification.domain;

/**
 * Where a delivery stands. SENDING is internal: claimed by the dispatcher, handed to a provider. A new delivery starts
 * QUEUED, DEFERRED or SUPPRESSED; from there it moves only as {@link #canMoveTo} allows: the dispatcher's statements
 * claim QUEUED and due DEFERRED ones (SENDING), record the outcome (SENT, FAILED, or DEFERRED while a circuit is open)
 * and queue a stale claim again (QUEUED); a delivery still waiting may be SUPPRESSED ({@link Delivery#suppress}).
 */
public enum DeliveryStatus {
    QUEUED, DEFERRED, SENDING, SENT, SUPPRESSED, FAILED;

    public boolean canMoveTo(DeliveryStatus next) {
        return switch (this) {
            case QUEUED, DEFERRED -> next == SENDING || next == SUPPRESSED;
            case SENDING -> next == SENT || next == FAILED || next == DEFERRED || next == QUEUED;
            case SENT, SUPPRESSED, FAILED -> false;
        };
    }
}
