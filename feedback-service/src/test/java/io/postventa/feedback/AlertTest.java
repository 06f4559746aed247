package io.postventa.feedback;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ThreadLocalRandom;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import com.sun.net.httpserver.HttpServer;

import io.postventa.events.EventType;
import io.postventa.events.common.ContactReason;
import io.postventa.events.common.OrderStatus;
import io.postventa.events.contacts.ContactChannel;
import io.postventa.events.contacts.SlaTarget;
import io.postventa.events.contacts.TicketCreated;
import io.postventa.events.contacts.TicketOrigin;
import io.postventa.events.contacts.TicketPriority;
import io.postventa.events.contacts.TicketSlaBreached;
import io.postventa.feedback.service.AlertSender;
import io.postventa.feedback.service.Alerts;
import io.postventa.testing.Mailbox;
import io.postventa.testing.PostventaTestResource;
import io.postventa.testing.Tokens;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;
import jakarta.inject.Inject;

/**
 * Alerts over the real broker, the real database and the test stack's SMTP server: one alert per cause (an SLA
 * breach redelivered, or reported again under another event id; a ticket at risk or a rate checked again), each
 * delivered once by e-mail and once to the webhook, with a link to what caused it.
 */
@QuarkusTest
@QuarkusTestResource(value = PostventaTestResource.class, initArgs = @ResourceArg(name = "database", value = "feedback"))
class AlertTest extends FeedbackTestSupport {
    static final int YEAR = 2100 + ThreadLocalRandom.current().nextInt(800);
    static final String ADMIN = Tokens.bearer(Tokens.admin("admin-alerts"));
    static final String MANAGER = Tokens.bearer(Tokens.manager("manager-alerts"));
    static HttpServer webhook;
    static final List<String> HOOKED = new CopyOnWriteArrayList<>();

    @Inject
    Alerts alerts;
    @Inject
    AlertSender sender;

