package io.postventa.notification.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

import io.postventa.events.notifications.MessageKind;

class UnsubscribeTokenTest {
    private final UnsubscribeToken tokens = new UnsubscribeToken("a-secret-of-sixteen-chars");

    @Test
    void aSignedTokenNamesItsCustomerAndKind() {
        String token = tokens.sign("CUST-4711", MessageKind.ORDER_UPDATES);
        assertEquals(new UnsubscribeToken.Subject("CUST-4711", MessageKind.ORDER_UPDATES), tokens.verify(token).orElseThrow());
    }

    @Test
    void aTamperedOrForeignTokenIsRefused() {
        String token = tokens.sign("CUST-4711", MessageKind.ORDER_UPDATES);
        String otherCustomer = tokens.sign("CUST-9999", MessageKind.ORDER_UPDATES);
        String forged = otherCustomer.substring(0, otherCustomer.indexOf('.')) + token.substring(token.indexOf('.'));
        assertTrue(tokens.verify(forged).isEmpty());
        assertTrue(new UnsubscribeToken("another-secret-of-16").verify(token).isEmpty());
        assertTrue(tokens.verify("garbage").isEmpty());
        assertTrue(tokens.verify(null).isEmpty());
    }
}
