package io.postventa.notification.domain;

import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.Optional;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import io.postventa.events.notifications.MessageKind;

/**
 * The one-click unsubscribe token: {@code base64url(customerId|KIND).base64url(HMAC-SHA256)}. Whoever holds
 * it may switch that kind off for that customer, and nothing else; no login needed.
 */
public final class UnsubscribeToken {
    private static final Base64.Encoder ENC = Base64.getUrlEncoder().withoutPadding();
    private static final Base64.Decoder DEC = Base64.getUrlDecoder();

    private final byte[] secret;
    /** Mac.getInstance and init looked up the provider and expanded the key on every message; one per thread now. */
    private final ThreadLocal<Mac> macs;

    public UnsubscribeToken(String secret) {
        if (secret == null || secret.length() < 16) {
            throw new IllegalArgumentException("the unsubscribe secret must have at least 16 characters");
        }
        this.secret = secret.getBytes(StandardCharsets.UTF_8);
        this.macs = ThreadLocal.withInitial(() -> {
            try {
                Mac mac = Mac.getInstance("HmacSHA256");
                mac.init(new SecretKeySpec(this.secret, "HmacSHA256"));
                return mac;
            } catch (NoSuchAlgorithmException | InvalidKeyException e) {
                throw new IllegalStateException(e);
            }
        });
    }

    /** What a valid token allows. */
    public record Subject(String customerId, MessageKind kind) {
    }

    public String sign(String customerId, MessageKind kind) {
        return token((customerId + "|" + kind.name()).getBytes(StandardCharsets.UTF_8));
    }

    private String token(byte[] payload) {
        return ENC.encodeToString(payload) + "." + ENC.encodeToString(mac(payload));
    }

    public Optional<Subject> verify(String token) {
        if (token == null) {
            return Optional.empty();
        }
        int dot = token.indexOf('.');
        if (dot <= 0) {
            return Optional.empty();
        }
        try {
            byte[] payload = DEC.decode(token.substring(0, dot));
            // Compared as text, not as decoded bytes: the decoder ignores the unused low bits of a final base64
            // character, so several spellings decode to the same signature, and a changed token must not pass.
            byte[] expected = token(payload).getBytes(StandardCharsets.US_ASCII);
            if (!MessageDigest.isEqual(expected, token.getBytes(StandardCharsets.UTF_8))) {
                return Optional.empty();
            }
            String text = new String(payload, StandardCharsets.UTF_8);
            int bar = text.lastIndexOf('|');
            if (bar <= 0) {
                return Optional.empty();
            }
            return Optional.of(new Subject(text.substring(0, bar), MessageKind.valueOf(text.substring(bar + 1))));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    private byte[] mac(byte[] payload) {
        Mac mac = macs.get();
        mac.reset();
        return mac.doFinal(payload);
    }
}
