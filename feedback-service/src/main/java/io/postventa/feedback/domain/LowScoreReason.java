package io.postventa.feedback.domain;

/**
 * Why a CSAT answer is low (1 or 2): asked on the survey page, required then, offered as a fixed list. What customers
 * read for each is in feedback-service's survey texts ({@code lowScoreReason.<NAME>}), in their language.
 */
public enum LowScoreReason {
    SLOW_RESPONSE,
    NOT_RESOLVED,
    UNFRIENDLY,
    LATE_DELIVERY,
    DAMAGED_OR_WRONG_ITEM,
    SLOW_REFUND,
    COMPLICATED_PROCESS,
    OTHER;

    /** The reason with this code, or null. */
    public static LowScoreReason parse(String code) {
        for (LowScoreReason r : values()) {
            if (r.name().equals(code)) {
                return r;
            }
        }
        return null;
    }
}