    @BeforeAll
    static void startWebhook() throws IOException {
        webhook = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        webhook.createContext("/hook", exchange -> {
            HOOKED.add(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
            exchange.sendResponseHeaders(204, -1);
            exchange.close();
        });
        webhook.start();
    }

    @AfterAll
    static void stopWebhook() {
        webhook.stop(0);
    }

    static String hook() {
        return "http://127.0.0.1:" + webhook.getAddress().getPort() + "/hook";
    }

    static Instant at(int month, int day, int hour) {
        return LocalDate.of(YEAR, month, day).atTime(hour, 0).toInstant(ZoneOffset.UTC);
    }

    static ValidatableResponse latest() {
        return given().header("Authorization", MANAGER).queryParam("limit", 500).get("/api/v1/alerts").then().statusCode(200);
    }

    static long hooked(String cause) {
        return HOOKED.stream().filter(b -> b.contains("\"cause\":\"" + cause + "\"")).count();
    }

    String lead(String team) {
        String email = id("lead").toLowerCase() + "@postventa.test";
        given().header("Authorization", ADMIN).contentType("application/json")
                .body(Map.of("leadEmail", email, "webhookUrl", hook())).put("/api/v1/alerts/recipients/{team}", team).then()
                .statusCode(200).body("leadEmail", equalTo(email));
        return email;
    }

    static TicketCreated created(String ticket, String team, Instant at, Instant firstResponseDue) {
        return new TicketCreated(ticket, at, TicketOrigin.CONTACT, ContactReason.WHERE_IS_MY_ORDER, TicketPriority.NORMAL,
                ContactChannel.EMAIL, id("CUST"), null, id("CON"), team, firstResponseDue, firstResponseDue.plus(Duration.ofDays(2)));
    }

    @Test
    void anSlaBreachTellsTheTeamLeadOnceEvenWhenTheEventIsRedeliveredOrRepeated() {
        String team = id("team");
        String email = lead(team);
        String ticket = id("TCK");
        send(EventType.TICKET_CREATED, ticket, created(ticket, team, at(4, 1, 9), at(4, 2, 9)));
        TicketSlaBreached breach = new TicketSlaBreached(ticket, at(4, 2, 9), SlaTarget.FIRST_RESPONSE, at(4, 2, 9),
                TicketPriority.NORMAL, ContactReason.WHERE_IS_MY_ORDER, null, null, team, null);
        String eventId = send(EventType.TICKET_SLA_BREACHED, ticket, breach);
        redeliver(EventType.TICKET_SLA_BREACHED, ticket, eventId, breach);
        send(EventType.TICKET_SLA_BREACHED, ticket, breach);
        // the third event (a new id) counted its breach: all three were applied
        Awaitility.await().atMost(Duration.ofSeconds(90)).untilAsserted(() -> given().header("Authorization", MANAGER)
                .get("/api/v1/kpis/splits?by=team&from=" + YEAR + "-04-01&to=" + YEAR + "-04-30").then().statusCode(200)
                .body("rows.find { it.value == '" + team + "' }.figures.slaBreaches", equalTo(2)));
        String cause = "SLA_BREACHED:FIRST_RESPONSE:" + ticket;
        latest().body("findAll { it.cause == '" + cause + "' }.size()", equalTo(1))
                .body("find { it.cause == '" + cause + "' }.link", equalTo("http://127.0.0.1:8086/tickets/" + ticket))
                .body("find { it.cause == '" + cause + "' }.teamId", equalTo(team));
        sender.sendDue();
        sender.sendDue();
        Mailbox.awaitFor(email, m -> m.subject().contains(ticket), Duration.ofSeconds(30));
        assertEquals(1, Mailbox.to(email).size(), "one e-mail to the lead: " + Mailbox.to(email));
        Mailbox.Email mail = Mailbox.to(email).get(0);
        assertEquals("Ticket " + ticket + ": SLA incumplido", mail.subject());
        assertTrue(mail.body().contains("http://127.0.0.1:8086/tickets/" + ticket), "the e-mail links to the ticket: " + mail.body());
        assertEquals(1, hooked(cause), "one webhook call: " + HOOKED);
        latest().body("find { it.cause == '" + cause + "' }.emailSent", equalTo(true))
                .body("find { it.cause == '" + cause + "' }.webhookSent", equalTo(true));
    }

    @Test
    void aTicketAtRiskIsReportedOnceHoweverOftenItIsChecked() {
        String team = id("team");
        String email = lead(team);
        String ticket = id("TCK");
        Instant now = at(5, 10, 9);
        send(EventType.TICKET_CREATED, ticket, created(ticket, team, now.minus(Duration.ofHours(20)), now.plus(Duration.ofHours(1))));
        Awaitility.await().atMost(Duration.ofSeconds(90)).until(() -> sql.one("select 1 from ticket_fact where ticket_id = ? "
                + "and first_response_due_at is not null", rs -> 1, ticket).isPresent());
        clock.set(now);
        alerts.check();
        alerts.check();
        sender.sendDue();
        sender.sendDue();
        String cause = "SLA_AT_RISK:FIRST_RESPONSE:" + ticket;
        latest().body("findAll { it.cause == '" + cause + "' }.size()", equalTo(1));
        Mailbox.awaitFor(email, m -> m.subject().contains(ticket), Duration.ofSeconds(30));
        assertEquals(1, Mailbox.to(email).size(), "one e-mail to the lead");
        assertEquals(1, hooked(cause), "one webhook call");
    }

    @Test
    void theOrderDefectRateCrossingItsThresholdTellsTheManagersOnce() {
        sql.update("delete from alert_rate_state");
        LocalDate today = LocalDate.of(YEAR, 7, 20);
        for (int i = 0; i < 4; i++) {
            String order = id("ORD");
            Instant placed = today.minusDays(1).atTime(10, 0).toInstant(ZoneOffset.UTC);
            send(EventType.ORDER_STATUS_CHANGED, order, placed(order, id("CUST"), placed, line(id("SKU"), "home")));
            if (i == 0) {
                send(EventType.ORDER_STATUS_CHANGED, order, order(order, id("CUST"), OrderStatus.EXCEPTION, placed.plusSeconds(3600),
                        "SEUR", line(id("SKU"), "home")));
            }
        }
        Awaitility.await().atMost(Duration.ofSeconds(90)).untilAsserted(() -> given().header("Authorization", MANAGER)
                .get("/api/v1/kpis?from=" + today.minusDays(6) + "&to=" + today).then().statusCode(200)
                .body("totals.orders", equalTo(4)).body("totals.defectiveOrders", equalTo(1)));
        clock.set(today.atTime(12, 0).toInstant(ZoneOffset.UTC));
        alerts.check();
        alerts.check();
        sender.sendDue();
        sender.sendDue();
        String cause = "ORDER_DEFECT_RATE:" + today;
        latest().body("findAll { it.cause == '" + cause + "' }.size()", equalTo(1))
                .body("find { it.cause == '" + cause + "' }.value", equalTo(0.25f))
                .body("find { it.cause == '" + cause + "' }.threshold", equalTo(0.05f))
                .body("find { it.cause == '" + cause + "' }.link",
                        equalTo("http://127.0.0.1:8085/dashboard?from=" + today.minusDays(6) + "&to=" + today));
        Mailbox.awaitFor("managers@postventa.test", m -> m.body().contains(today.toString()), Duration.ofSeconds(30));
        assertEquals(1, Mailbox.to("managers@postventa.test").stream().filter(m -> m.body().contains(today.toString())).count(),
                "one e-mail to the managers");
    }

    @Test
    void onlyAnAdminSetsRecipientsAndABadAddressIsNamed() {
        given().header("Authorization", MANAGER).contentType("application/json").body(Map.of("leadEmail", "a@b.test"))
                .put("/api/v1/alerts/recipients/{team}", "t").then().statusCode(403);
        given().header("Authorization", ADMIN).contentType("application/json").body(Map.of("leadEmail", "not an address"))
                .put("/api/v1/alerts/recipients/{team}", "t").then().statusCode(400).body("errors[0].field", equalTo("leadEmail"));
        given().header("Authorization", ADMIN).contentType("application/json").body(Map.of("webhookUrl", "ftp://x"))
                .put("/api/v1/alerts/recipients/{team}", "t").then().statusCode(400).body("errors[0].field", equalTo("webhookUrl"));
        given().header("Authorization", Tokens.bearer(Tokens.agent("agent-x"))).get("/api/v1/alerts").then().statusCode(403);
        given().header("Authorization", MANAGER).queryParam("limit", 0).get("/api/v1/alerts").then().statusCode(400)
                .body("errors[0].field", equalTo("limit"));
    }
}
