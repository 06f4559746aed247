package io.postventa.console.auth;

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
import java.time.Duration;
import java.util.Base64;
import java.util.Optional;
import java.util.Set;

import org.eclipse.microprofile.config.ConfigProvider;
import org.jose4j.jwt.JwtClaims;
import org.jose4j.jwt.consumer.InvalidJwtException;
import org.jose4j.jwt.consumer.JwtConsumer;
import org.jose4j.jwt.consumer.JwtConsumerBuilder;

import io.postventa.console.ConsoleConfig;
import io.quarkus.runtime.StartupEvent;
import io.smallrye.config.SmallRyeConfig;
import io.smallrye.jwt.build.Jwt;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

/**
 * Development tokens for the development sign-in: signed with the development key (the same key and claims as
 * {@code ./postventa token}, which the local services trust), and verified again when they come back in the
 * session cookie. Never active in the prod profile: start-up fails if the setting is on there.
 */
@ApplicationScoped
public class DevTokenIssuer {
    /** Issuer of development tokens; the services' local settings expect it. */
    public static final String ISSUER = "postventa-dev";

    private final ConsoleConfig config;
    private PrivateKey privateKey;
    private JwtConsumer consumer;

    public DevTokenIssuer(ConsoleConfig config) {
        this.config = config;
    }

    void start(@Observes StartupEvent event) {
        if (!config.devSignIn().enabled()) {
            return;
        }
        refuseInProd(ConfigProvider.getConfig().unwrap(SmallRyeConfig.class).getProfiles());
        String location = config.devSignIn().privateKeyLocation().orElseThrow(() -> new IllegalStateException(
                "console.dev-sign-in.private-key-location is required when the development sign-in is on"));
        try {
            KeyFactory rsa = KeyFactory.getInstance("RSA");
            privateKey = rsa.generatePrivate(new PKCS8EncodedKeySpec(Base64.getDecoder().decode(pem(location)
                    .replace("-----BEGIN PRIVATE KEY-----", "").replace("-----END PRIVATE KEY-----", "")
                    .replaceAll("\\s", ""))));
            RSAPrivateCrtKey crt = (RSAPrivateCrtKey) privateKey;
            PublicKey publicKey = rsa.generatePublic(new RSAPublicKeySpec(crt.getModulus(), crt.getPublicExponent()));
            consumer = new JwtConsumerBuilder().setVerificationKey(publicKey).setExpectedIssuer(ISSUER)
                    .setRequireExpirationTime().setRequireSubject().setAllowedClockSkewInSeconds(30).build();
        } catch (GeneralSecurityException | IOException | IllegalArgumentException e) {
            throw new IllegalStateException("cannot read the development key " + location + ": " + e.getMessage(), e);
        }
    }

    /** Fails when the development sign-in is on in the prod profile: it would let anyone be anyone. */
    static void refuseInProd(java.util.List<String> activeProfiles) {
        if (activeProfiles.contains("prod")) {
            throw new IllegalStateException("console.dev-sign-in.enabled is on in the prod profile: refusing to start."
                    + " The development sign-in is for the devstack, dev and test profiles only; production signs in"
                    + " with OIDC.");
        }
    }

    public boolean enabled() {
        return config.devSignIn().enabled();
    }

    /** A token for a seeded user, as `./postventa token --role R --sub S [--team T]` makes it. */
    public String issue(DevUsers.DevUser user) {
        Duration ttl = config.devSignIn().sessionTtl();
        var builder = Jwt.issuer(ISSUER).subject(user.id()).upn(user.id()).groups(Set.of(user.role()))
                .claim("name", user.name()).expiresIn(ttl);
        if (user.team() != null && !user.team().isBlank() && "partner-agent".equals(user.role())) {
            builder.claim("team", user.team());
        }
        return builder.jws().keyId(ISSUER).sign(privateKey);
    }

    /** The claims of a token this issuer signed and that has not expired. */
    public Optional<JwtClaims> verify(String token) {
        if (consumer == null || token == null || token.isBlank()) {
            return Optional.empty();
        }
        try {
            return Optional.of(consumer.processToClaims(token));
        } catch (InvalidJwtException e) {
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
