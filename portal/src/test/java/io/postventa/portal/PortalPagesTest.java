package io.postventa.portal;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;

import org.junit.jupiter.api.Test;

import io.postventa.portal.auth.CustomerTokens;
import io.postventa.portal.auth.PortalSession;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.filter.cookie.CookieFilter;
import io.restassured.response.Response;
import jakarta.inject.Inject;

/**
 * The portal on its own, with no service reachable (the test profile points every client at port 1): the ways in,
 * the session, CSRF, the lookup limit, languages, and pages that say a part is unavailable instead of failing.
 */
@QuarkusTest
class PortalPagesTest {
    @Inject
    CustomerTokens tokens;

    @Test
    void theLookupPageSpeaksTheBrowsersLanguageAndCarriesACsrfToken() {
        given().header("Accept-Language", "es-ES").get("/").then().statusCode(200)
                .body(containsString("lang=\"es\""), containsString("Busca tu pedido"), containsString("name=\"csrf-token\""));
        given().header("Accept-Language", "en-GB,en;q=0.9").get("/").then().statusCode(200)
                .body(containsString("lang=\"en\""), containsString("Find your order"));
        given().header("Accept-Language", "pt-PT").get("/").then().statusCode(200)
                .body(containsString("Procure a sua encomenda"));
        given().header("Accept-Language", "fr").get("/").then().statusCode(200).body(containsString("lang=\"es\""));
    }

    @Test
    void aFormWithoutItsCsrfTokenIsRefused() {
        given().redirects().follow(false).formParam("orderId", "ORD-1").formParam("contact", "a@example.com")
                .post("/lookup").then().statusCode(400);
    }

    @Test
    void anEmptyLookupShowsEachErrorInPlaceAndKeepsWhatWasTyped() {
        CookieFilter cookies = new CookieFilter();
        String page = given().filter(cookies).header("Accept-Language", "en").get("/").asString();
        given().filter(cookies).header("Accept-Language", "en").formParam("csrf-token", csrf(page))
                .formParam("orderId", "ORD-77").formParam("contact", "").post("/lookup").then().statusCode(400)
                .body(containsString("id=\"lookup-contact-error\""), containsString("value=\"ORD-77\""),
                        not(containsString("id=\"lookup-order-error\"")));
    }

    @Test
    void tooManyLookupsFromOneAddressGetThe429Page() {
        CookieFilter cookies = new CookieFilter();
        String page = given().filter(cookies).get("/").asString();
        String csrf = csrf(page);
        int last = 0;
        for (int i = 0; i < 5; i++) {
            last = given().filter(cookies).header("Accept-Language", "en").formParam("csrf-token", csrf)
                    .formParam("orderId", "ORD-" + i).formParam("contact", "guess@example.com").post("/lookup").statusCode();
        }
        given().filter(cookies).header("Accept-Language", "en").formParam("csrf-token", csrf).formParam("orderId", "ORD-9")
                .formParam("contact", "guess@example.com").post("/lookup").then().statusCode(429)
                .header("Retry-After", org.hamcrest.Matchers.notNullValue()).body(containsString("Too many attempts"));
        org.junit.jupiter.api.Assertions.assertEquals(429, last);
    }

    @Test
    void withoutASessionTheOrderPagesLeadToTheLookup() {
        for (String path : new String[] {"/order", "/return", "/question", "/preferences", "/returns/RET-1"}) {
            given().redirects().follow(false).get(path).then().statusCode(303)
                    .header("Location", containsString("/?needed=1"));
        }
        given().redirects().follow(false).cookie(PortalSession.COOKIE, "not-a-token").get("/order").then().statusCode(303);
    }

    @Test
    void aLinkThatCannotBeCheckedSaysSoAndOffersTheLookup() {
        given().header("Accept-Language", "en").get("/p/some.token.here").then().statusCode(503)
                .body(containsString("We cannot open the link right now"), containsString("id=\"lookup-order\""));
    }

    @Test
    void aSessionsOrderPageSaysTrackingIsUnavailableWhenTheServiceIsDown() {
        String token = tokens.issue("CUST-1", "ORD-1");
        given().cookie(PortalSession.COOKIE, token).header("Accept-Language", "en").get("/order").then().statusCode(200)
                .body(containsString("Tracking is unavailable right now"), containsString("href=\"/return\""));
        given().cookie(PortalSession.COOKIE, token).header("Accept-Language", "es").get("/return").then().statusCode(200)
                .body(containsString("Las devoluciones no están disponibles"));
    }

    @Test
    void theLanguageFormSetsTheChoiceAndGoesBackOnlyToAPortalPage() {
        CookieFilter cookies = new CookieFilter();
        String csrf = csrf(given().filter(cookies).get("/").asString());
        Response chosen = given().filter(cookies).redirects().follow(false).formParam("csrf-token", csrf)
                .formParam("lang", "pt").formParam("next", "//evil.example/").post("/language");
        chosen.then().statusCode(303).header("Location", org.hamcrest.Matchers.endsWith("/"));
        given().filter(cookies).header("Accept-Language", "en").get("/").then().body(containsString("lang=\"pt\""));
    }

    private static String csrf(String page) {
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("name=\"csrf-token\" value=\"([^\"]+)\"").matcher(page);
        if (!m.find()) {
            throw new AssertionError("no CSRF token in the page: " + page);
        }
        return m.group(1);
    }

    static {
        RestAssured.enableLoggingOfRequestAndResponseIfValidationFails();
    }
}
