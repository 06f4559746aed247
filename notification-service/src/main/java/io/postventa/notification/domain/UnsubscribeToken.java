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
 * The one-click unsubscribe token: {@code base64url(customerId|KIND)[.base64url(messageId)].base64url(HMAC-SHA256)},
 * the MAC over the decoded first part, or over the text of the first two when the token names the message it came in
 * (so that the unsubscribe counts for that message's template variant). Whoever holds it may switch that kind off for
 * that customer, and nothing else; no login needed. The first part stays {@code customerId|KIND} so that the portal
 * can name the kind before asking.
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

    /** What a valid token allows, and the message it came in (null for a token that names none). */
    public record Subject(String customerId, MessageKind kind, java.util.UUID messageId) {
        public Subject(String customerId, MessageKind kind) {
            this(customerId, kind, null);
        }
    }

    public String sign(String customerId, MessageKind kind) {
        return token((customerId + "|" + kind.name()).getBytes(StandardCharsets.UTF_8));
    }

    /** The token of the message {@code messageId}. */
    public String sign(String customerId, MessageKind kind, java.util.UUID messageId) {
        String message = ENC.encodeToString(java.nio.ByteBuffer.allocate(16).putLong(messageId.getMostSignificantBits())
                .putLong(messageId.getLeastSignificantBits()).array());
        String signed = ENC.encodeToString((customerId + "|" + kind.name()).getBytes(StandardCharsets.UTF_8)) + "." + message;
        // the MAC input of a two-part token always holds a '|', this text never does: neither passes for the other
        return signed + "." + ENC.encodeToString(mac(signed.getBytes(StandardCharsets.US_ASCII)));
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
            int last = token.lastIndexOf('.');
            java.util.UUID message = null;
            byte[] expected;
            // Compared as text, not as decoded bytes: the decoder ignores the unused low bits of a final base64
            // character, so several spellings decode to the same signature, and a changed token must not pass.
            if (last == dot) {
                expected = token(payload).getBytes(StandardCharsets.US_ASCII);
            } else {
                String signed = token.substring(0, last);
                expected = (signed + "." + ENC.encodeToString(mac(signed.getBytes(StandardCharsets.US_ASCII))))
                        .getBytes(StandardCharsets.US_ASCII);
                java.nio.ByteBuffer id = java.nio.ByteBuffer.wrap(DEC.decode(token.substring(dot + 1, last)));
                if (id.remaining() != 16) {
                    return Optional.empty();
                }
                message = new java.util.UUID(id.getLong(), id.getLong());
            }
            if (!MessageDigest.isEqual(expected, token.getBytes(StandardCharsets.UTF_8))) {
                return Optional.empty();
            }
            String text = new String(payload, StandardCharsets.UTF_8);
            int bar = text.lastIndexOf('|');
            if (bar <= 0) {
                return Optional.empty();
            }
            return Optional.of(new Subject(text.substring(0, bar), MessageKind.valueOf(text.substring(bar + 1)), message));
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
