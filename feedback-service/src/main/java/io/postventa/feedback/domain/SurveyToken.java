package io.postventa.feedback.domain;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.Base64;
import java.util.Optional;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The survey link token: {@code base64url(surveyId) "." expiresEpochSeconds "." base64url(HMAC-SHA256)} over the
 * first two parts. It proves the link was issued by this service for that survey until that time; single use is
 * checked against the stored survey (an answered survey refuses a second answer).
 */
public final class SurveyToken {
    private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();
    private static final Base64.Decoder DECODER = Base64.getUrlDecoder();

    private final byte[] secret;

    public SurveyToken(String secret) {
        if (secret == null || secret.length() < 32) {
            throw new IllegalArgumentException("the survey token secret must have at least 32 characters");
        }
        this.secret = secret.getBytes(StandardCharsets.UTF_8);
    }

    /** What a valid signature vouches for. */
    public record Claims(String surveyId, Instant expiresAt) {
        public boolean expiredAt(Instant now) {
            return !now.isBefore(expiresAt);
        }
    }

    /** A token for {@code surveyId}, working until {@code expiresAt}. */
    public String issue(String surveyId, Instant expiresAt) {
        String payload = ENCODER.encodeToString(surveyId.getBytes(StandardCharsets.UTF_8)) + "." + expiresAt.getEpochSecond();
        return payload + "." + ENCODER.encodeToString(mac(payload));
    }

    /** The claims of a token signed with this secret; empty for anything malformed or forged. */
    public Optional<Claims> verify(String token) {
        if (token == null || token.length() > 1024) {
            return Optional.empty();
        }
        String[] parts = token.split("\\.", -1);
        if (parts.length != 3) {
            return Optional.empty();
        }
        try {
            // The signature is compared as text: the decoder ignores the unused low bits of the last base64
            // character, so decoding first would accept several spellings of one signature.
            byte[] expected = ENCODER.encodeToString(mac(parts[0] + "." + parts[1])).getBytes(StandardCharsets.US_ASCII);
            if (!MessageDigest.isEqual(expected, parts[2].getBytes(StandardCharsets.UTF_8))) {
                return Optional.empty();
            }
            String surveyId = new String(DECODER.decode(parts[0]), StandardCharsets.UTF_8);
            return Optional.of(new Claims(surveyId, Instant.ofEpochSecond(Long.parseLong(parts[1]))));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    private byte[] mac(String payload) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret, "HmacSHA256"));
            return mac.doFinal(payload.getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is not available", e);
        }
    }
}
