package io.postventa.console;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;

/**
 * The console's own behaviour, with no service running (every call fails fast): sign-in and sessions, CSRF,
 * languages, and pages that render their parts as unavailable instead of failing.
 */
@QuarkusTest
class SignInAndPagesTest {

    /** The CSRF cookie and its token from a page's form, as a browser would have them. */
    private record Form(String cookie, String token) {
    }

    private static Form form(String path, String session) {
        var request = given().redirects().follow(false);
        if (session != null) {
            request.cookie("console-session", session);
        }
        Response page = request.get(path);
        String token = page.htmlPath().getString("**.find { it.@name == 'csrf-token' }.@value");
        return new Form(page.cookie("console-csrf"), token);
    }

    private static String signIn(String user) {
        Form f = form("/sign-in", null);
        return given().redirects().follow(false).cookie("console-csrf", f.cookie())
                .formParams(Map.of("csrf-token", f.token(), "user", user, "next", "/inbox"))
                .post("/sign-in").then().statusCode(303).extract().cookie("console-session");
    }

    @Test
    void aPageWithoutASessionGoesToSignInWithTheWayBack() {
        given().redirects().follow(false).get("/tickets/abc?done=sent")
                .then().statusCode(302).header("Location", containsString("/sign-in?next=%2Ftickets%2Fabc%3Fdone%3Dsent"));
    }

    @Test
    void anHtmxRequestWithoutASessionIsToldToLoadTheSignInPage() {
        given().redirects().follow(false).header("HX-Request", "true")
                .header("HX-Current-URL", "http://console.example/inbox?view=mine").get("/inbox/rows")
                .then().statusCode(401).header("HX-Redirect", equalTo("/sign-in?next=%2Finbox%3Fview%3Dmine"));
    }

    @Test
    void theSignInPageListsTheSeededUsersOfTheUsersFile() {
        given().header("Accept-Language", "en").get("/sign-in").then().statusCode(200)
                .body(allOf(containsString("Ana Ruiz"), containsString("Pablo Soto"), containsString("Marta Gil"),
                        containsString("Alex Vidal"), containsString("Partner agent")));
    }

    @Test
    void signingInSetsAnHttpOnlySameSiteSessionCookieAndReturnsToTheRequestedPage() {
        Form f = form("/sign-in?next=/returns", null);
        Response response = given().redirects().follow(false).cookie("console-csrf", f.cookie())
                .formParams(Map.of("csrf-token", f.token(), "user", "agent-ana", "next", "/returns")).post("/sign-in");
        response.then().statusCode(303).header("Location", containsString("/returns"));
        String setCookie = response.headers().getValues("Set-Cookie").stream()
                .filter(c -> c.startsWith("console-session=")).findFirst().orElseThrow();
        assertTrue(setCookie.contains("HTTPOnly") || setCookie.contains("HttpOnly"), "HttpOnly: " + setCookie);
        assertTrue(setCookie.contains("SameSite=Lax"), "SameSite: " + setCookie);
    }

    @Test
    void aSignInAskingToGoToAnotherSiteGoesToTheInboxInstead() {
        Form f = form("/sign-in", null);
        given().redirects().follow(false).cookie("console-csrf", f.cookie())
                .formParams(Map.of("csrf-token", f.token(), "user", "agent-ana", "next", "//evil.example/x"))
                .post("/sign-in").then().statusCode(303).header("Location", containsString("/inbox"))
                .header("Location", not(containsString("evil")));
    }

    @Test
    void aFormPostedWithoutItsCsrfTokenIsRefused() {
        String session = signIn("agent-ana");
        given().redirects().follow(false).cookie("console-session", session)
                .formParams(Map.of("body", "Forged", "version", "1")).post("/tickets/abc/reply")
                .then().statusCode(400);
        Form f = form("/sign-in", null);
        given().redirects().follow(false).cookie("console-csrf", f.cookie())
                .formParams(Map.of("csrf-token", "not-the-token", "user", "admin-alex")).post("/sign-in")
                .then().statusCode(400);
    }

    @Test
    void aSessionCookieNotSignedByTheDevelopmentKeyIsNoSession() {
        String forged = "eyJhbGciOiJub25lIn0.eyJpc3MiOiJwb3N0dmVudGEtZGV2Iiwic3ViIjoiYWRtaW4iLCJncm91cHMiOlsiYWRtaW4iXX0.";
        given().redirects().follow(false).cookie("console-session", forged).get("/admin")
                .then().statusCode(302).header("Location", containsString("/sign-in"));
    }

    @Test
    void signingOutEndsTheSession() {
        String session = signIn("agent-ana");
        Form f = form("/inbox", session);
        Response out = given().redirects().follow(false).cookie("console-session", session).cookie("console-csrf", f.cookie())
                .formParams(Map.of("csrf-token", f.token())).post("/sign-out");
        out.then().statusCode(303).header("Location", containsString("/sign-in"));
        assertTrue(out.headers().getValues("Set-Cookie").stream().anyMatch(c -> c.startsWith("console-session=;")
                && c.contains("Max-Age=0")), "the session cookie is cleared: " + out.headers().getValues("Set-Cookie"));
    }

    @Test
    void withEveryServiceDownEachPageStillOpensAndSaysWhichPartIsUnavailable() {
        String session = signIn("agent-ana");
        given().cookie("console-session", session).header("Accept-Language", "en").get("/inbox")
                .then().statusCode(200).body(containsString("Tickets are unavailable right now"))
                .body(containsString("Take next ticket"));
        given().cookie("console-session", session).header("Accept-Language", "en").get("/returns")
                .then().statusCode(200).body(containsString("Returns are unavailable right now"));
        given().cookie("console-session", session).header("Accept-Language", "en").get("/tickets/abc")
                .then().statusCode(200).body(containsString("Tickets are unavailable right now"))
                .body(containsString("Back to the inbox"));
    }

    @Test
    void thePagesSpeakTheBrowsersLanguageUnlessThePersonChoseAnother() {
        String session = signIn("agent-ana");
        given().cookie("console-session", session).header("Accept-Language", "en-GB,en;q=0.9").get("/inbox")
                .then().statusCode(200).body(containsString("<html lang=\"en\">")).body(containsString("Inbox"));
        given().cookie("console-session", session).header("Accept-Language", "es-ES").get("/inbox")
                .then().statusCode(200).body(containsString("<html lang=\"es\">")).body(containsString("Bandeja"));
        given().cookie("console-session", session).cookie("console-lang", "en").header("Accept-Language", "es-ES")
                .get("/inbox").then().statusCode(200).body(containsString("<html lang=\"en\">"));
        given().cookie("console-session", session).header("Accept-Language", "fr-FR").get("/inbox")
                .then().statusCode(200).body(containsString("<html lang=\"es\">"));
    }

    @Test
    void theNavigationOffersEachRoleItsPagesOnly() {
        given().cookie("console-session", signIn("partner-pablo")).header("Accept-Language", "en").get("/inbox")
                .then().statusCode(200).body(not(containsString("href=\"/admin\""))).body(not(containsString("href=\"/customers\"")))
                .body(containsString("partner-contact"));
        given().cookie("console-session", signIn("admin-alex")).header("Accept-Language", "en").get("/admin")
                .then().statusCode(200).body(containsString("Message templates")).body(containsString("Risk rules"));
    }

    @Test
    void htmxIsServedFromItsWebjar() {
        given().get("/webjars/htmx.org/2.0.4/dist/htmx.min.js").then().statusCode(200);
    }
}
