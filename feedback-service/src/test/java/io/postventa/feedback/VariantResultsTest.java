package io.postventa.feedback;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

import io.postventa.events.EventType;
import io.postventa.events.common.ContactReason;
import io.postventa.events.common.NotificationChannel;
import io.postventa.events.notifications.MessageKind;
import io.postventa.events.notifications.NotificationSent;
import io.postventa.testing.PostventaTestResource;
import io.postventa.testing.Tokens;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;

/**
 * A/B results from a known week of messages over the real broker: one template whose variant B draws four times the
 * contacts of A (significant: A wins), one whose difference is within chance (no winner). Contacts outside the 7 days,
 * before the message, and messages without an order or a variant do not count.
 */
@QuarkusTest
@QuarkusTestResource(value = PostventaTestResource.class, initArgs = @ResourceArg(name = "database", value = "feedback"))
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class VariantResultsTest extends FeedbackTestSupport {
    static final int YEAR = 2100 + ThreadLocalRandom.current().nextInt(800);
    static final String FROM = LocalDate.of(YEAR, 6, 1).toString();
    static final String TO = LocalDate.of(YEAR, 6, 7).toString();
    static final String MANAGER = Tokens.bearer(Tokens.manager("manager-ab"));
    static final String SIGNIFICANT = id("tpl-shipped");
    static final String WITHIN_CHANCE = id("tpl-delayed");
    static boolean loaded;

    static Instant at(int day, int hour) {
        return LocalDate.of(YEAR, 6, day).atTime(hour, 0).toInstant(ZoneOffset.UTC);
    }

    static ValidatableResponse report() {
        return given().header("Authorization", MANAGER).queryParam("from", FROM).queryParam("to", TO).get("/api/v1/kpis/variants")
                .then().statusCode(200);
    }

    static NotificationSent message(String template, String variant, String customer, String order, Instant at) {
        return new NotificationSent(id("NTF"), customer, at, NotificationChannel.EMAIL, MessageKind.ORDER_UPDATES, template, variant,
                "es-ES", UUID.randomUUID().toString(), "postventa.order-status.changed.v1", 1, null, order, null, null, null);
    }

    /** Sends {@code count} messages of a variant; the first {@code contacted} get a contact about their order 2 days later. */
    static String[][] messages(String template, String variant, int count, int contacted, boolean contactFirst) {
        String[][] sent = new String[count][];
        for (int i = 0; i < count; i++) {
            String customer = id("CUST");
            String order = id("ORD");
            sent[i] = new String[] { customer, order };
            if (i < contacted && contactFirst) {
                contactAbout(customer, order, at(3, 10));
            }
            send(EventType.NOTIFICATION_SENT, customer, message(template, variant, customer, order, at(1, 10)));
            if (i < contacted && !contactFirst) {
                contactAbout(customer, order, at(3, 10));
            }
        }
        return sent;
    }

    static String contactAbout(String customer, String order, Instant at) {
        String ticket = id("TCK");
        send(EventType.CONTACT_RECEIVED, ticket, contact(ticket, customer, order, ContactReason.WHERE_IS_MY_ORDER, at));
        return ticket;
    }

    void load() {
        if (loaded) {
            return;
        }
        String[][] a = messages(SIGNIFICANT, "A", 100, 10, false);
        messages(SIGNIFICANT, "B", 100, 40, false);
        messages(WITHIN_CHANCE, "A", 20, 5, true);
        messages(WITHIN_CHANCE, "B", 20, 7, false);
        // not counted as contacted: 8 days after the message, or before it
        contactAbout(a[50][0], a[50][1], at(9, 11));
        contactAbout(a[51][0], a[51][1], at(1, 9));
        // counted as sent but not about an order; not counted at all without a variant
        send(EventType.NOTIFICATION_SENT, a[0][0], message(SIGNIFICANT, "A", a[0][0], null, at(1, 10)));
        send(EventType.NOTIFICATION_SENT, a[0][0], message(SIGNIFICANT, null, a[0][0], a[0][1], at(1, 10)));
        // a contacted customer of A answers CSAT 4 about the ticket on that order
        String ticket = id("TCK");
        send(EventType.TICKET_CREATED, ticket, ticketCreated(ticket, a[1][0], a[1][1], ContactReason.WHERE_IS_MY_ORDER, at(3, 10)));
        send(EventType.TICKET_SOLVED, ticket, ticketSolved(ticket, a[1][0], a[1][1], ContactReason.WHERE_IS_MY_ORDER, at(3, 10),
                at(3, 12), true, true));
        Awaitility.await().atMost(Duration.ofSeconds(120)).untilAsserted(() -> report()
                .body(path(SIGNIFICANT, "A") + "sent", equalTo(101)).body(path(SIGNIFICANT, "A") + "contactedWithin7Days", equalTo(10))
                .body(path(SIGNIFICANT, "B") + "contactedWithin7Days", equalTo(40))
                .body(path(WITHIN_CHANCE, "A") + "contactedWithin7Days", equalTo(5))
                .body(path(WITHIN_CHANCE, "B") + "contactedWithin7Days", equalTo(7)));
        String survey = awaitSurveyScheduled(ticket);
        clock.set(at(5, 12));
        Awaitility.await().atMost(Duration.ofSeconds(60)).until(() -> {
            surveys.sendDue();
            return "SENT".equals(surveyStatus(survey));
        });
        answer(awaitInvitationToken(survey), Map.of("score", 4)).statusCode(201);
        clock.reset();
        loaded = true;
    }

    static String path(String template, String variant) {
        return "templates.find { it.templateId == '" + template + "' }.variants.find { it.variant == '" + variant + "' }.";
    }

    static String template(String template) {
        return "templates.find { it.templateId == '" + template + "' }.";
    }

    @Test
    @Order(1)
    void aVariantWithSignificantlyFewerContactsWinsAndTheOtherCanBeRetired() {
        load();
        String t = template(SIGNIFICANT);
        report().body("confidence", equalTo(0.95f)).body("primaryMetric", equalTo("contactRate"))
                .body(path(SIGNIFICANT, "A") + "sent", equalTo(101)).body(path(SIGNIFICANT, "A") + "aboutAnOrder", equalTo(100))
                .body(path(SIGNIFICANT, "A") + "contactRate", equalTo(0.1f))
                .body(path(SIGNIFICANT, "A") + "csatAnswers", equalTo(1)).body(path(SIGNIFICANT, "A") + "csatAverage", equalTo(4.0f))
                .body(path(SIGNIFICANT, "A") + "csatSatisfiedRate", equalTo(1.0f))
                .body(path(SIGNIFICANT, "A") + "portalVisits", nullValue())
                .body(path(SIGNIFICANT, "B") + "sent", equalTo(100)).body(path(SIGNIFICANT, "B") + "contactRate", equalTo(0.4f))
                .body(t + "comparisons.size()", equalTo(1))
                .body(t + "comparisons[0].variant", equalTo("B")).body(t + "comparisons[0].against", equalTo("A"))
                .body(t + "comparisons[0].difference", equalTo(0.3f)).body(t + "comparisons[0].lower", equalTo(0.1874f))
                .body(t + "comparisons[0].upper", equalTo(0.4126f)).body(t + "comparisons[0].significant", equalTo(true))
                .body(t + "winner", equalTo("A")).body(t + "retire.service", equalTo("notification-service"))
                .body(t + "retire.path", equalTo("/api/v1/templates/" + SIGNIFICANT)).body(t + "retire.retire", equalTo(List.of("B")));
    }

    @Test
    @Order(2)
    void aDifferenceWithinChanceNamesNoWinner() {
        load();
        String t = template(WITHIN_CHANCE);
        report().body(path(WITHIN_CHANCE, "A") + "contactRate", equalTo(0.25f))
                .body(path(WITHIN_CHANCE, "B") + "contactRate", equalTo(0.35f))
                .body(t + "comparisons[0].difference", equalTo(0.1f)).body(t + "comparisons[0].lower", equalTo(-0.1823f))
                .body(t + "comparisons[0].upper", equalTo(0.3823f)).body(t + "comparisons[0].significant", equalTo(false))
                .body(t + "winner", nullValue()).body(t + "retire", nullValue());
    }

    @Test
    @Order(3)
    void theResultsAsCsvHaveOneLinePerVariant() {
        load();
        String csv = given().header("Authorization", MANAGER).queryParam("from", FROM).queryParam("to", TO).queryParam("format", "csv")
                .get("/api/v1/kpis/variants").then().statusCode(200).extract().asString();
        org.junit.jupiter.api.Assertions.assertTrue(csv.contains(SIGNIFICANT + ",B,100,100,40,0.4,0,,,A,0.3,0.1874,0.4126,true,false"),
                csv);
        org.junit.jupiter.api.Assertions.assertEquals(5, csv.lines().count(), "header and four variants: " + csv);
    }

    @Test
    @Order(4)
    void onlyManagersAndAdminsSeeTheResults() {
        given().header("Authorization", Tokens.bearer(Tokens.agent("agent-x"))).get("/api/v1/kpis/variants").then().statusCode(403);
        given().header("Authorization", Tokens.bearer(Tokens.partnerAgent("pa", "team-x"))).get("/api/v1/kpis/variants").then()
                .statusCode(403);
        given().get("/api/v1/kpis/variants").then().statusCode(401);
        given().header("Authorization", MANAGER).queryParam("to", "2026-13-01").get("/api/v1/kpis/variants").then().statusCode(400)
                .body("errors[0].field", equalTo("to"));
    }
}
