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
 * The portal link token: {@code base64url(linkId).expiresEpochSecondsBase36.base64url(HMAC-SHA256[0..16])} over the
 * first two parts. It names a stored link (an order and its customer) and carries its own signed expiry, so a
 * changed character or a later expiry fails the signature; the link row is what erasure deletes. 16 bytes of MAC
 * keep the URL short enough for an SMS while leaving 2^128 guesses.
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

    /** What a token says once its signature checks out; it may still be expired. */
    public record Claims(UUID linkId, Instant expiresAt) {
        public boolean expiredAt(Instant now) {
            return !expiresAt.isAfter(now);
        }
    }

    public String sign(UUID linkId, Instant expiresAt) {
        ByteBuffer id = ByteBuffer.allocate(16).putLong(linkId.getMostSignificantBits())
                .putLong(linkId.getLeastSignificantBits());
        String payload = ENC.encodeToString(id.array()) + "." + Long.toString(expiresAt.getEpochSecond(), 36);
        return payload + "." + ENC.encodeToString(mac(payload));
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
            ByteBuffer id = ByteBuffer.wrap(DEC.decode(token.substring(0, first)));
            if (id.remaining() != 16) {
                return Optional.empty();
            }
            UUID linkId = new UUID(id.getLong(), id.getLong());
            Instant expires = Instant.ofEpochSecond(Long.parseLong(token.substring(first + 1, last), 36));
            return Optional.of(new Claims(linkId, expires));
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
