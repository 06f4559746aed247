package io.postventa.feedback.domain;

import java.util.EnumSet;
import java.util.Set;

/**
 * Where a survey is: PENDING until it is sent (or suppressed by the cooldown, or dropped), SENT until it is answered
 * (or withdrawn, DROPPED, when the customer is erased). ANSWERED, SUPPRESSED and DROPPED are final.
 */
public enum SurveyStatus {
    PENDING, SENT, ANSWERED, SUPPRESSED, DROPPED;

    /** The statuses of a survey not yet answered that may still be: what an erasure withdraws. */
    public static final Set<SurveyStatus> OUTSTANDING = EnumSet.of(PENDING, SENT);

    public boolean canMoveTo(SurveyStatus next) {
        return switch (this) {
            case PENDING -> next == SENT || next == SUPPRESSED || next == DROPPED;
            case SENT -> next == ANSWERED || next == DROPPED;
            case ANSWERED, SUPPRESSED, DROPPED -> false;
        };
    }
}
