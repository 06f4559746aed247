package io.postventa.notification.domain;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.Arrays;
import java.util.Base64;
import java.util.Optional;
import java.util.UUID;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The portal link token: {@code base64url(linkId).expiresEpochSecondsBase36[.base64url(messageId)].base64url(HMAC-SHA256[0..16])}
 * over the parts before the last. It names a stored link (an order and its customer) and carries its own signed expiry,
 * so a changed character or a later expiry fails the signature; the link row is what erasure deletes. A message's
 * token also names the message it came in, so that opening it counts a visit for that message's template variant;
 * a token from a lookup names none. 16 bytes of MAC keep the URL short enough for an SMS while leaving 2^128 guesses.
 */
public final class PortalLinkToken {
    private static final Base64.Encoder ENC = Base64.getUrlEncoder().withoutPadding();
    private static final Base64.Decoder DEC = Base64.getUrlDecoder();
    private static final int MAC_BYTES = 16;

    private final ThreadLocal<Mac> macs;

    public PortalLinkToken(String secret) {
        if (secret == null || secret.length() < 32) {
            throw new IllegalArgumentException("the portal link secret must have at least 32 characters");
        }
        byte[] key = secret.getBytes(StandardCharsets.UTF_8);
        this.macs = ThreadLocal.withInitial(() -> {
            try {
                Mac mac = Mac.getInstance("HmacSHA256");
                mac.init(new SecretKeySpec(key, "HmacSHA256"));
                return mac;
            } catch (NoSuchAlgorithmException | InvalidKeyException e) {
                throw new IllegalStateException(e);
            }
        });
    }

    /** What a token says once its signature checks out; it may still be expired. {@code messageId} may be null. */
    public record Claims(UUID linkId, Instant expiresAt, UUID messageId) {
        public Claims(UUID linkId, Instant expiresAt) {
            this(linkId, expiresAt, null);
        }

        public boolean expiredAt(Instant now) {
            return !expiresAt.isAfter(now);
        }
    }

    public String sign(UUID linkId, Instant expiresAt) {
        return sign(linkId, expiresAt, null);
    }

    /** The token of the link as carried by the message {@code messageId} (null: no message, as a lookup gives). */
    public String sign(UUID linkId, Instant expiresAt, UUID messageId) {
        String payload = encode(linkId) + "." + Long.toString(expiresAt.getEpochSecond(), 36)
                + (messageId == null ? "" : "." + encode(messageId));
        return payload + "." + ENC.encodeToString(mac(payload));
    }

    private static String encode(UUID id) {
        return ENC.encodeToString(ByteBuffer.allocate(16).putLong(id.getMostSignificantBits())
                .putLong(id.getLeastSignificantBits()).array());
    }

    private static UUID decode(String b64) {
        ByteBuffer id = ByteBuffer.wrap(DEC.decode(b64));
        if (id.remaining() != 16) {
            throw new IllegalArgumentException("not a 16-byte id");
        }
        return new UUID(id.getLong(), id.getLong());
    }

    /** The claims of a token this key signed, unchanged; empty for anything else (forged, altered, cut). */
    public Optional<Claims> verify(String token) {
        if (token == null || token.length() > 200) {
            return Optional.empty();
        }
        int last = token.lastIndexOf('.');
        int first = token.indexOf('.');
        if (first <= 0 || last <= first) {
            return Optional.empty();
        }
        String payload = token.substring(0, last);
        // compared as text: several base64 spellings decode to the same bytes, and a changed token must not pass
        byte[] expected = (payload + "." + ENC.encodeToString(mac(payload))).getBytes(StandardCharsets.US_ASCII);
        if (!MessageDigest.isEqual(expected, token.getBytes(StandardCharsets.UTF_8))) {
            return Optional.empty();
        }
        try {
            String[] parts = payload.split("\\.", -1);
            if (parts.length > 3) {
                return Optional.empty();
            }
            UUID linkId = decode(parts[0]);
            Instant expires = Instant.ofEpochSecond(Long.parseLong(parts[1], 36));
            return Optional.of(new Claims(linkId, expires, parts.length == 3 ? decode(parts[2]) : null));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    private byte[] mac(String payload) {
        Mac mac = macs.get();
        mac.reset();
        return Arrays.copyOf(mac.doFinal(payload.getBytes(StandardCharsets.US_ASCII)), MAC_BYTES);
    }
}
