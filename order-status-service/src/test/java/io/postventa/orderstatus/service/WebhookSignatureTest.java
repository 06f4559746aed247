package io.postventa.orderstatus.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

class WebhookSignatureTest {
    private static final byte[] BODY = "{\"eventId\":\"e-1\"}".getBytes(StandardCharsets.UTF_8);

    @Test
    void theSignatureIsTheHexHmacSha256OfTheBody() {
        // echo -n '{"eventId":"e-1"}' | openssl dgst -sha256 -hmac secret
        assertEquals("sha256=5ffc3c84ba879e5bb9bc56c476fe00669927fc2c06c164bce952da7ce1390280",
                WebhookSignature.sign("secret", BODY));
    }

    @Test
    void aMatchingSignatureIsAcceptedInAnyCase() {
        String signature = WebhookSignature.sign("secret", BODY);
        assertTrue(WebhookSignature.matches("secret", BODY, signature));
        assertTrue(WebhookSignature.matches("secret", BODY, signature.toUpperCase().replace("SHA256=", "sha256=")));
    }

    @Test
    void anotherSecretAChangedBodyOrNoSignatureIsRefused() {
        String signature = WebhookSignature.sign("secret", BODY);
        assertFalse(WebhookSignature.matches("other", BODY, signature));
        assertFalse(WebhookSignature.matches("secret", "{}".getBytes(StandardCharsets.UTF_8), signature));
        assertFalse(WebhookSignature.matches("secret", BODY, null));
    }
}
