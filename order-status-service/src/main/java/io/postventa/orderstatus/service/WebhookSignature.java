package io.postventa.orderstatus.service;

import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * HMAC-SHA256 of a webhook body with the platform's shared secret, sent as
 * {@code X-Postventa-Signature: sha256=<lower-case hex>}.
 */
public final class WebhookSignature {
    public static final String HEADER = "X-Postventa-Signature";
    private static final String PREFIX = "sha256=";

    private WebhookSignature() {
    }

    /** The header value a platform sends for {@code body}. */
    public static String sign(String secret, byte[] body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return PREFIX + HexFormat.of().formatHex(mac.doFinal(body));
        } catch (NoSuchAlgorithmException | InvalidKeyException e) {
            throw new IllegalStateException("HMAC-SHA256 is not available", e);
        }
    }

    /** True when {@code header} is the signature of {@code body}; compared in constant time. */
    public static boolean matches(String secret, byte[] body, String header) {
        if (header == null) {
            return false;
        }
        byte[] expected = sign(secret, body).getBytes(StandardCharsets.US_ASCII);
        byte[] given = header.trim().toLowerCase(java.util.Locale.ROOT).getBytes(StandardCharsets.US_ASCII);
        return MessageDigest.isEqual(expected, given);
    }
}
