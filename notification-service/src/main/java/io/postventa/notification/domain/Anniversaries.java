package io.postventa.notification.domain;

import java.time.LocalDate;

/** When a yearly date (birthday, first purchase) comes round. */
public final class Anniversaries {
    private Anniversaries() {
    }

    /** True when {@code date}'s month and day fall on {@code today} (29 February on the 28th in common years). */
    public static boolean isAnniversary(LocalDate date, LocalDate today) {
        if (date.getMonthValue() == 2 && date.getDayOfMonth() == 29 && !today.isLeapYear()) {
            return today.getMonthValue() == 2 && today.getDayOfMonth() == 28;
        }
        return date.getMonthValue() == today.getMonthValue() && date.getDayOfMonth() == today.getDayOfMonth();
    }
}
