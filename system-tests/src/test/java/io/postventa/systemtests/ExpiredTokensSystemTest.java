package io.postventa.systemtests;

import static io.restassured.RestAssured.given;

import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.postventa.devstack.DevTokens;
import io.postventa.devstack.PlatformService;
import io.postventa.testing.Tokens;

/**
 * A token is accepted until its {@code exp} and refused after it, give or take the few seconds of clock difference
 * every service allows ({@code mp.jwt.verify.clock.skew}): not the library's default minute.
 */
class ExpiredTokensSystemTest extends SystemTest {

    /** One admin-readable page per service. */
    private static final Map<PlatformService, String> PAGES = Map.of(
            PlatformService.ORDER_STATUS, "/api/v1/delay-policy",
            PlatformService.RETURNS, "/api/v1/return-policy",
            PlatformService.TICKET, "/api/v1/teams",
            PlatformService.NOTIFICATION, "/api/v1/templates",
            PlatformService.FEEDBACK, "/api/v1/kpis");

    @Test
    void aTokenTwentySecondsPastItsExpiryIsRefusedByEveryServiceWhileAFreshOneIsAccepted() {
        String fresh = DevTokens.token("admin", "admin-st", null, Duration.ofMinutes(5));
        String expired = DevTokens.token("admin", "admin-st", null, Duration.ofSeconds(-20));
        PAGES.forEach((service, path) -> {
            given().baseUri(service.url()).header("Authorization", Tokens.bearer(fresh))
                    .when().get(path).then().statusCode(200);
            given().baseUri(service.url()).header("Authorization", Tokens.bearer(expired))
                    .when().get(path).then().statusCode(401);
        });
    }
}
