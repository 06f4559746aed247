package io.postventa.devstack;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.Signature;
import java.security.spec.PKCS8EncodedKeySpec;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.UUID;

/**
 * Development JWTs signed with the key pair shipped in {@code dev-keys/} (RS256). The services
 * trust that key only when told to (dev, test, `./postventa up`); production verifies tokens from
 * a real OIDC issuer. JDK crypto only, so this class works on any classpath.
 */
public final class DevTokens {
    /** Issuer claim of every development token; the services' dev and test profiles expect it. */
    public static final String ISSUER = "postventa-dev";
    public static final String PUBLIC_KEY_RESOURCE = "dev-keys/jwt-public.pem";
    private static final String PRIVATE_KEY_RESOURCE = "dev-keys/jwt-private.pem";

    private DevTokens() {
    }

    /** A token for {@code subject} with one role, valid for one hour. */
    public static String token(String role, String subject) {
        return token(role, subject, null, Duration.ofHours(1));
    }

    /**
     * A token with the role in the MicroProfile {@code groups} claim, the subject in {@code sub}
     * and {@code upn}, and an optional {@code team} claim (agents of a partner contact centre).
     */
    public static String token(String role, String subject, String team, Duration ttl) {
        Instant now = Instant.now();
        StringBuilder claims = new StringBuilder()
                .append("{\"iss\":\"").append(ISSUER).append('"')
                .append(",\"sub\":\"").append(json(subject)).append('"')
                .append(",\"upn\":\"").append(json(subject)).append('"')
                .append(",\"groups\":[\"").append(json(role)).append("\"]")
                .append(",\"iat\":").append(now.getEpochSecond())
                .append(",\"exp\":").append(now.plus(ttl).getEpochSecond())
                .append(",\"jti\":\"").append(UUID.randomUUID()).append('"');
        if (team != null && !team.isBlank()) {
            claims.append(",\"team\":\"").append(json(team)).append('"');
        }
        claims.append('}');
        String header = "{\"alg\":\"RS256\",\"typ\":\"JWT\",\"kid\":\"postventa-dev\"}";
        String signingInput = b64(header.getBytes(StandardCharsets.UTF_8)) + "."
                + b64(claims.toString().getBytes(StandardCharsets.UTF_8));
        try {
            Signature signature = Signature.getInstance("SHA256withRSA");
            signature.initSign(privateKey());
            signature.update(signingInput.getBytes(StandardCharsets.US_ASCII));
            return signingInput + "." + b64(signature.sign());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot sign a development token", e);
        }
    }

    /** The PEM text of the development public key. */
    public static String publicKeyPem() {
        return resource(PUBLIC_KEY_RESOURCE);
    }

    private static PrivateKey privateKey() throws GeneralSecurityException {
        String pem = resource(PRIVATE_KEY_RESOURCE)
                .replace("-----BEGIN PRIVATE KEY-----", "")
                .replace("-----END PRIVATE KEY-----", "")
                .replaceAll("\\s", "");
        return KeyFactory.getInstance("RSA").generatePrivate(new PKCS8EncodedKeySpec(Base64.getDecoder().decode(pem)));
    }

    private static String resource(String name) {
        try (InputStream in = DevTokens.class.getClassLoader().getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException(name + " is not on the classpath");
            }
            return new String(in.readAllBytes(), StandardCharsets.US_ASCII);
        } catch (IOException e) {
            throw new IllegalStateException("cannot read " + name, e);
        }
    }

    private static String b64(byte[] bytes) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    private static String json(String s) {
        return s.replace("\\", "\\\\").replace("\"", "\\\"");
    }
}
