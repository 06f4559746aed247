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

    @Test
    void changingAnyOneCharacterOfATokenInvalidatesIt() {
        String alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
        // several customers, so the signatures end in different characters (the last one carries unused bits)
        for (int n = 0; n < 20; n++) {
            String token = tokens.sign("CUST-" + n, MessageKind.ORDER_UPDATES);
            for (int i = 0; i < token.length(); i++) {
                for (char c : alphabet.toCharArray()) {
                    if (c != token.charAt(i)) {
                        String changed = token.substring(0, i) + c + token.substring(i + 1);
                        assertTrue(tokens.verify(changed).isEmpty(), "accepted " + changed + " for " + token);
                    }
                }
            }
            assertTrue(tokens.verify(token + "A").isEmpty(), "a longer token is refused");
        }
    }
}
