package io.postventa.notification.domain;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;

import org.junit.jupiter.api.Test;

class AnniversariesTest {

    @Test
    void aBirthdayFallsOnTheSameMonthAndDay() {
        assertTrue(Anniversaries.isAnniversary(LocalDate.of(1990, 7, 14), LocalDate.of(2026, 7, 14)));
        assertFalse(Anniversaries.isAnniversary(LocalDate.of(1990, 7, 14), LocalDate.of(2026, 7, 15)));
    }

    @Test
    void aLeapDayIsCelebratedOnThe28thInCommonYears() {
        assertTrue(Anniversaries.isAnniversary(LocalDate.of(2000, 2, 29), LocalDate.of(2026, 2, 28)));
        assertTrue(Anniversaries.isAnniversary(LocalDate.of(2000, 2, 29), LocalDate.of(2028, 2, 29)));
        assertFalse(Anniversaries.isAnniversary(LocalDate.of(2000, 2, 29), LocalDate.of(2028, 2, 28)));
    }
}
