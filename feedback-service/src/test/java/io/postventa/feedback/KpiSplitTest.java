package io.postventa.feedback;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

import io.postventa.events.EventType;
import io.postventa.events.common.ContactReason;
import io.postventa.events.contacts.ContactChannel;
import io.postventa.events.contacts.ContactReceived;
import io.postventa.events.contacts.ReasonSource;
import io.postventa.events.contacts.SlaTarget;
import io.postventa.events.contacts.TicketCreated;
import io.postventa.events.contacts.TicketFirstResponse;
import io.postventa.events.contacts.TicketOrigin;
import io.postventa.events.contacts.TicketPriority;
import io.postventa.events.contacts.TicketSlaBreached;
import io.postventa.events.contacts.TicketSolved;
import io.postventa.testing.PostventaTestResource;
import io.postventa.testing.Tokens;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;

/**
 * The ticket KPIs by channel, team and agent from a known week of four tickets, compared with figures worked out by
 * hand (in a random far-future year, so nothing else on the shared database falls into the range). First responses
 * by people and automatic ones are counted apart.
 */
@QuarkusTest
@QuarkusTestResource(value = PostventaTestResource.class, initArgs = @ResourceArg(name = "database", value = "feedback"))
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class KpiSplitTest extends FeedbackTestSupport {
    static final int YEAR = 2100 + ThreadLocalRandom.current().nextInt(800);
    static final String FROM = LocalDate.of(YEAR, 5, 4).toString();
    static final String TO = LocalDate.of(YEAR, 5, 10).toString();
    static final String MANAGER = Tokens.bearer(Tokens.manager("manager-split"));
    static final String IN_HOUSE = id("team-in");
    static final String PARTNER = id("team-partner");
    static final String AGENT_A = id("agent-a");
    static final String AGENT_B = id("agent-b");
    static boolean loaded;

    static Instant at(int day, int hour) {
        return LocalDate.of(YEAR, 5, day).atTime(hour, 0).toInstant(ZoneOffset.UTC);
    }

    static ValidatableResponse splits(String by) {
        return given().header("Authorization", MANAGER).queryParam("by", by).queryParam("from", FROM).queryParam("to", TO)
                .get("/api/v1/kpis/splits").then().statusCode(200);
    }

    static ContactReceived contactVia(String ticket, String customer, String order, ContactChannel channel, Instant at) {
        return new ContactReceived(ticket, id("CON"), at, channel, ContactReason.WHERE_IS_MY_ORDER, ReasonSource.CLASSIFIER,
                customer, order, "es", null, false);
    }

    static TicketCreated created(String ticket, String customer, String order, ContactChannel channel, String team, Instant at) {
        return new TicketCreated(ticket, at, TicketOrigin.CONTACT, ContactReason.WHERE_IS_MY_ORDER, TicketPriority.NORMAL, channel,
                customer, order, id("CON"), team, at.plus(Duration.ofHours(24)), at.plus(Duration.ofHours(72)));
    }

    static TicketFirstResponse responded(String ticket, String customer, Instant created, long seconds, boolean withinSla,
            boolean automatic, String agent, String team) {
        return new TicketFirstResponse(ticket, created.plusSeconds(seconds), created, seconds, withinSla, automatic,
                ContactReason.WHERE_IS_MY_ORDER, customer, null, agent, team);
    }

    static TicketSolved solved(String ticket, String customer, String order, Instant created, Instant at, long seconds,
            boolean frMet, boolean resMet, String team, String agent) {
        return new TicketSolved(ticket, at, created, seconds, frMet, resMet, false, 0, ContactReason.WHERE_IS_MY_ORDER,
                TicketPriority.NORMAL, customer, order, team, agent, null);
    }

    /** The known week: four orders and four tickets, two teams, two agents, three channels; two CSAT answers. */
    void load() {
        if (loaded) {
            return;
        }
        String[] c = new String[5];
        String[] o = new String[5];
        String[] t = new String[5];
        for (int i = 1; i <= 4; i++) {
            c[i] = id("CUST");
            o[i] = id("ORD");
            t[i] = id("TCK");
            send(EventType.ORDER_STATUS_CHANGED, o[i], placed(o[i], c[i], at(4, 8), line(id("SKU"), "home")));
        }
        Instant created = at(4, 10);
        // T1: e-mail, in-house, agent A answers in 30 min and solves within SLA
        send(EventType.CONTACT_RECEIVED, t[1], contactVia(t[1], c[1], o[1], ContactChannel.EMAIL, created));
        send(EventType.TICKET_CREATED, t[1], created(t[1], c[1], o[1], ContactChannel.EMAIL, IN_HOUSE, created));
        send(EventType.TICKET_FIRST_RESPONSE, t[1], responded(t[1], c[1], created, 1800, true, false, AGENT_A, IN_HOUSE));
        send(EventType.TICKET_SOLVED, t[1], solved(t[1], c[1], o[1], created, at(5, 10), 86_400, true, true, IN_HOUSE, AGENT_A));
        // T2: chat, partner, answered automatically; agent B solves it late; reopened
        send(EventType.CONTACT_RECEIVED, t[2], contactVia(t[2], c[2], o[2], ContactChannel.CHAT, created));
        send(EventType.TICKET_CREATED, t[2], created(t[2], c[2], o[2], ContactChannel.CHAT, PARTNER, created));
        send(EventType.TICKET_FIRST_RESPONSE, t[2], responded(t[2], c[2], created, 60, true, true, null, PARTNER));
        send(EventType.TICKET_SOLVED, t[2], solved(t[2], c[2], o[2], created, at(5, 11), 90_000, true, false, PARTNER, AGENT_B));
        // T3: e-mail (two contacts), partner, agent B answers after 100,000 s; SLA breached; still open
        send(EventType.CONTACT_RECEIVED, t[3], contactVia(t[3], c[3], o[3], ContactChannel.EMAIL, created));
        send(EventType.CONTACT_RECEIVED, t[3], contactVia(t[3], c[3], o[3], ContactChannel.EMAIL, at(5, 10)));
        send(EventType.TICKET_CREATED, t[3], created(t[3], c[3], o[3], ContactChannel.EMAIL, PARTNER, created));
        send(EventType.TICKET_FIRST_RESPONSE, t[3], responded(t[3], c[3], created, 100_000, false, false, AGENT_B, PARTNER));
        send(EventType.TICKET_SLA_BREACHED, t[3], new TicketSlaBreached(t[3], at(5, 10), SlaTarget.FIRST_RESPONSE, at(5, 10),
                TicketPriority.NORMAL, ContactReason.WHERE_IS_MY_ORDER, c[3], o[3], PARTNER, AGENT_B));
        // T4: phone, in-house, agent A answers in 2 h and solves within SLA
        send(EventType.CONTACT_RECEIVED, t[4], contactVia(t[4], c[4], o[4], ContactChannel.PHONE, created));
        send(EventType.TICKET_CREATED, t[4], created(t[4], c[4], o[4], ContactChannel.PHONE, IN_HOUSE, created));
        send(EventType.TICKET_FIRST_RESPONSE, t[4], responded(t[4], c[4], created, 7200, true, false, AGENT_A, IN_HOUSE));
        send(EventType.TICKET_SOLVED, t[4], solved(t[4], c[4], o[4], created, at(6, 10), 10_000, true, true, IN_HOUSE, AGENT_A));
        Awaitility.await().atMost(Duration.ofSeconds(90)).untilAsserted(() -> splits("team")
                .body("rows.find { it.value == '" + IN_HOUSE + "' }.figures.resolution.solved", equalTo(2))
                .body("rows.find { it.value == '" + PARTNER + "' }.figures.resolution.solved", equalTo(1))
                .body("rows.find { it.value == '" + PARTNER + "' }.figures.firstResponse.responses", equalTo(1))
                .body("rows.find { it.value == '" + PARTNER + "' }.figures.firstResponse.automatic", equalTo(1))
                .body("rows.find { it.value == '" + PARTNER + "' }.figures.slaBreaches", equalTo(1)));
        String csat1 = awaitSurveyScheduled(t[1]);
        String csat2 = awaitSurveyScheduled(t[2]);
        clock.set(at(7, 12));
        Awaitility.await().atMost(Duration.ofSeconds(60)).until(() -> {
            surveys.sendDue();
            return "SENT".equals(surveyStatus(csat1)) && "SENT".equals(surveyStatus(csat2));
        });
        answer(awaitInvitationToken(csat1), Map.of("score", 5)).statusCode(201);
        answer(awaitInvitationToken(csat2), Map.of("score", 2, "lowScoreReason", "NOT_RESOLVED")).statusCode(201);
        clock.reset();
        // reopened after its CSAT (an open ticket holds its customer's surveys back)
        send(EventType.TICKET_REOPENED, t[2], reopened(t[2], c[2], ContactReason.WHERE_IS_MY_ORDER, at(8, 9)));
        Awaitility.await().atMost(Duration.ofSeconds(90)).untilAsserted(() -> splits("agent")
                .body("rows.find { it.value == '" + AGENT_B + "' }.figures.reopenRate", equalTo(1.0f)));
        loaded = true;
    }

    static String row(String value) {
        return "rows.find { it.value == '" + value + "' }.figures.";
    }

    @Test
    @Order(1)
    void kpisByChannelOfAKnownWeekEqualTheFiguresWorkedOutByHand() {
        load();
        String email = row("EMAIL");
        String chat = row("CHAT");
        String phone = row("PHONE");
        splits("channel").body("by", equalTo("channel")).body("orders", equalTo(4)).body("rows.size()", equalTo(3))
                .body(email + "contacts", equalTo(3)).body(email + "contactsPerOrder", equalTo(0.75f))
                .body(email + "ticketsCreated", equalTo(2))
                .body(email + "firstResponse.responses", equalTo(2))
                .body(email + "firstResponse.meanSeconds", equalTo(50900.0f))
                .body(email + "firstResponse.withinSlaRate", equalTo(0.5f))
                .body(email + "firstResponse.within24hRate", equalTo(0.5f))
                .body(email + "firstResponse.within48hRate", equalTo(1.0f))
                .body(email + "firstResponse.automaticShare", equalTo(0.0f))
                .body(email + "resolution.solved", equalTo(1)).body(email + "resolution.meanSeconds", equalTo(86400.0f))
                .body(email + "resolutionRate", equalTo(0.5f)).body(email + "slaCompliance", equalTo(1.0f))
                .body(email + "slaBreaches", equalTo(1)).body(email + "reopenRate", equalTo(0.0f))
                .body(email + "csat.answers", equalTo(1)).body(email + "csat.averageScore", equalTo(5.0f))
                .body(chat + "contacts", equalTo(1)).body(chat + "contactsPerOrder", equalTo(0.25f))
                .body(chat + "firstResponse.responses", equalTo(0)).body(chat + "firstResponse.meanSeconds", nullValue())
                .body(chat + "firstResponse.automatic", equalTo(1)).body(chat + "firstResponse.automaticShare", equalTo(1.0f))
                .body(chat + "resolution.meanSeconds", equalTo(90000.0f)).body(chat + "slaCompliance", equalTo(0.0f))
                .body(chat + "reopenRate", equalTo(1.0f)).body(chat + "csat.averageScore", equalTo(2.0f))
                .body(chat + "csat.score", equalTo(0.0f))
                .body(phone + "firstResponse.meanSeconds", equalTo(7200.0f))
                .body(phone + "firstResponse.within1hRate", equalTo(0.0f))
                .body(phone + "firstResponse.within4hRate", equalTo(1.0f))
                .body(phone + "resolution.meanSeconds", equalTo(10000.0f)).body(phone + "csat.answers", equalTo(0))
                .body(phone + "csat.score", nullValue());
    }

    @Test
    @Order(2)
    void kpisByTeamAndByAgentLeaveAutomaticAnswersOutOfFirstResponseTime() {
        load();
        String in = row(IN_HOUSE);
        String partner = row(PARTNER);
        splits("team").body("rows.size()", equalTo(2))
                .body(in + "ticketsCreated", equalTo(2)).body(in + "firstResponse.meanSeconds", equalTo(4500.0f))
                .body(in + "firstResponse.withinSlaRate", equalTo(1.0f)).body(in + "firstResponse.within1hRate", equalTo(0.5f))
                .body(in + "firstResponse.automaticShare", equalTo(0.0f))
                .body(in + "resolution.meanSeconds", equalTo(48200.0f)).body(in + "resolutionRate", equalTo(1.0f))
                .body(in + "slaCompliance", equalTo(1.0f)).body(in + "reopenRate", equalTo(0.0f))
                .body(in + "csat.averageScore", equalTo(5.0f)).body(in + "contactsPerOrder", nullValue())
                .body(partner + "ticketsCreated", equalTo(2)).body(partner + "firstResponse.responses", equalTo(1))
                .body(partner + "firstResponse.meanSeconds", equalTo(100000.0f))
                .body(partner + "firstResponse.within24hRate", equalTo(0.0f))
                .body(partner + "firstResponse.automatic", equalTo(1))
                .body(partner + "firstResponse.automaticShare", equalTo(0.5f))
                .body(partner + "resolution.meanSeconds", equalTo(90000.0f)).body(partner + "resolutionRate", equalTo(0.5f))
                .body(partner + "slaCompliance", equalTo(0.0f)).body(partner + "slaBreaches", equalTo(1))
                .body(partner + "reopenRate", equalTo(1.0f)).body(partner + "csat.averageScore", equalTo(2.0f));
        String a = row(AGENT_A);
        String b = row(AGENT_B);
        splits("agent").body("rows.size()", equalTo(2))
                .body(a + "firstResponse.responses", equalTo(2)).body(a + "firstResponse.meanSeconds", equalTo(4500.0f))
                .body(a + "resolution.solved", equalTo(2)).body(a + "csat.averageScore", equalTo(5.0f))
                .body(a + "resolutionRate", nullValue())
                .body(b + "firstResponse.responses", equalTo(1)).body(b + "firstResponse.meanSeconds", equalTo(100000.0f))
                .body(b + "firstResponse.automatic", equalTo(0))
                .body(b + "resolution.meanSeconds", equalTo(90000.0f)).body(b + "slaBreaches", equalTo(1))
                .body(b + "reopenRate", equalTo(1.0f)).body(b + "csat.averageScore", equalTo(2.0f));
    }

    @Test
    @Order(3)
    void theSplitsAsCsvHaveOneLinePerValue() {
        load();
        String csv = given().header("Authorization", MANAGER).queryParam("by", "team").queryParam("from", FROM).queryParam("to", TO)
                .queryParam("format", "csv").get("/api/v1/kpis/splits").then().statusCode(200)
                .header("Content-Type", startsWith("text/csv")).extract().asString();
        List<String> lines = csv.lines().toList();
        org.junit.jupiter.api.Assertions.assertEquals(3, lines.size(), "header and one line per team: " + csv);
        org.junit.jupiter.api.Assertions.assertTrue(lines.get(0).startsWith("team,partner,partnerName,contacts"), lines.get(0));
    }

    @Test
    @Order(4)
    void aPartnersStaffSeeOnlyTheirOwnTeam() {
        load();
        String partnerAgent = Tokens.bearer(Tokens.partnerAgent(id("pa"), PARTNER));
        given().header("Authorization", partnerAgent).queryParam("by", "team").queryParam("from", FROM).queryParam("to", TO)
                .get("/api/v1/kpis/splits").then().statusCode(200).body("rows.size()", equalTo(1))
                .body("rows[0].value", equalTo(PARTNER));
        given().header("Authorization", partnerAgent).queryParam("by", "agent").queryParam("from", FROM).queryParam("to", TO)
                .get("/api/v1/kpis/splits").then().statusCode(403);
        given().header("Authorization", partnerAgent).queryParam("by", "channel").get("/api/v1/kpis/splits").then().statusCode(403);
    }

    @Test
    @Order(5)
    void anAgentOrACustomerIsRefusedAndABadDimensionIsNamed() {
        given().header("Authorization", Tokens.bearer(Tokens.agent("agent-x"))).queryParam("by", "team")
                .get("/api/v1/kpis/splits").then().statusCode(403);
        given().header("Authorization", Tokens.bearer(Tokens.customer("c-x"))).queryParam("by", "team")
                .get("/api/v1/kpis/splits").then().statusCode(403);
        given().queryParam("by", "team").get("/api/v1/kpis/splits").then().statusCode(401);
        given().header("Authorization", MANAGER).queryParam("by", "planet").get("/api/v1/kpis/splits").then().statusCode(400)
                .body("errors[0].field", equalTo("by"));
        given().header("Authorization", MANAGER).queryParam("by", "team").queryParam("from", "yesterday")
                .get("/api/v1/kpis/splits").then().statusCode(400).body("errors[0].field", equalTo("from"));
    }

    static final String ADMIN = Tokens.bearer(Tokens.admin("admin-split"));

    static String partnerBody(int version) {
        return """
                {"name": "Contact Centre Sur", "version": %d, "targets": [
                  {"metric": "FIRST_RESPONSE_WITHIN_HOURS", "hours": 24, "target": 0.95},
                  {"metric": "FIRST_RESPONSE_WITHIN_HOURS", "hours": 48, "target": 0.95},
                  {"metric": "CSAT_AVERAGE", "target": 4.2},
                  {"metric": "REOPEN_RATE", "target": 0.1},
                  {"metric": "RESOLUTION_RATE", "target": 0.5}]}""".formatted(version);
    }

    static ValidatableResponse putPartner(String token, String body) {
        return given().header("Authorization", token).contentType("application/json").body(body)
                .put("/api/v1/partners/{team}", PARTNER).then();
    }

    @Test
    @Order(6)
    void anAdminStoresAPartnersTargetsAndTheTeamSplitNamesItAPartner() {
        load();
        given().header("Authorization", ADMIN).get("/api/v1/partners/{team}", PARTNER).then().statusCode(404);
        putPartner(ADMIN, partnerBody(0).replace("\"version\": 0, ", "")).statusCode(200)
                .body("teamId", equalTo(PARTNER)).body("targets.size()", equalTo(5)).body("version", equalTo(1));
        putPartner(ADMIN, partnerBody(1)).statusCode(200).body("version", equalTo(2));
        putPartner(ADMIN, partnerBody(1)).statusCode(409);
        splits("team").body("rows.find { it.value == '" + PARTNER + "' }.partner", equalTo(true))
                .body("rows.find { it.value == '" + PARTNER + "' }.partnerName", equalTo("Contact Centre Sur"))
                .body("rows.find { it.value == '" + IN_HOUSE + "' }.partner", equalTo(false));
    }

    @Test
    @Order(7)
    void theScorecardSetsEachTargetAgainstTheMonthWithTheMonthsBefore() {
        load();
        String month = YEAR + "-05";
        String r = "current.results[";
        given().header("Authorization", MANAGER).queryParam("month", month).queryParam("months", 3)
                .get("/api/v1/partners/{team}/scorecard", PARTNER).then().statusCode(200)
                .body("name", equalTo("Contact Centre Sur")).body("month", equalTo(month))
                .body("current.ticketsCreated", equalTo(2)).body("current.targetsMet", equalTo(2))
                .body("current.targetsMissed", equalTo(3))
                .body(r + "0].value", equalTo(0.0f)).body(r + "0].met", equalTo(false))
                .body(r + "1].value", equalTo(1.0f)).body(r + "1].met", equalTo(true))
                .body(r + "2].value", equalTo(2.0f)).body(r + "2].met", equalTo(false))
                .body(r + "3].value", equalTo(1.0f)).body(r + "3].met", equalTo(false)).body(r + "3].atLeast", equalTo(false))
                .body(r + "4].value", equalTo(0.5f)).body(r + "4].met", equalTo(true))
                .body("trend.size()", equalTo(3)).body("trend[0].month", equalTo(YEAR + "-03"))
                .body("trend[1].results[0].value", nullValue()).body("trend[1].results[0].met", nullValue())
                .body("trend[2].month", equalTo(month));
        String csv = given().header("Authorization", MANAGER).queryParam("month", month).queryParam("months", 3)
                .queryParam("format", "csv").get("/api/v1/partners/{team}/scorecard", PARTNER).then().statusCode(200)
                .extract().asString();
        org.junit.jupiter.api.Assertions.assertEquals(16, csv.lines().count(), "header and 3 months x 5 targets: " + csv);
        org.junit.jupiter.api.Assertions.assertTrue(csv.contains(month + ",FIRST_RESPONSE_WITHIN_HOURS,24,>=,0.95,0.0,false"), csv);
    }

    @Test
    @Order(8)
    void theScorecardPrintsAsAPageInTheReadersLanguage() {
        load();
        String html = given().header("Authorization", MANAGER).queryParam("month", YEAR + "-05").queryParam("lang", "pt")
                .get("/dashboard/partners/{team}/scorecard", PARTNER).then().statusCode(200)
                .header("Content-Language", equalTo("pt")).extract().asString();
        org.junit.jupiter.api.Assertions.assertTrue(html.contains("Ficha de resultados do parceiro: Contact Centre Sur"), html);
        org.junit.jupiter.api.Assertions.assertTrue(html.contains("@media print"), "a print style sheet");
        org.junit.jupiter.api.Assertions.assertTrue(html.contains("Primeira resposta em 24 h"), html);
        org.junit.jupiter.api.Assertions.assertTrue(html.contains("class=\"missed\">não cumprido"), html);
        org.junit.jupiter.api.Assertions.assertTrue(html.contains("class=\"met\">cumprido"), html);
        given().header("Authorization", Tokens.bearer(Tokens.partnerAgent(id("pa"), IN_HOUSE)))
                .get("/dashboard/partners/{team}/scorecard", PARTNER).then().statusCode(403);
        given().header("Authorization", Tokens.bearer(Tokens.partnerAgent(id("pa"), PARTNER))).queryParam("month", YEAR + "-05")
                .get("/dashboard/partners/{team}/scorecard", PARTNER).then().statusCode(200);
    }

    @Test
    @Order(9)
    void partnerTargetsAreCheckedAndOnlyAnAdminChangesThem() {
        putPartner(ADMIN, "{\"name\": \"X\", \"targets\": [{\"metric\": \"SPEED\", \"target\": 1}]}").statusCode(400)
                .body("errors[0].field", equalTo("targets[0].metric"));
        putPartner(ADMIN, "{\"name\": \"X\", \"targets\": [{\"metric\": \"FIRST_RESPONSE_WITHIN_HOURS\", \"hours\": 5, "
                + "\"target\": 0.9}]}").statusCode(400).body("errors[0].field", equalTo("targets[0].hours"));
        putPartner(ADMIN, "{\"name\": \"X\", \"targets\": [{\"metric\": \"CSAT_AVERAGE\", \"target\": 7}]}").statusCode(400)
                .body("errors[0].field", equalTo("targets[0].target"));
        putPartner(ADMIN, "{\"targets\": []}").statusCode(400).body("errors[0].field", equalTo("name"));
        putPartner(MANAGER, partnerBody(1)).statusCode(403);
        putPartner(Tokens.bearer(Tokens.partnerAgent(id("pa"), PARTNER)), partnerBody(1)).statusCode(403);
        given().header("Authorization", Tokens.bearer(Tokens.partnerAgent(id("pa"), IN_HOUSE)))
                .get("/api/v1/partners/{team}/scorecard", PARTNER).then().statusCode(404);
        given().header("Authorization", Tokens.bearer(Tokens.agent("agent-x"))).get("/api/v1/partners").then().statusCode(403);
        given().header("Authorization", MANAGER).queryParam("month", "May").get("/api/v1/partners/{team}/scorecard", PARTNER)
                .then().statusCode(400).body("errors[0].field", equalTo("month"));
        given().header("Authorization", MANAGER).queryParam("months", 99).get("/api/v1/partners/{team}/scorecard", PARTNER)
                .then().statusCode(400).body("errors[0].field", equalTo("months"));
        given().header("Authorization", MANAGER).get("/api/v1/partners/{team}/scorecard", id("nobody")).then().statusCode(404);
    }

    @Test
    @Order(10)
    void storeWideFirstResponseTimeLeavesAutomaticAnswersOutAndReportsTheirShare() {
        load();
        given().header("Authorization", MANAGER).queryParam("from", FROM).queryParam("to", TO).get("/api/v1/kpis").then()
                .statusCode(200).body("totals.firstResponse.responses", equalTo(3))
                .body("totals.firstResponse.meanSeconds", equalTo(36333.3f))
                .body("totals.firstResponse.withinSlaRate", equalTo(0.6667f))
                .body("totals.firstResponse.automatic", equalTo(1))
                .body("totals.firstResponse.automaticShare", equalTo(0.25f));
    }
}
