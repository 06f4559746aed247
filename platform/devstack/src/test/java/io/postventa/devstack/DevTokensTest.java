package io.postventa.devstack;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.security.KeyFactory;
import java.security.PublicKey;
import java.security.Signature;
import java.security.spec.X509EncodedKeySpec;
import java.time.Duration;
import java.util.Base64;

import org.junit.jupiter.api.Test;

class DevTokensTest {

    @Test
    void aTokenIsSignedByTheDevelopmentKeyAndCarriesRoleSubjectAndTeam() throws Exception {
        String token = DevTokens.token("partner-agent", "agent-7", "acme-cc", Duration.ofMinutes(5));
        String[] parts = token.split("\\.");
        String claims = new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8);

        Signature verifier = Signature.getInstance("SHA256withRSA");
        verifier.initVerify(publicKey());
        verifier.update((parts[0] + "." + parts[1]).getBytes(StandardCharsets.US_ASCII));
        assertTrue(verifier.verify(Base64.getUrlDecoder().decode(parts[2])), "signature must verify with the public key");
        assertTrue(claims.contains("\"groups\":[\"partner-agent\"]"), claims);
        assertTrue(claims.contains("\"sub\":\"agent-7\""), claims);
        assertTrue(claims.contains("\"team\":\"acme-cc\""), claims);
        assertTrue(claims.contains("\"iss\":\"postventa-dev\""), claims);
    }

    private static PublicKey publicKey() throws Exception {
        String pem = DevTokens.publicKeyPem().replaceAll("-----[A-Z ]+-----", "").replaceAll("\\s", "");
        return KeyFactory.getInstance("RSA").generatePublic(new X509EncodedKeySpec(Base64.getDecoder().decode(pem)));
    }
}
