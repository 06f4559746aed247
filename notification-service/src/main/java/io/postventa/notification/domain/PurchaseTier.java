package io.postventa.notification.domain;

/** First, second, third, or a later purchase: each gets its own wording. */
public enum PurchaseTier {
    FIRST, SECOND, THIRD, REPEAT;

    /** An unknown purchase number is treated as a repeat purchase (no "welcome" wording by mistake). */
    public static PurchaseTier of(Integer purchaseNumber) {
        if (purchaseNumber == null) {
            return REPEAT;
        }
        return switch (Math.max(purchaseNumber, 1)) {
            case 1 -> FIRST;
            case 2 -> SECOND;
            case 3 -> THIRD;
            default -> REPEAT;
        };
    }

    /** A sample purchase number of this tier (template validation and previews). */
    public int sampleNumber() {
        return switch (this) {
            case FIRST -> 1;
            case SECOND -> 2;
            case THIRD -> 3;
            case REPEAT -> 5;
        };
    }
}
