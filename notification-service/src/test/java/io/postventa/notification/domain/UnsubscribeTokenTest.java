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

    @Test
    void aMessagesTokenNamesTheMessageAndKeepsCustomerAndKindInItsFirstPart() {
        java.util.UUID message = java.util.UUID.randomUUID();
        String token = tokens.sign("CUST-4711", MessageKind.SURVEYS, message);
        assertEquals(new UnsubscribeToken.Subject("CUST-4711", MessageKind.SURVEYS, message), tokens.verify(token).orElseThrow());
        assertEquals("CUST-4711|SURVEYS", new String(java.util.Base64.getUrlDecoder().decode(token.substring(0, token.indexOf('.'))),
                java.nio.charset.StandardCharsets.UTF_8), "the portal reads the kind from the first part");
        String[] parts = token.split("\\.");
        String otherMessage = tokens.sign("CUST-4711", MessageKind.SURVEYS, java.util.UUID.randomUUID()).split("\\.")[1];
        assertTrue(tokens.verify(parts[0] + "." + otherMessage + "." + parts[2]).isEmpty(), "another message's id is refused");
        assertTrue(tokens.verify(parts[0] + "." + parts[2]).isEmpty(), "the message part cannot be dropped");
        assertTrue(tokens.verify(parts[0] + "." + parts[1] + "." + parts[1] + "." + parts[2]).isEmpty());
    }

    @Test
    void changingAnyOneCharacterOfAMessagesTokenInvalidatesIt() {
        String alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_.";
        for (int n = 0; n < 5; n++) {
            String token = tokens.sign("CUST-" + n, MessageKind.ORDER_UPDATES, java.util.UUID.randomUUID());
            for (int i = 0; i < token.length(); i++) {
                for (char c : alphabet.toCharArray()) {
                    if (c != token.charAt(i)) {
                        String changed = token.substring(0, i) + c + token.substring(i + 1);
                        assertTrue(tokens.verify(changed).isEmpty(), "accepted " + changed + " for " + token);
                    }
                }
            }
        }
    }
}
