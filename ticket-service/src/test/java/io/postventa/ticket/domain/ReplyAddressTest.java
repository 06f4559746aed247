package io.postventa.ticket.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;

class ReplyAddressTest {
    private static final String BASE = "support@postventa.local";

    @Test
    void aPlusAddressNamesATicketOrAnOrder() {
        assertEquals(Optional.of(new ReplyAddress(ReplyAddress.Kind.TICKET, "6f1c2a8e-0b6e-4a53-9d1e-2f7b9c1d0e11")),
                ReplyAddress.parse(BASE, "support+t.6f1c2a8e-0b6e-4a53-9d1e-2f7b9c1d0e11@postventa.local"));
        assertEquals(Optional.of(new ReplyAddress(ReplyAddress.Kind.ORDER, "ORD-100234")),
                ReplyAddress.parse(BASE, "Support+o.ORD-100234@PostVenta.local"));
    }

    @Test
    void thePlainAddressAnotherDomainOrAnIdWithOtherCharactersNameNothing() {
        assertEquals(Optional.empty(), ReplyAddress.parse(BASE, "support@postventa.local"));
        assertEquals(Optional.empty(), ReplyAddress.parse(BASE, "support+t.123@elsewhere.example"));
        assertEquals(Optional.empty(), ReplyAddress.parse(BASE, "support+o.ORD/1@postventa.local"));
        assertEquals(Optional.empty(), ReplyAddress.parse(BASE, "supportx+t.123@postventa.local"));
    }

    @Test
    void theFirstRecipientThatNamesSomethingWins() {
        assertEquals(Optional.of(new ReplyAddress(ReplyAddress.Kind.TICKET, "abc")), ReplyAddress.find(BASE,
                List.of("friend@example.com", "support+t.abc@postventa.local", "support+o.ORD-1@postventa.local")));
    }
}
