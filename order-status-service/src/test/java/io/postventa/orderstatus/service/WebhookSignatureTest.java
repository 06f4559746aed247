package io.postventa.orderstatus.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

class WebhookSignatureTest {
    private static final byte[] BODY = "{\"eventId\":\"e-1\"}".getBytes(StandardCharsets.UTF_8);
    private static final long AT = 1_700_000_000L;

    @Test
    void theSignatureIsTheHexHmacSha256OfTheTimestampAndTheBody() {
        // printf '%s.%s' 1700000000 '{"eventId":"e-1"}' | openssl dgst -sha256 -hmac secret
        assertEquals("sha256=ea98b62ccadbb1520b41484ca2305254b7d9329bb6d01f0a0e4e182021754d9c",
                WebhookSignature.sign("secret", AT, BODY));
    }

    @Test
    void aMatchingSignatureIsAcceptedInAnyCase() {
        String signature = WebhookSignature.sign("secret", AT, BODY);
        assertTrue(WebhookSignature.matches("secret", AT, BODY, signature));
        assertTrue(WebhookSignature.matches("secret", AT, BODY, signature.toUpperCase().replace("SHA256=", "sha256=")));
    }

    @Test
    void anotherSecretAChangedBodyAnotherTimeOrNoSignatureIsRefused() {
        String signature = WebhookSignature.sign("secret", AT, BODY);
        assertFalse(WebhookSignature.matches("other", AT, BODY, signature));
        assertFalse(WebhookSignature.matches("secret", AT, "{}".getBytes(StandardCharsets.UTF_8), signature));
        assertFalse(WebhookSignature.matches("secret", AT + 1, BODY, signature), "the timestamp is part of what is signed");
        assertFalse(WebhookSignature.matches("secret", AT, BODY, null));
    }
}
