package io.postventa.feedback.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;

import org.junit.jupiter.api.Test;

class SurveyTokenTest {
    private final SurveyToken tokens = new SurveyToken("a-secret-of-at-least-32-characters-long");
    private final Instant expires = Instant.parse("2026-12-01T10:00:00Z");

    @Test
    void aTokenItIssuedVerifiesWithItsSurveyAndExpiry() {
        SurveyToken.Claims claims = tokens.verify(tokens.issue("SRV-1", expires)).orElseThrow();
        assertEquals("SRV-1", claims.surveyId());
        assertEquals(expires, claims.expiresAt());
    }

    @Test
    void aTokenExpiresAtItsExpiryInstant() {
        SurveyToken.Claims claims = tokens.verify(tokens.issue("SRV-1", expires)).orElseThrow();
        assertFalse(claims.expiredAt(expires.minusSeconds(1)));
        assertTrue(claims.expiredAt(expires));
    }

    @Test
    void aChangedExpiryOrSurveyBreaksTheSignature() {
        String[] parts = tokens.issue("SRV-1", expires).split("\\.");
        assertTrue(tokens.verify(parts[0] + "." + (Long.parseLong(parts[1]) + 1) + "." + parts[2]).isEmpty());
        String other = tokens.issue("SRV-2", expires).split("\\.")[0];
        assertTrue(tokens.verify(other + "." + parts[1] + "." + parts[2]).isEmpty());
    }

    @Test
    void aTokenSignedWithAnotherSecretOrMalformedIsRefused() {
        String foreign = new SurveyToken("another-secret-of-at-least-32-characters").issue("SRV-1", expires);
        assertTrue(tokens.verify(foreign).isEmpty());
        assertTrue(tokens.verify("garbage").isEmpty());
        assertTrue(tokens.verify("a.b.c").isEmpty());
        assertTrue(tokens.verify("").isEmpty());
        assertTrue(tokens.verify(null).isEmpty());
    }

    @Test
    void changingAnyOneCharacterOfTheSignatureInvalidatesTheToken() {
        String alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
        // several surveys, so the signatures end in different characters (the last one carries two unused bits)
        for (int n = 0; n < 20; n++) {
            String token = tokens.issue("SRV-" + n, expires);
            int from = token.lastIndexOf('.') + 1;
            for (int i = from; i < token.length(); i++) {
                for (char c : alphabet.toCharArray()) {
                    if (c != token.charAt(i)) {
                        String changed = token.substring(0, i) + c + token.substring(i + 1);
                        assertTrue(tokens.verify(changed).isEmpty(), "accepted " + changed + " for " + token);
                    }
                }
            }
            assertTrue(tokens.verify(token + "A").isEmpty(), "a longer signature is refused");
        }
    }

    @Test
    void aShortSecretIsRefusedAtStart() {
        assertThrows(IllegalArgumentException.class, () -> new SurveyToken("short"));
    }
}
