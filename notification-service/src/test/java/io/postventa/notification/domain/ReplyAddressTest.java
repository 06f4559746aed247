package io.postventa.notification.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class ReplyAddressTest {
    private final ReplyAddress support = new ReplyAddress("support@postventa.local");

    @Test
    void aMessageAboutATicketIsAnsweredToTheTicketsAddressEvenWhenItAlsoNamesAnOrder() {
        assertEquals("support+t.7f3c2a10-9b1e-4c55-a0d2-3e8f1b2c4d5e@postventa.local",
                support.about("7f3c2a10-9b1e-4c55-a0d2-3e8f1b2c4d5e", "ORD-100234"));
    }

    @Test
    void aMessageAboutAnOrderOnlyIsAnsweredToTheOrdersAddress() {
        assertEquals("support+o.ORD-100234@postventa.local", support.about(null, "ORD-100234"));
        assertEquals("support+o.ord_7@postventa.local", support.about("", "ord_7"));
    }

    @Test
    void aMessageAboutNeitherOrAnIdThatCannotBeWrittenSafelyGetsThePlainAddress() {
        assertEquals("support@postventa.local", support.about(null, null));
        assertEquals("support@postventa.local", support.about(null, "ORD 1"), "a space");
        assertEquals("support@postventa.local", support.about("T#1", "ORD-1"), "the ticket wins, and it is unsafe");
        assertEquals("support@postventa.local", support.about(null, "a.b"), "a dot would be read as a separator");
        assertEquals("support@postventa.local", support.about(null, "x".repeat(60)), "longer than a local part may be");
    }

    @Test
    void theConfiguredAddressIsUsedAsItIs() {
        assertEquals("help+o.ORD-1@shop.example.com", new ReplyAddress("help@shop.example.com").about(null, "ORD-1"));
        assertThrows(IllegalArgumentException.class, () -> new ReplyAddress("not an address"));
    }
}
