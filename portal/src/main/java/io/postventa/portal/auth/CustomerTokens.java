package io.postventa.portal.auth;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.interfaces.RSAPrivateCrtKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.RSAPublicKeySpec;
import java.util.Base64;
import java.util.Optional;
import java.util.Set;

import org.jose4j.jwt.JwtClaims;
import org.jose4j.jwt.MalformedClaimException;
import org.jose4j.jwt.consumer.InvalidJwtException;
import org.jose4j.jwt.consumer.JwtConsumer;
import org.jose4j.jwt.consumer.JwtConsumerBuilder;

import io.postventa.portal.PortalConfig;
import io.quarkus.runtime.StartupEvent;
import io.smallrye.jwt.build.Jwt;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

/**
 * The short-lived customer tokens the portal acts with once a link or a lookup checked out: subject = the customer
 * id, role {@code customer}, and the one order this session may show ({@code postventa_order}, the portal's own
 * limit: the services let a customer see all their own data, the portal shows only that order). Signed with a key
 * the services trust (locally the development key, in production the issuer's arrangement: see the README), and
 * verified again when they come back in the session cookie.
 */
@ApplicationScoped
public class CustomerTokens {
    /** The claim naming the one order a portal session shows. */
    public static final String ORDER_CLAIM = "postventa_order";

    private final PortalConfig config;
    private PrivateKey privateKey;
    private JwtConsumer consumer;

    public CustomerTokens(PortalConfig config) {
        this.config = config;
    }

    void start(@Observes StartupEvent event) {
        String location = config.token().privateKeyLocation().orElseThrow(() -> new IllegalStateException(
                "portal.token.private-key-location is required: the key the portal signs customer tokens with"));
        try {
            KeyFactory rsa = KeyFactory.getInstance("RSA");
            privateKey = rsa.generatePrivate(new PKCS8EncodedKeySpec(Base64.getDecoder().decode(pem(location)
                    .replace("-----BEGIN PRIVATE KEY-----", "").replace("-----END PRIVATE KEY-----", "")
                    .replaceAll("\\s", ""))));
            RSAPrivateCrtKey crt = (RSAPrivateCrtKey) privateKey;
            PublicKey publicKey = rsa.generatePublic(new RSAPublicKeySpec(crt.getModulus(), crt.getPublicExponent()));
            consumer = new JwtConsumerBuilder().setVerificationKey(publicKey).setExpectedIssuer(config.token().issuer())
                    .setRequireExpirationTime().setRequireSubject().setAllowedClockSkewInSeconds(30).build();
        } catch (GeneralSecurityException | IOException | IllegalArgumentException e) {
            throw new IllegalStateException("cannot read the portal's signing key " + location + ": " + e.getMessage(), e);
        }
    }

    /** A session's token: the customer, the order it shows, and the language the link or lookup came with. */
    public record Session(String token, String customerId, String orderId, long expiresAt) {
    }

    /** A token acting as {@code customerId}, limited (by the portal) to {@code orderId}. */
    public String issue(String customerId, String orderId) {
        return Jwt.issuer(config.token().issuer()).subject(customerId).upn(customerId).groups(Set.of("customer"))
                .claim(ORDER_CLAIM, orderId).expiresIn(config.token().ttl())
                .jws().keyId(config.token().keyId()).sign(privateKey);
    }

    /** The session a token the portal signed still opens, if it has not expired. */
    public Optional<Session> verify(String token) {
        if (consumer == null || token == null || token.isBlank()) {
            return Optional.empty();
        }
        try {
            JwtClaims claims = consumer.processToClaims(token);
            String order = claims.getStringClaimValue(ORDER_CLAIM);
            if (order == null || !claims.getStringListClaimValue("groups").contains("customer")) {
                return Optional.empty();
            }
            return Optional.of(new Session(token, claims.getSubject(), order, claims.getExpirationTime().getValue()));
        } catch (InvalidJwtException | MalformedClaimException e) {
            return Optional.empty();
        }
    }

    private static String pem(String location) throws IOException {
        if (location.startsWith("file:")) {
            return Files.readString(Path.of(location.substring("file:".length())), StandardCharsets.US_ASCII);
        }
        try (InputStream in = Thread.currentThread().getContextClassLoader().getResourceAsStream(location)) {
            if (in == null) {
                throw new IOException(location + " is not on the classpath");
            }
            return new String(in.readAllBytes(), StandardCharsets.US_ASCII);
        }
    }
}
