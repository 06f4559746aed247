package io.postventa.events.contacts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;

import io.postventa.events.contacts.ReplyAddress.Kind;
import io.postventa.events.contacts.ReplyAddress.Subject;

class ReplyAddressTest {
    private final ReplyAddress support = new ReplyAddress("support@postventa.local");

    // What notification-service writes

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
        assertThrows(IllegalArgumentException.class, () -> new ReplyAddress("support@"));
        assertThrows(IllegalArgumentException.class, () -> new ReplyAddress(null));
    }

    // What ticket-service reads

    @Test
    void aPlusAddressNamesATicketOrAnOrderWhateverCaseTheMailServerGaveTheSupportAddress() {
        assertEquals(Optional.of(new Subject(Kind.TICKET, "6f1c2a8e-0b6e-4a53-9d1e-2f7b9c1d0e11")),
                support.parse("support+t.6f1c2a8e-0b6e-4a53-9d1e-2f7b9c1d0e11@postventa.local"));
        assertEquals(Optional.of(new Subject(Kind.ORDER, "ORD-100234")),
                support.parse("Support+o.ORD-100234@PostVenta.local"));
        assertEquals(Optional.of(new Subject(Kind.TICKET, "abc")), support.parse(" SUPPORT+T.abc@postventa.local "));
    }

    @Test
    void thePlainAddressAnotherDomainOrAnIdWithOtherCharactersNameNothing() {
        assertEquals(Optional.empty(), support.parse("support@postventa.local"));
        assertEquals(Optional.empty(), support.parse("support+t.123@elsewhere.example"));
        assertEquals(Optional.empty(), support.parse("support+o.ORD/1@postventa.local"));
        assertEquals(Optional.empty(), support.parse("supportx+t.123@postventa.local"));
        assertEquals(Optional.empty(), support.parse("support+x.123@postventa.local"));
        assertEquals(Optional.empty(), support.parse("support+@postventa.local"));
        assertEquals(Optional.empty(), support.parse(null));
    }

    @Test
    void theFirstRecipientThatNamesSomethingWins() {
        assertEquals(Optional.of(new Subject(Kind.TICKET, "abc")), support.find(
                List.of("friend@example.com", "support+t.abc@postventa.local", "support+o.ORD-1@postventa.local")));
        assertEquals(Optional.empty(), support.find(List.of("friend@example.com", "support@postventa.local")));
    }

    // Both sides of the contract

    @Test
    void whatTheWriterPutsInTheReplyToTheReaderTakesBackAsTheSameTicketOrOrder() {
        for (String id : List.of("7f3c2a10-9b1e-4c55-a0d2-3e8f1b2c4d5e", "ORD-100234", "ord_7", "A")) {
            assertEquals(Optional.of(new Subject(Kind.TICKET, id)), support.parse(support.about(id, "ORD-9")), id);
            assertEquals(Optional.of(new Subject(Kind.ORDER, id)), support.parse(support.about(null, id)), id);
        }
        for (String unsafe : List.of("ORD 1", "a.b", "T#1", "x".repeat(60))) {
            assertEquals(Optional.empty(), support.parse(support.about(unsafe, null)), "names nothing: " + unsafe);
        }
    }
}
