package io.postventa.console.auth;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;

class DevSignInGuardTest {

    @Test
    void theDevelopmentSignInRefusesToRunInTheProdProfile() {
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> DevTokenIssuer.refuseInProd(List.of("prod")));
        assertTrue(e.getMessage().contains("refusing to start"), e.getMessage());
    }

    @Test
    void theDevelopmentSignInRunsInTheDevstackDevAndTestProfiles() {
        assertDoesNotThrow(() -> DevTokenIssuer.refuseInProd(List.of("devstack")));
        assertDoesNotThrow(() -> DevTokenIssuer.refuseInProd(List.of("dev")));
        assertDoesNotThrow(() -> DevTokenIssuer.refuseInProd(List.of("test")));
    }
}
