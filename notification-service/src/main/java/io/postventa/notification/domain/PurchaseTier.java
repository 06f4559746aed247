package io.postventa.notification.domain;

/** First, second, or a later purchase: each gets its own wording. */
public enum PurchaseTier {
    FIRST, SECOND, REPEAT;

    /** An unknown purchase number is treated as a repeat purchase (no "welcome" wording by mistake). */
    public static PurchaseTier of(Integer purchaseNumber) {
        if (purchaseNumber == null) {
            return REPEAT;
        }
        return purchaseNumber <= 1 ? FIRST : purchaseNumber == 2 ? SECOND : REPEAT;
    }
}
