package io.postventa.web;

import java.security.PrivateKey;
import java.security.PublicKey;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;

import javax.crypto.SecretKey;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.jwt.JsonWebToken;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Ticker;

import io.smallrye.jwt.auth.principal.DefaultJWTParser;
import io.smallrye.jwt.auth.principal.JWTAuthContextInfo;
import io.smallrye.jwt.auth.principal.JWTParser;
import io.smallrye.jwt.auth.principal.ParseException;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Alternative;
import jakarta.inject.Inject;

/**
 * Verifies a bearer token once rather than on every request. smallrye-jwt checks the signature and the claims of each
 * request's token (an RSA verification and a JSON parse: a tenth of a busy service's CPU), while a caller sends the
 * same token for as long as it lives. Tokens that passed are kept, keyed by their whole text, so a changed header,
 * claim or signature is a different key and is verified afresh; one that failed is never kept. A kept token is
 * reused for at most {@code postventa.jwt.cache.max-age} after it was verified, and never once its {@code exp} (or
 * the configured {@code mp.jwt.verify.token.age} after {@code iat}) has passed: then it is verified again, which
 * applies the configured clock skew as before. {@code max-age} bounds how long a token keeps passing after its
 * signing key was withdrawn; {@code postventa.jwt.cache.max-size=0} turns the cache off.
 */
@Alternative
@Priority(1)
@ApplicationScoped
public class VerifiedTokenCache implements JWTParser {

    private record Verified(JsonWebToken token, long validUntilMillis) {
    }

    private final JWTParser delegate;
    private final Cache<String, Verified> cache;
    private final long maxAgeMillis;
    private final Long tokenAgeSeconds;
    private final LongSupplier clockMillis;

    @Inject
    VerifiedTokenCache(DefaultJWTParser delegate, JWTAuthContextInfo context,
            @ConfigProperty(name = "postventa.jwt.cache.max-size", defaultValue = "10000") long maxSize,
            @ConfigProperty(name = "postventa.jwt.cache.max-age", defaultValue = "60s") Duration maxAge) {
        this(delegate, maxSize, maxAge, context.getTokenAge(), System::currentTimeMillis, Ticker.systemTicker());
    }

    /** For tests: a delegate that stands for smallrye-jwt, and clocks they move. */
    VerifiedTokenCache(JWTParser delegate, long maxSize, Duration maxAge, Long tokenAgeSeconds, LongSupplier clockMillis,
            Ticker ticker) {
        this.delegate = delegate;
        this.maxAgeMillis = maxAge.toMillis();
        this.tokenAgeSeconds = tokenAgeSeconds;
        this.clockMillis = clockMillis;
        this.cache = maxSize <= 0 || maxAgeMillis <= 0 ? null : Caffeine.newBuilder().maximumSize(maxSize)
                .expireAfterWrite(maxAgeMillis, TimeUnit.MILLISECONDS).ticker(ticker).build();
    }

    @Override
    public JsonWebToken parse(String token) throws ParseException {
        if (cache == null || token == null) {
            return delegate.parse(token);
        }
        long now = clockMillis.getAsLong();
        Verified kept = cache.getIfPresent(token);
        if (kept != null) {
            if (now < kept.validUntilMillis()) {
                return kept.token();
            }
            cache.invalidate(token);
        }
        JsonWebToken verified = delegate.parse(token);
        long validUntil = now + maxAgeMillis;
        if (verified.getExpirationTime() > 0) {
            validUntil = Math.min(validUntil, verified.getExpirationTime() * 1000);
        }
        if (tokenAgeSeconds != null && verified.getIssuedAtTime() > 0) {
            validUntil = Math.min(validUntil, (verified.getIssuedAtTime() + tokenAgeSeconds) * 1000);
        }
        if (now < validUntil) {
            cache.put(token, new Verified(verified, validUntil));
        }
        return verified;
    }

    /** Tokens verified with a context other than the service's own are never kept. */
    @Override
    public JsonWebToken parse(String token, JWTAuthContextInfo context) throws ParseException {
        return delegate.parse(token, context);
    }

    @Override
    public JsonWebToken verify(String token, PublicKey key) throws ParseException {
        return delegate.verify(token, key);
    }

    @Override
    public JsonWebToken verify(String token, SecretKey key) throws ParseException {
        return delegate.verify(token, key);
    }

    @Override
    public JsonWebToken verify(String token, String secret) throws ParseException {
        return delegate.verify(token, secret);
    }

    @Override
    public JsonWebToken decrypt(String token, PrivateKey key) throws ParseException {
        return delegate.decrypt(token, key);
    }

    @Override
    public JsonWebToken decrypt(String token, SecretKey key) throws ParseException {
        return delegate.decrypt(token, key);
    }

    @Override
    public JsonWebToken decrypt(String token, String secret) throws ParseException {
        return delegate.decrypt(token, secret);
    }

    @Override
    public JsonWebToken parseOnly(String token) throws ParseException {
        return delegate.parseOnly(token);
    }

    /** How many verified tokens are kept once pending evictions have run (for tests). */
    long size() {
        if (cache == null) {
            return 0;
        }
        cache.cleanUp();
        return cache.estimatedSize();
    }
}
