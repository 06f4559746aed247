package io.postventa.console;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;

import org.junit.jupiter.api.Test;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;

/**
 * The ticket page against a stand-in ticket-service: the person's token goes with every call, a stale page says
 * so and keeps the typed reply instead of overwriting, and a refused field shows the service's error next to it.
 */
@QuarkusTest
@QuarkusTestResource(value = TicketServiceStub.class, restrictToAnnotatedClass = true)
class TicketPageTest {

    private static String session() {
        Response page = given().get("/sign-in");
        String token = page.htmlPath().getString("**.find { it.@name == 'csrf-token' }.@value");
        return given().redirects().follow(false).cookie("console-csrf", page.cookie("console-csrf"))
                .formParams(Map.of("csrf-token", token, "user", "agent-ana", "next", "/inbox"))
                .post("/sign-in").then().statusCode(303).extract().cookie("console-session");
    }

    private static Map<String, String> csrf(String session) {
        Response page = given().cookie("console-session", session).header("Accept-Language", "en").get("/tickets/t-1");
        page.then().statusCode(200);
        return Map.of("cookie", page.cookie("console-csrf"),
                "token", page.htmlPath().getString("**.find { it.@name == 'csrf-token' }.@value"));
    }

    @Test
    void theTicketIsReadWithThePersonsTokenAndShownAsTheServiceMasksIt() {
        String session = session();
        given().cookie("console-session", session).header("Accept-Language", "en").get("/tickets/t-1")
                .then().statusCode(200).body(containsString("The lamp arrived broken"))
                .body(containsString("a***@example.com")).body(containsString("name=\"version\" value=\"2026-12-07T09:30:00.123456Z\""));
        assertEquals("Bearer " + session, TicketServiceStub.SEEN.get("GET /api/v1/tickets/t-1/workspace Authorization"));
    }

    @Test
    void aReplyFromAStalePageSaysTheTicketChangedAndKeepsTheTypedText() {
        String session = session();
        Map<String, String> csrf = csrf(session);
        given().cookie("console-session", session).cookie("console-csrf", csrf.get("cookie")).header("Accept-Language", "en")
                .formParams(Map.of("csrf-token", csrf.get("token"), "version", "2026-12-07T09:30:00.123456Z", "body", "My careful answer"))
                .post("/tickets/t-1/reply")
                .then().statusCode(409)
                .body(containsString("This ticket changed since you opened it"))
                .body(containsString(">My careful answer</textarea>"));
        assertEquals("2026-12-07T09:30:00.123456Z", TicketServiceStub.SEEN.get("POST /api/v1/tickets/t-1/messages If-Match"),
                "the write carried the version the page was showing");
    }

    @Test
    void aRefusedMergeShowsTheServicesFieldErrorNextToTheFieldWithTheTypedValue() {
        String session = session();
        Map<String, String> csrf = csrf(session);
        String page = given().cookie("console-session", session).cookie("console-csrf", csrf.get("cookie"))
                .header("Accept-Language", "en")
                .formParams(Map.of("csrf-token", csrf.get("token"), "version", "2026-12-07T09:30:00.123456Z", "sourceTicketId", "not-a-ticket"))
                .post("/tickets/t-1/merge").then().statusCode(400).extract().asString();
        assertTrue(page.contains("<span class=\"error\" id=\"merge-error\">no such ticket</span>"), page);
        assertTrue(page.contains("value=\"not-a-ticket\""), "the typed id is kept");
    }

    @Test
    void aTicketWaitingForTheCustomerOpensAndSaysItsResolutionClockIsPaused() {
        given().cookie("console-session", session()).header("Accept-Language", "en").get("/tickets/t-2")
                .then().statusCode(200).body(containsString("Which size should I order?"))
                .body(containsString("<dd>Paused</dd>"));
    }

    @Test
    void theTicketComesWithItsProcedureDraftedWhileTheSectionsAskedForAtOnceCarryTheTokenOrSayTheyAreUnavailable() {
        String session = session();
        // notification-service answers (the stand-in), order-status and returns services do not: their sections
        // say so, and the rest of the page (the ticket, the procedure with its draft, messages sent) is there
        given().cookie("console-session", session).header("Accept-Language", "en").get("/tickets/t-3")
                .then().statusCode(200).body(containsString("The vase arrived in pieces"))
                .body(containsString("Damaged on arrival"))
                .body(containsString("Sorry about the vase: please send us a photo."))
                .body(containsString("The order is unavailable right now"))
                .body(containsString("Returns are unavailable right now"))
                .body(containsString("None yet."));
        assertEquals("Bearer " + session, TicketServiceStub.SEEN.get("GET /api/v1/tickets/t-3/workspace Authorization"),
                "one call to ticket-service for the ticket, its procedure and the draft");
        assertEquals("Bearer " + session,
                TicketServiceStub.SEEN.get("GET /api/v1/customers/c-3/notifications Authorization"),
                "the messages sent, asked for on another thread at once with the other sections, carried the token");
        assertTrue(TicketServiceStub.SEEN.keySet().stream().noneMatch(k -> k.startsWith("GET /api/v1/tickets/t-3/procedures")),
                "no separate draft call");
    }
}
