package io.postventa.returns.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.postventa.events.returns.ReturnResolution;

class ReturnPolicyTest {

    @Test
    void defaultsAreValidAndFree() {
        assertEquals(List.of(), ReturnPolicy.defaults().validate());
        assertEquals(0, ReturnPolicy.defaults().shippingFee().signum());
        assertEquals(30, ReturnPolicy.defaults().windowDaysFor("apparel"));
        assertEquals(365, ReturnPolicy.defaults().windowDaysFor("Furniture"));
        assertFalse(ReturnPolicy.defaults().isReturnable("GIFT-CARDS"));
    }

    @Test
    void eachBadFieldIsNamed() {
        ReturnPolicy bad = new ReturnPolicy(0, Map.of("furniture", 5000), List.of(" "), List.of(), List.of(), false, null);
        assertEquals(List.of("returnWindowDays", "categoryWindowDays.furniture", "nonReturnableCategories[0]", "reasons",
                "resolutions", "returnShippingFee"), bad.validate().stream().map(Violation::field).toList());
    }

    @Test
    void paidShippingChargesTheFee() {
        ReturnPolicy paid = new ReturnPolicy(14, null, null, ReturnPolicy.defaults().reasons(),
                List.of(ReturnResolution.REFUND), false, new BigDecimal("3.95"));
        assertEquals(List.of(), paid.validate());
        assertEquals(new BigDecimal("3.95"), paid.shippingFee());
    }
}
