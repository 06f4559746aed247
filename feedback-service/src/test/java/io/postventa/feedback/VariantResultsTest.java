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

import io.postventa.events.EventJson;
import io.postventa.events.EventType;
import io.postventa.events.common.ContactReason;
import io.postventa.events.common.NotificationChannel;
import io.postventa.events.Topics;
import io.postventa.events.notifications.MessageKind;
import io.postventa.events.notifications.NotificationPortalLinkOpened;
import io.postventa.events.notifications.NotificationSent;
import io.postventa.events.notifications.NotificationUnsubscribed;
import io.postventa.testing.PostventaTestResource;
import io.postventa.testing.Tokens;
import io.postventa.testing.TopicRecorder;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;

/**
 * A/B results from a known week of messages over the real broker: one template whose variant B draws four times the
 * contacts of A (significant: A wins), one whose difference is within chance (no winner). Contacts outside the 7 days,
 * before the message, and messages without an order or a variant do not count. Portal link visits and unsubscribes
 * through the messages' links count once per message, redelivered or told twice, and also when told before the message.
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
    static final String EARLY = id("tpl-early");
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

    /**
     * Sends {@code count} messages of a variant; the first {@code contacted} get a contact about their order 2 days later.
     * Each is {customer, order, notification id, template, variant}.
     */
    static String[][] messages(String template, String variant, int count, int contacted, boolean contactFirst) {
        String[][] sent = new String[count][];
        for (int i = 0; i < count; i++) {
            String customer = id("CUST");
            String order = id("ORD");
            NotificationSent n = message(template, variant, customer, order, at(1, 10));
            sent[i] = new String[] { customer, order, n.notificationId(), template, variant };
            if (i < contacted && contactFirst) {
                contactAbout(customer, order, at(3, 10));
            }
            send(EventType.NOTIFICATION_SENT, customer, n);
            if (i < contacted && !contactFirst) {
                contactAbout(customer, order, at(3, 10));
            }
        }
        return sent;
    }

    /** The message's portal link first opened, a day after it was sent. */
    static NotificationPortalLinkOpened opened(String[] m) {
        return new NotificationPortalLinkOpened(m[2], m[0], at(2, 9), NotificationChannel.EMAIL, MessageKind.ORDER_UPDATES, m[3],
                m[4], m[1]);
    }

    /** The customer unsubscribed through the message's link, two days after it was sent. */
    static NotificationUnsubscribed unsubscribed(String[] m) {
        return new NotificationUnsubscribed(m[2], m[0], at(3, 9), NotificationChannel.EMAIL, MessageKind.ORDER_UPDATES, m[3],
                m[4], m[1]);
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
        String[][] b = messages(SIGNIFICANT, "B", 100, 40, false);
        messages(WITHIN_CHANCE, "A", 20, 5, true);
        messages(WITHIN_CHANCE, "B", 20, 7, false);
        // A: 3 messages visited (one visit redelivered, one told twice by the service) and 1 unsubscribe; B: 1 and 3
        String visit = send(EventType.NOTIFICATION_PORTAL_LINK_OPENED, a[2][0], opened(a[2]));
        redeliver(EventType.NOTIFICATION_PORTAL_LINK_OPENED, a[2][0], visit, opened(a[2]));
        send(EventType.NOTIFICATION_PORTAL_LINK_OPENED, a[3][0], opened(a[3]));
        send(EventType.NOTIFICATION_PORTAL_LINK_OPENED, a[3][0], opened(a[3]));
        send(EventType.NOTIFICATION_PORTAL_LINK_OPENED, a[4][0], opened(a[4]));
        String unsubscribe = send(EventType.NOTIFICATION_UNSUBSCRIBED, a[5][0], unsubscribed(a[5]));
        redeliver(EventType.NOTIFICATION_UNSUBSCRIBED, a[5][0], unsubscribe, unsubscribed(a[5]));
        send(EventType.NOTIFICATION_PORTAL_LINK_OPENED, b[0][0], opened(b[0]));
        for (int i = 1; i <= 3; i++) {
            send(EventType.NOTIFICATION_UNSUBSCRIBED, b[i][0], unsubscribed(b[i]));
        }
        // a visit told before its message (a replay): counted once the message is
        String early = id("CUST");
        String earlyOrder = id("ORD");
        NotificationSent late = message(EARLY, "A", early, earlyOrder, at(1, 10));
        send(EventType.NOTIFICATION_PORTAL_LINK_OPENED, early, opened(new String[] { early, earlyOrder, late.notificationId(),
                EARLY, "A" }));
        send(EventType.NOTIFICATION_SENT, early, late);
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
                .body(path(WITHIN_CHANCE, "B") + "contactedWithin7Days", equalTo(7))
                .body(path(SIGNIFICANT, "A") + "portalVisits", equalTo(3)).body(path(SIGNIFICANT, "A") + "unsubscribes", equalTo(1))
                .body(path(SIGNIFICANT, "B") + "portalVisits", equalTo(1)).body(path(SIGNIFICANT, "B") + "unsubscribes", equalTo(3))
                .body(path(EARLY, "A") + "portalVisits", equalTo(1)));
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
                .body(path(SIGNIFICANT, "B") + "sent", equalTo(100)).body(path(SIGNIFICANT, "B") + "contactRate", equalTo(0.4f))
                .body(t + "comparisons.size()", equalTo(3))
                .body(t + "comparisons[0].variant", equalTo("B")).body(t + "comparisons[0].against", equalTo("A"))
                .body(t + "comparisons[0].difference", equalTo(0.3f)).body(t + "comparisons[0].lower", equalTo(0.1874f))
                .body(t + "comparisons[0].upper", equalTo(0.4126f)).body(t + "comparisons[0].significant", equalTo(true))
                .body(t + "winner", equalTo("A")).body(t + "retire.service", equalTo("notification-service"))
                .body(t + "retire.path", equalTo("/api/v1/templates/" + SIGNIFICANT)).body(t + "retire.retire", equalTo(List.of("B")));
    }

    @Test
    @Order(2)
    void portalVisitsAndUnsubscribesCountOncePerMessageWithTheirRatesAndDifferences() {
        load();
        String t = template(SIGNIFICANT);
        report().body(path(SIGNIFICANT, "A") + "portalVisits", equalTo(3)).body(path(SIGNIFICANT, "A") + "portalVisitRate", equalTo(0.0297f))
                .body(path(SIGNIFICANT, "A") + "unsubscribes", equalTo(1)).body(path(SIGNIFICANT, "A") + "unsubscribeRate", equalTo(0.0099f))
                .body(path(SIGNIFICANT, "B") + "portalVisits", equalTo(1)).body(path(SIGNIFICANT, "B") + "portalVisitRate", equalTo(0.01f))
                .body(path(SIGNIFICANT, "B") + "unsubscribes", equalTo(3)).body(path(SIGNIFICANT, "B") + "unsubscribeRate", equalTo(0.03f))
                .body(t + "comparisons[1].metric", equalTo("portalVisitRate")).body(t + "comparisons[1].variant", equalTo("B"))
                .body(t + "comparisons[1].against", equalTo("A")).body(t + "comparisons[1].difference", equalTo(-0.0197f))
                .body(t + "comparisons[1].lower", equalTo(-0.0581f)).body(t + "comparisons[1].upper", equalTo(0.0187f))
                .body(t + "comparisons[1].significant", equalTo(false))
                .body(t + "comparisons[2].metric", equalTo("unsubscribeRate")).body(t + "comparisons[2].difference", equalTo(0.0201f))
                .body(t + "comparisons[2].lower", equalTo(-0.0185f)).body(t + "comparisons[2].upper", equalTo(0.0587f))
                .body(t + "comparisons[2].significant", equalTo(false))
                // the winner is still named by the contact rate alone
                .body(t + "winner", equalTo("A"));
        String w = template(WITHIN_CHANCE);
        report().body(path(WITHIN_CHANCE, "A") + "portalVisits", equalTo(0)).body(path(WITHIN_CHANCE, "A") + "portalVisitRate", equalTo(0.0f))
                .body(path(WITHIN_CHANCE, "B") + "unsubscribes", equalTo(0))
                .body(w + "comparisons.size()", equalTo(1)).body(w + "comparisons[0].metric", equalTo("contactRate"))
                .body(path(EARLY, "A") + "sent", equalTo(1)).body(path(EARLY, "A") + "portalVisits", equalTo(1))
                .body(path(EARLY, "A") + "portalVisitRate", equalTo(1.0f));
    }

    @Test
    @Order(3)
    void aLinkEventWithoutItsVariantGoesToTheDeadLetterTopicAndCountsNothing() {
        load();
        String customer = id("CUST");
        String body = EventJson.toJson(new NotificationUnsubscribed(id("NTF"), customer, at(3, 9), NotificationChannel.EMAIL,
                MessageKind.ORDER_UPDATES, SIGNIFICANT, null, null));
        try (TopicRecorder dlq = kafka.record(Topics.dlq(Topics.NOTIFICATIONS))) {
            kafka.sendEvent(EventType.NOTIFICATION_UNSUBSCRIBED, customer, UUID.randomUUID().toString(), body, Instant.now());
            org.apache.kafka.clients.consumer.ConsumerRecord<String, String> dead = dlq.await(r -> customer.equals(r.key()), 1,
                    Duration.ofSeconds(120)).get(0);
            org.junit.jupiter.api.Assertions.assertEquals("SCHEMA_VIOLATION", TopicRecorder.header(dead, "dead-letter-reason-code"));
        }
        report().body(path(SIGNIFICANT, "A") + "unsubscribes", equalTo(1)).body(path(SIGNIFICANT, "B") + "unsubscribes", equalTo(3));
    }

    @Test
    @Order(4)
    void aDifferenceWithinChanceNamesNoWinner() {
        load();
        String t = template(WITHIN_CHANCE);
        report().body(path(WITHIN_CHANCE, "A") + "contactRate", equalTo(0.25f))
                .body(path(WITHIN_CHANCE, "B") + "contactRate", equalTo(0.35f))
                .body(t + "comparisons[0].metric", equalTo("contactRate"))
                .body(t + "comparisons[0].difference", equalTo(0.1f)).body(t + "comparisons[0].lower", equalTo(-0.1823f))
                .body(t + "comparisons[0].upper", equalTo(0.3823f)).body(t + "comparisons[0].significant", equalTo(false))
                .body(t + "winner", nullValue()).body(t + "retire", nullValue());
    }

    @Test
    @Order(5)
    void theResultsAsCsvHaveOneLinePerVariant() {
        load();
        String csv = given().header("Authorization", MANAGER).queryParam("from", FROM).queryParam("to", TO).queryParam("format", "csv")
                .get("/api/v1/kpis/variants").then().statusCode(200).extract().asString();
        org.junit.jupiter.api.Assertions.assertTrue(csv.contains(SIGNIFICANT + ",B,100,100,40,0.4,0,,,A,0.3,0.1874,0.4126,true,false,"
                + "1,0.01,A,-0.0197,-0.0581,0.0187,false,3,0.03,A,0.0201,-0.0185,0.0587,false\r\n"), csv);
        org.junit.jupiter.api.Assertions.assertTrue(csv.lines().findFirst().orElseThrow().endsWith(
                ",winner,portalVisits,portalVisitRate,portalVisitComparedWith,portalVisitRateDifference,portalVisitLower95,"
                + "portalVisitUpper95,portalVisitSignificant,unsubscribes,unsubscribeRate,unsubscribeComparedWith,"
                + "unsubscribeRateDifference,unsubscribeLower95,unsubscribeUpper95,unsubscribeSignificant"), csv);
        org.junit.jupiter.api.Assertions.assertEquals(6, csv.lines().count(), "header and five variants: " + csv);
    }

    @Test
    @Order(6)
    void onlyManagersAndAdminsSeeTheResults() {
        given().header("Authorization", Tokens.bearer(Tokens.agent("agent-x"))).get("/api/v1/kpis/variants").then().statusCode(403);
        given().header("Authorization", Tokens.bearer(Tokens.partnerAgent("pa", "team-x"))).get("/api/v1/kpis/variants").then()
                .statusCode(403);
        given().get("/api/v1/kpis/variants").then().statusCode(401);
        given().header("Authorization", MANAGER).queryParam("to", "2026-13-01").get("/api/v1/kpis/variants").then().statusCode(400)
                .body("errors[0].field", equalTo("to"));
    }
}
