package io.postventa.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.security.KeyFactory;
import java.security.PublicKey;
import java.security.spec.X509EncodedKeySpec;
import java.time.Duration;
import java.util.Base64;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import org.eclipse.microprofile.jwt.JsonWebToken;
import org.junit.jupiter.api.Test;

import io.postventa.devstack.DevTokens;
import io.smallrye.jwt.auth.principal.DefaultJWTParser;
import io.smallrye.jwt.auth.principal.JWTAuthContextInfo;
import io.smallrye.jwt.auth.principal.JWTParser;
import io.smallrye.jwt.auth.principal.ParseException;

/**
 * The cache in front of smallrye-jwt's real verifier (RS256 development tokens): it may only save verifications,
 * never accept a token the verifier would refuse at that moment. Its clock is moved by hand; the verifier's is the
 * real one.
 */
class VerifiedTokenCacheTest {
    private final AtomicInteger verifications = new AtomicInteger();
    private final AtomicLong nanos = new AtomicLong(1_000_000_000L);
    private final AtomicLong offsetMillis = new AtomicLong();

    @Test
    void aTokenIsVerifiedOnceAndTheSameClaimsServeItsNextRequests() throws Exception {
        VerifiedTokenCache cache = cache(10, Duration.ofSeconds(60), null);
        String token = DevTokens.token("customer", "cust-1");

        JsonWebToken first = cache.parse(token);
        JsonWebToken second = cache.parse(token);

        assertEquals("cust-1", second.getSubject());
        assertSame(first, second);
        assertEquals(1, verifications.get());
    }

    @Test
    void aChangedSignatureIsVerifiedAndRefusedEvenRightAfterTheGenuineToken() throws Exception {
        VerifiedTokenCache cache = cache(10, Duration.ofSeconds(60), null);
        String token = DevTokens.token("customer", "cust-1");
        cache.parse(token);

        // a character inside the signature (the last one also carries padding bits a decoder ignores)
        int at = token.length() - 10;
        String forged = token.substring(0, at) + (token.charAt(at) == 'A' ? 'B' : 'A') + token.substring(at + 1);
        assertThrows(ParseException.class, () -> cache.parse(forged));
        // claims taken from another token under the genuine signature
        String[] genuine = token.split("\\.");
        String[] other = DevTokens.token("admin", "cust-1").split("\\.");
        assertThrows(ParseException.class, () -> cache.parse(genuine[0] + "." + other[1] + "." + genuine[2]));
        assertEquals(3, verifications.get());
        assertEquals(1, cache.size());
    }

    @Test
    void aRefusedTokenIsNeverKept() {
        VerifiedTokenCache cache = cache(10, Duration.ofSeconds(60), null);
        String expired = DevTokens.token("customer", "cust-1", null, Duration.ofMinutes(-10));

        assertThrows(ParseException.class, () -> cache.parse(expired));
        assertThrows(ParseException.class, () -> cache.parse(expired));
        assertEquals(2, verifications.get());
        assertEquals(0, cache.size());
    }

    @Test
    void aKeptTokenIsVerifiedAgainOnceItsExpiryHasPassed() throws Exception {
        VerifiedTokenCache cache = cache(10, Duration.ofMinutes(10), null);
        String token = DevTokens.token("customer", "cust-1", null, Duration.ofSeconds(30));
        cache.parse(token);

        move(Duration.ofSeconds(20));
        cache.parse(token);
        assertEquals(1, verifications.get(), "still before exp: reused");

        move(Duration.ofSeconds(15));
        cache.parse(token); // the real verifier still accepts it (its clock did not move, and it allows a skew)
        assertEquals(2, verifications.get(), "exp passed on the cache's clock: verified again");
    }

    @Test
    void aKeptTokenIsVerifiedAgainAfterTheMaximumAge() throws Exception {
        VerifiedTokenCache cache = cache(10, Duration.ofSeconds(60), null);
        String token = DevTokens.token("customer", "cust-1");
        cache.parse(token);

        move(Duration.ofSeconds(59));
        cache.parse(token);
        move(Duration.ofSeconds(2));
        cache.parse(token);

        assertEquals(2, verifications.get());
    }

    @Test
    void theConfiguredTokenAgeBoundsTheReuseFromIssuedAt() throws Exception {
        VerifiedTokenCache cache = cache(10, Duration.ofSeconds(60), 10L);
        String token = DevTokens.token("customer", "cust-1");
        long issuedAtMillis = cache.parse(token).getIssuedAtTime() * 1000;

        // 9 s after iat on the cache's clock. iat is whole seconds and a busy machine may take a while to get here, so
        // the move is measured from iat, not from now: nine seconds from now could already be past iat + 10 s
        move(Duration.ofMillis(issuedAtMillis + 9_000 - System.currentTimeMillis()));
        cache.parse(token);
        assertEquals(1, verifications.get());
        move(Duration.ofSeconds(2));
        cache.parse(token); // the real verifier's clock did not move: it accepts the token again
        assertEquals(2, verifications.get(), "older than mp.jwt.verify.token.age on the cache's clock");
    }

    @Test
    void sizeZeroVerifiesEveryRequest() throws Exception {
        VerifiedTokenCache cache = cache(0, Duration.ofSeconds(60), null);
        String token = DevTokens.token("customer", "cust-1");
        cache.parse(token);
        cache.parse(token);
        assertEquals(2, verifications.get());
    }

    @Test
    void theCacheHoldsAtMostItsSize() throws Exception {
        VerifiedTokenCache cache = cache(5, Duration.ofSeconds(60), null);
        for (int i = 0; i < 50; i++) {
            cache.parse(DevTokens.token("customer", "cust-" + i));
        }
        assertEquals(5, cache.size());
    }

    private void move(Duration d) {
        offsetMillis.addAndGet(d.toMillis());
        nanos.addAndGet(d.toNanos());
    }

    private VerifiedTokenCache cache(long size, Duration maxAge, Long tokenAge) {
        JWTAuthContextInfo context = new JWTAuthContextInfo(publicKey(), DevTokens.ISSUER);
        if (tokenAge != null) {
            context.setTokenAge(tokenAge);
        }
        JWTParser counting = new DefaultJWTParser(context) {
            @Override
            public JsonWebToken parse(String token) throws ParseException {
                verifications.incrementAndGet();
                return super.parse(token);
            }
        };
        return new VerifiedTokenCache(counting, size, maxAge, tokenAge,
                () -> System.currentTimeMillis() + offsetMillis.get(), nanos::get);
    }

    private static PublicKey publicKey() {
        try {
            String pem = DevTokens.publicKeyPem().replace("-----BEGIN PUBLIC KEY-----", "")
                    .replace("-----END PUBLIC KEY-----", "").replaceAll("\\s", "");
            return KeyFactory.getInstance("RSA").generatePublic(new X509EncodedKeySpec(Base64.getDecoder().decode(pem)));
        } catch (java.security.GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
