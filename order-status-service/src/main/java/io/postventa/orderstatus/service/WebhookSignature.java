package io.postventa.orderstatus.service;

import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * HMAC-SHA256 with the platform's shared secret over {@code <timestamp>.<raw body>}, sent as
 * {@code X-Postventa-Signature: sha256=<lower-case hex>} next to {@code X-Postventa-Timestamp: <unix seconds>}.
 * Signing the time lets the receiver refuse a captured request replayed later.
 */
public final class WebhookSignature {
    public static final String HEADER = "X-Postventa-Signature";
    public static final String TIMESTAMP_HEADER = "X-Postventa-Timestamp";
    private static final String PREFIX = "sha256=";

    private WebhookSignature() {
    }

    /** The signature header value a platform sends for {@code body} at {@code timestamp} (unix seconds). */
    public static String sign(String secret, long timestamp, byte[] body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            mac.update((timestamp + ".").getBytes(StandardCharsets.US_ASCII));
            return PREFIX + HexFormat.of().formatHex(mac.doFinal(body));
        } catch (NoSuchAlgorithmException | InvalidKeyException e) {
            throw new IllegalStateException("HMAC-SHA256 is not available", e);
        }
    }

    /** True when {@code header} is the signature of {@code body} at {@code timestamp}; compared in constant time. */
    public static boolean matches(String secret, long timestamp, byte[] body, String header) {
        if (header == null) {
            return false;
        }
        byte[] expected = sign(secret, timestamp, body).getBytes(StandardCharsets.US_ASCII);
        byte[] given = header.trim().toLowerCase(java.util.Locale.ROOT).getBytes(StandardCharsets.US_ASCII);
        return MessageDigest.isEqual(expected, given);
    }
}
