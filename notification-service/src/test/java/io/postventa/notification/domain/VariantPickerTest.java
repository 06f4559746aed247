package io.postventa.notification.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;

class VariantPickerTest {
    private final List<TemplateVariant> fiftyFifty = List.of(new TemplateVariant("A", 50, "a", "a"),
            new TemplateVariant("B", 50, "b", "b"));

    @Test
    void aCustomerAlwaysGetsTheSameVariant() {
        String first = VariantPicker.pick(fiftyFifty, "CUST-1", "order-shipped.email.es").name();
        for (int i = 0; i < 20; i++) {
            assertEquals(first, VariantPicker.pick(fiftyFifty, "CUST-1", "order-shipped.email.es").name());
        }
    }

    @Test
    void customersSplitRoughlyByWeight() {
        List<TemplateVariant> ninetyTen = List.of(new TemplateVariant("A", 90, "a", "a"), new TemplateVariant("B", 10, "b", "b"));
        long b = IntStream.range(0, 10_000).filter(i -> VariantPicker.pick(ninetyTen, "CUST-" + i, "t").name().equals("B")).count();
        assertTrue(b > 800 && b < 1200, "about 10% get B, got " + b);
    }

    @Test
    void aSingleVariantIsAlwaysChosen() {
        assertEquals("A", VariantPicker.pick(List.of(new TemplateVariant("A", 1, "a", "a")), "x", "t").name());
    }

    @Test
    void noPositiveWeightIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> VariantPicker.pick(List.of(), "x", "t"));
    }
}
