package io.postventa.returns.domain;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

import io.postventa.events.returns.ReturnOutcome;

/** Where a return request is, from the request to its resolution. */
public enum ReturnStatus {
    REQUESTED, IN_REVIEW, APPROVED, REJECTED, LABEL_ISSUED, IN_TRANSIT, RECEIVED, INSPECTED, REFUNDED, EXCHANGED,
    CREDITED, EXPIRED;

    private static final Map<ReturnStatus, Set<ReturnStatus>> NEXT = Map.ofEntries(
            Map.entry(REQUESTED, EnumSet.of(IN_REVIEW, APPROVED, REJECTED)),
            Map.entry(IN_REVIEW, EnumSet.of(APPROVED, REJECTED)),
            Map.entry(APPROVED, EnumSet.of(LABEL_ISSUED, EXPIRED)),
            Map.entry(LABEL_ISSUED, EnumSet.of(IN_TRANSIT, RECEIVED, EXPIRED)),
            Map.entry(IN_TRANSIT, EnumSet.of(RECEIVED)),
            Map.entry(RECEIVED, EnumSet.of(INSPECTED)),
            Map.entry(INSPECTED, EnumSet.of(REFUNDED, EXCHANGED, CREDITED)),
            Map.entry(REJECTED, EnumSet.noneOf(ReturnStatus.class)),
            Map.entry(REFUNDED, EnumSet.noneOf(ReturnStatus.class)),
            Map.entry(EXCHANGED, EnumSet.noneOf(ReturnStatus.class)),
            Map.entry(CREDITED, EnumSet.noneOf(ReturnStatus.class)),
            Map.entry(EXPIRED, EnumSet.noneOf(ReturnStatus.class)));

    /** The status a decision with {@code outcome} moves a return to. */
    public static ReturnStatus after(ReturnOutcome outcome) {
        return switch (outcome) {
            case APPROVED -> APPROVED;
            case REVIEW -> IN_REVIEW;
            case REJECTED -> REJECTED;
        };
    }

    public boolean canMoveTo(ReturnStatus next) {
        return NEXT.get(this).contains(next);
    }

    /** Not yet resolved, refused or expired: its value counts as an open return. */
    public boolean isOpen() {
        return !NEXT.get(this).isEmpty();
    }

    /** Counts against what may still be returned of an order (everything but refused and expired). */
    public boolean holdsUnits() {
        return this != REJECTED && this != EXPIRED;
    }

    /** The names of the statuses that hold units, as SQL compares them (status = any(?)). */
    public static String[] namesHoldingUnits() {
        return Arrays.stream(values()).filter(ReturnStatus::holdsUnits).map(Enum::name).toArray(String[]::new);
    }

    /** The names of the open statuses, as SQL compares them. */
    public static String[] namesOpen() {
        return Arrays.stream(values()).filter(ReturnStatus::isOpen).map(Enum::name).toArray(String[]::new);
    }
}
