package io.postventa.feedback;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

import io.postventa.events.EventType;
import io.postventa.events.common.ContactReason;
import io.postventa.events.common.OrderStatus;
import io.postventa.events.common.ReturnReason;
import io.postventa.events.contacts.SlaTarget;
import io.postventa.events.contacts.TicketPriority;
import io.postventa.events.contacts.TicketSlaBreached;
import io.postventa.events.orderstatus.DelayCause;
import io.postventa.events.orderstatus.OrderDelayed;
import io.postventa.events.returns.Decider;
import io.postventa.events.returns.ReturnOutcome;
import io.postventa.feedback.domain.Granularity;
import io.postventa.feedback.domain.ResponseTimeHistogram;
import io.postventa.testing.PostventaTestResource;
import io.postventa.testing.Tokens;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;

/**
 * KPIs from a small, known set of events, compared with figures worked out by hand. The events happen in a week of a
 * randomly chosen far-future year, so nothing else on the shared broker and database falls into the queried range.
 */
@QuarkusTest
@QuarkusTestResource(value = PostventaTestResource.class,
        initArgs = @ResourceArg(name = "database", value = "feedback"))
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class KpiTest extends FeedbackTestSupport {
    static final int YEAR = 2100 + ThreadLocalRandom.current().nextInt(800);
    static final String FROM = LocalDate.of(YEAR, 3, 2).toString();
    static final String TO = LocalDate.of(YEAR, 3, 8).toString();
    static final String MANAGER = Tokens.bearer(Tokens.manager("manager-kpi"));

    /** Every event sent, to redeliver them all. */
    record Sent(EventType type, String key, String eventId, Object payload) {
    }

    static final List<Sent> SENT = new ArrayList<>();
    static String skuA;
    static String skuB;
    static boolean loaded;
    static boolean attempted;

    static Instant at(int month, int day, int hour) {
        return LocalDate.of(YEAR, month, day).atTime(hour, 0).toInstant(ZoneOffset.UTC);
    }

    static void emit(EventType type, String key, Object payload) {
        SENT.add(new Sent(type, key, send(type, key, payload), payload));
    }

    @BeforeAll
    static void names() {
        skuA = id("SKU-A");
        skuB = id("SKU-B");
    }

    static ValidatableResponse kpis() {
        return given().header("Authorization", MANAGER).queryParam("from", FROM).queryParam("to", TO).get("/api/v1/kpis").then()
                .statusCode(200);
    }

    /** Sends the known week once (tests share it); waits until every effect is visible. */
    void load() {
        if (loaded) {
            return;
        }
        if (attempted) {
            throw new IllegalStateException("loading the known week failed in an earlier test; see its failure");
        }
        attempted = true;
        String[] c = new String[11];
        String[] o = new String[11];
        for (int i = 1; i <= 10; i++) {
            c[i] = id("CUST");
            o[i] = id("ORD");
            emit(EventType.ORDER_STATUS_CHANGED, o[i], placed(o[i], c[i], at(3, i <= 5 ? 2 : 3, 10),
                    line(i <= 6 ? skuA : skuB, i <= 6 ? "apparel" : "footwear")));
        }
        emit(EventType.ORDER_STATUS_CHANGED, o[5], order(o[5], c[5], OrderStatus.EXCEPTION, at(3, 4, 9), "SEUR", line(skuA, "apparel")));
        for (int i = 1; i <= 5; i++) {
            emit(EventType.NOTIFICATION_SENT, c[i], notification(c[i], at(3, 3, 12)));
        }
        Awaitility.await().atMost(Duration.ofSeconds(90)).untilAsserted(() -> kpis().body("totals.orders", equalTo(10))
                .body("totals.notifications", equalTo(5)).body("totals.defectiveOrders", equalTo(1)));

        String[] t = new String[9];
        ContactReason[] reasons = { null, ContactReason.WHERE_IS_MY_ORDER, ContactReason.WHERE_IS_MY_ORDER,
                ContactReason.WHERE_IS_MY_ORDER, ContactReason.WHERE_IS_MY_ORDER, ContactReason.DAMAGED_ITEM,
                ContactReason.DAMAGED_ITEM, ContactReason.INVOICE_COPY, ContactReason.OTHER };
        int[] customerOf = { 0, 1, 2, 3, 7, 4, 8, 9, 10 };
        for (int i = 1; i <= 8; i++) {
            t[i] = id("TCK");
            String order = i <= 6 ? o[customerOf[i]] : null;
            emit(EventType.CONTACT_RECEIVED, t[i], contact(t[i], c[customerOf[i]], order, reasons[i], at(3, 4, 9)));
        }
        long[] firstResponse = { 0, 600, 1200, 1800, 90_000 };
        boolean[][] sla = { {}, { true, true }, { true, true }, { true, false }, { false, true } };
        for (int i = 1; i <= 4; i++) {
            Instant created = at(3, 4, 10);
            emit(EventType.TICKET_CREATED, t[i], ticketCreated(t[i], c[customerOf[i]], o[customerOf[i]], reasons[i], created));
            emit(EventType.TICKET_FIRST_RESPONSE, t[i], firstResponse(t[i], c[customerOf[i]], reasons[i], created,
                    firstResponse[i], firstResponse[i] < 86_400));
            emit(EventType.TICKET_SOLVED, t[i], ticketSolved(t[i], c[customerOf[i]], o[customerOf[i]], reasons[i], created,
                    at(3, 5, 9 + i), sla[i][0], sla[i][1]));
        }
        emit(EventType.TICKET_REOPENED, t[3], reopened(t[3], c[3], reasons[3], at(3, 6, 9)));
        emit(EventType.TICKET_SLA_BREACHED, t[4], new TicketSlaBreached(t[4], at(3, 5, 10), SlaTarget.FIRST_RESPONSE,
                at(3, 5, 10), TicketPriority.NORMAL, reasons[4], c[7], o[7], "in-house", null));

        String r1 = id("RET");
        String r2 = id("RET");
        emit(EventType.RETURN_REQUESTED, r1, returnRequested(r1, o[6], c[6], skuA, "apparel", ReturnReason.SIZE_FIT, at(3, 6, 10)));
        emit(EventType.RETURN_REQUESTED, r2, returnRequested(r2, o[9], c[9], skuB, "footwear", ReturnReason.DAMAGED, at(3, 6, 10)));
        emit(EventType.RETURN_DECIDED, r1, decided(r1, o[6], c[6], ReturnOutcome.APPROVED, Decider.RISK_ENGINE, at(3, 6, 11)));
        emit(EventType.RETURN_DECIDED, r2, decided(r2, o[9], c[9], ReturnOutcome.REVIEW, Decider.RISK_ENGINE, at(3, 6, 11)));

        // five NPS customers, delivered in February (their orders fall outside the week)
        String[] n = new String[6];
        String[] no = new String[6];
        for (int i = 1; i <= 5; i++) {
            n[i] = id("CUST");
            no[i] = id("ORD");
            if (i == 5) {
                emit(EventType.ORDER_DELAYED, no[i], new OrderDelayed(no[i], n[i], at(2, 24, 10), DelayCause.PROMISED_DATE_PASSED,
                        OrderStatus.IN_TRANSIT, LocalDate.of(YEAR, 2, 23), null, null, 1, "es-ES", "MRW", null));
            }
            emit(EventType.ORDER_STATUS_CHANGED, no[i], order(no[i], n[i], OrderStatus.DELIVERED, at(2, 25, 10),
                    i <= 3 ? "SEUR" : "MRW", line(id("SKU"), "home")));
        }
        Awaitility.await().atMost(Duration.ofSeconds(90)).untilAsserted(() -> kpis().body("totals.contacts", equalTo(8))
                .body("totals.resolution.solved", equalTo(4)).body("totals.reopenRate", equalTo(0.25f))
                .body("totals.returnsRequested", equalTo(2)).body("totals.autoApprovalRate", equalTo(0.5f))
                .body("totals.slaBreaches", equalTo(1)).body("totals.firstResponse.responses", equalTo(4)));
        String[] npsSurveys = new String[6];
        for (int i = 1; i <= 5; i++) {
            npsSurveys[i] = awaitSurveyScheduled(no[i]);
        }
        String csat1 = awaitSurveyScheduled(t[1]);
        String csat2 = awaitSurveyScheduled(t[2]);

        clock.set(at(3, 7, 12));
        List<String> all = new ArrayList<>(java.util.Arrays.asList(npsSurveys).subList(1, 6));
        all.add(csat1);
        all.add(csat2);
        Awaitility.await().atMost(Duration.ofSeconds(60)).until(() -> {
            surveys.sendDue();
            return all.stream().allMatch(s -> "SENT".equals(surveyStatus(s)));
        });
        int[] scores = { 0, 10, 10, 9, 7, 2 };
        for (int i = 1; i <= 5; i++) {
            answer(awaitInvitationToken(npsSurveys[i]), Map.of("score", scores[i])).statusCode(201);
        }
        answer(awaitInvitationToken(csat1), Map.of("score", 4)).statusCode(201);
        answer(awaitInvitationToken(csat2), Map.of("score", 2, "lowScoreReason", "NOT_RESOLVED")).statusCode(201);
        clock.reset();
        // the detractor of NPS buys again after the week: recovered
        String again = id("ORD");
        emit(EventType.ORDER_STATUS_CHANGED, again, placed(again, n[5], at(3, 9, 10), line(id("SKU"), "home")));
        Awaitility.await().atMost(Duration.ofSeconds(90)).untilAsserted(() -> kpis().body("totals.recoveredDetractors", equalTo(1)));
        loaded = true;
    }

    @Test
    @Order(1)
    void kpisOfAKnownWeekEqualTheFiguresWorkedOutByHand() {
        load();
        long p90 = ResponseTimeHistogram.upperBound(ResponseTimeHistogram.bucket(90_000));
        kpis().body("from", equalTo(FROM)).body("to", equalTo(TO))
                .body("totals.orders", equalTo(10))
                .body("totals.contacts", equalTo(8))
                .body("totals.contactsPerOrder", equalTo(0.8f))
                .body("totals.ticketsCreated", equalTo(4))
                .body("totals.firstResponse.meanSeconds", equalTo(23400.0f))
                .body("totals.firstResponse.p90Seconds", equalTo((int) p90))
                .body("totals.firstResponse.withinSlaRate", equalTo(0.75f))
                .body("totals.resolution.meanSeconds", equalTo(91800.0f))
                .body("totals.resolutionRate", equalTo(1.0f))
                .body("totals.slaCompliance", equalTo(0.5f))
                .body("totals.reopenRate", equalTo(0.25f))
                .body("totals.defectiveOrders", equalTo(4))
                .body("totals.orderDefectRate", equalTo(0.4f))
                .body("totals.returnRate", equalTo(0.2f))
                .body("totals.autoApprovalRate", equalTo(0.5f))
                .body("totals.notificationsPerOrder", equalTo(0.5f))
                .body("totals.nps.answers", equalTo(5))
                .body("totals.nps.score", equalTo(40.0f))
                .body("totals.csat.answers", equalTo(2))
                .body("totals.csat.score", equalTo(50.0f))
                .body("totals.csat.averageScore", equalTo(3.0f))
                .body("totals.detractors", equalTo(2))
                .body("totals.recoveredCustomerRate", equalTo(0.5f))
                .body("returns.byCategory.find { it.key == 'apparel' }.returnRate", equalTo(0.1667f))
                .body("returns.byCategory.find { it.key == 'footwear' }.returnRate", equalTo(0.25f))
                .body("returns.bySku.find { it.key == '" + skuB + "' }.unitsOrdered", equalTo(4))
                .body("series.size()", equalTo(7))
                .body("series[0].figures.orders", equalTo(5))
                .body("series[1].figures.orders", equalTo(5));
        assertTrue(Math.abs(p90 - 90_000) <= 90_000 * 0.02, "p90 from the histogram is within 2% of the exact 90000 s");
    }

    @Test
    @Order(2)
    void theParetoMarksTheReasonsThatMakeUpTheFirst80PercentOfContacts() {
        load();
        given().header("Authorization", MANAGER).queryParam("from", FROM).queryParam("to", TO).get("/api/v1/kpis/contact-reasons")
                .then().statusCode(200)
                .body("contacts", equalTo(8))
                .body("reasons.reason", equalTo(List.of("WHERE_IS_MY_ORDER", "DAMAGED_ITEM", "INVOICE_COPY", "OTHER")))
                .body("reasons.contacts", equalTo(List.of(4, 2, 1, 1)))
                .body("reasons.cumulativeShare", equalTo(List.of(0.5f, 0.75f, 0.875f, 1.0f)))
                .body("reasons.vitalFew", equalTo(List.of(true, true, true, false)))
                .body("bySku.find { it.sku == '" + skuA + "' }.contacts", equalTo(4))
                .body("bySku.find { it.sku == '" + skuA + "' }.reasons.reason", equalTo(List.of("WHERE_IS_MY_ORDER", "DAMAGED_ITEM")))
                .body("bySku.find { it.sku == '" + skuB + "' }.contacts", equalTo(2));
    }

    @Test
    @Order(3)
    void driversBreakNpsAndCsatDownByCarrierDelayAndTicketReason() {
        load();
        ValidatableResponse r = given().header("Authorization", MANAGER).queryParam("from", FROM).queryParam("to", TO)
                .get("/api/v1/kpis/drivers").then().statusCode(200);
        r.body("drivers.find { it.kind == 'NPS' && it.dimension == 'CARRIER' && it.value == 'SEUR' }.score", equalTo(100.0f))
                .body("drivers.find { it.kind == 'NPS' && it.dimension == 'CARRIER' && it.value == 'MRW' }.score", equalTo(-50.0f))
                .body("drivers.find { it.kind == 'NPS' && it.dimension == 'DELAYED' && it.value == 'true' }.score", equalTo(-100.0f))
                .body("drivers.find { it.kind == 'NPS' && it.dimension == 'DELAYED' && it.value == 'false' }.score", equalTo(75.0f))
                .body("drivers.find { it.kind == 'CSAT' && it.dimension == 'TICKET_REASON' }.answers", equalTo(2))
                .body("drivers.find { it.kind == 'CSAT' && it.dimension == 'TICKET_REASON' }.averageScore", equalTo(3.0f));
    }

    @Test
    @Order(4)
    void everyReportExportsAsCsv() {
        load();
        String csv = given().header("Authorization", MANAGER).queryParam("from", FROM).queryParam("to", TO)
                .queryParam("format", "csv").get("/api/v1/kpis").then().statusCode(200).contentType(startsWith("text/csv"))
                .extract().asString();
        assertTrue(csv.startsWith("period,orders,contacts,contactsPerOrder,"), "CSV header row, got: " + csv);
        assertTrue(csv.contains("\r\ntotal,10,8,0.8,4,"), "CSV total row with orders, contacts, contacts per order, got: " + csv);
        String pareto = given().header("Authorization", MANAGER).header("Accept", "text/csv").queryParam("from", FROM)
                .queryParam("to", TO).get("/api/v1/kpis/contact-reasons").then().statusCode(200).extract().asString();
        assertTrue(pareto.contains("reason,,WHERE_IS_MY_ORDER,4,0.5,0.5,true"), "Pareto CSV row, got: " + pareto);
        assertTrue(pareto.contains("reason,,OTHER,1,0.125,1.0,false"), "Pareto CSV row, got: " + pareto);
        String drivers = given().header("Authorization", MANAGER).queryParam("from", FROM).queryParam("to", TO)
                .queryParam("format", "csv").get("/api/v1/kpis/drivers").then().statusCode(200).extract().asString();
        assertTrue(drivers.contains("NPS,CARRIER,SEUR,3,100.0,"), "drivers CSV row, got: " + drivers);
    }

    @Test
    @Order(5)
    void redeliveredEventsLeaveEveryKpiUnchanged() {
        load();
        String before = report("/api/v1/kpis") + report("/api/v1/kpis/contact-reasons") + report("/api/v1/kpis/drivers");
        double duplicates = duplicates();
        for (Sent s : SENT) {
            redeliver(s.type(), s.key(), s.eventId(), s.payload());
        }
        Awaitility.await().atMost(Duration.ofSeconds(90)).until(() -> duplicates() >= duplicates + SENT.size());
        String after = report("/api/v1/kpis") + report("/api/v1/kpis/contact-reasons") + report("/api/v1/kpis/drivers");
        assertEquals(before, after, "redelivered events must not change any KPI");
    }

    @Test
    @Order(6)
    void longRangesReadWholeWeeksAndMonthsAndOnlyTheDaysInsideAtTheirEdges() {
        load();
        // first responses: 600, 1200 and 1800 s on March 4, 90000 s on March 5 (nearest-rank p90 of the four: 90000)
        long p90Of4 = ResponseTimeHistogram.upperBound(ResponseTimeHistogram.bucket(90_000));
        long p90Of3 = ResponseTimeHistogram.upperBound(ResponseTimeHistogram.bucket(1800));
        LocalDate march4 = LocalDate.of(YEAR, 3, 4);
        LocalDate march5 = march4.plusDays(1);
        kpis(YEAR + "-01-01", YEAR + "-03-31", "month")
                .body("series.start", equalTo(List.of(YEAR + "-01-01", YEAR + "-02-01", YEAR + "-03-01")))
                .body("series[1].figures.firstResponse.p90Seconds", nullValue())
                .body("series[2].figures.firstResponse.responses", equalTo(4))
                .body("series[2].figures.firstResponse.p90Seconds", equalTo((int) p90Of4))
                .body("totals.firstResponse.p90Seconds", equalTo((int) p90Of4))
                .body("returns.bySku.find { it.key == '" + skuB + "' }.unitsOrdered", equalTo(4))
                .body("returns.bySku.find { it.key == '" + skuB + "' }.unitsReturned", equalTo(1));
        // up to March 4: March is a partial month, read from its days (its monthly histogram holds March 5 too)
        kpis(YEAR + "-02-15", march4.toString(), "month")
                .body("series[1].start", equalTo(YEAR + "-03-01"))
                .body("series[1].figures.firstResponse.responses", equalTo(3))
                .body("series[1].figures.firstResponse.p90Seconds", equalTo((int) p90Of3))
                .body("totals.firstResponse.p90Seconds", equalTo((int) p90Of3));
        kpis(FROM, TO, "day")
                .body("series.find { it.start == '" + march4 + "' }.figures.firstResponse.p90Seconds", equalTo((int) p90Of3))
                .body("series.find { it.start == '" + march5 + "' }.figures.firstResponse.p90Seconds", equalTo((int) p90Of4));
        // whole weeks around March 4 and 5, then ranges that end or start inside a week
        LocalDate week4 = Granularity.WEEK.periodStart(march4);
        LocalDate week5 = Granularity.WEEK.periodStart(march5);
        ValidatableResponse weeks = kpis(week4.minusWeeks(1).toString(), week5.plusDays(13).toString(), "week");
        if (week4.equals(week5)) {
            weeks.body("series.find { it.start == '" + week4 + "' }.figures.firstResponse.p90Seconds", equalTo((int) p90Of4));
        } else {
            weeks.body("series.find { it.start == '" + week4 + "' }.figures.firstResponse.p90Seconds", equalTo((int) p90Of3))
                    .body("series.find { it.start == '" + week5 + "' }.figures.firstResponse.p90Seconds", equalTo((int) p90Of4));
        }
        kpis(week4.toString(), march4.toString(), "week")
                .body("series[0].start", equalTo(week4.toString()))
                .body("series[0].figures.firstResponse.responses", equalTo(3))
                .body("series[0].figures.firstResponse.p90Seconds", equalTo((int) p90Of3));
        kpis(march5.toString(), week5.plusDays(6).toString(), "week")
                .body("series[0].figures.firstResponse.responses", equalTo(1))
                .body("series[0].figures.firstResponse.p90Seconds", equalTo((int) p90Of4));
        given().header("Authorization", MANAGER).queryParam("from", YEAR + "-02-15").queryParam("to", YEAR + "-03-31")
                .get("/api/v1/kpis/contact-reasons").then().statusCode(200)
                .body("bySku.find { it.sku == '" + skuA + "' }.contacts", equalTo(4))
                .body("bySku.find { it.sku == '" + skuA + "' }.reasons.reason", equalTo(List.of("WHERE_IS_MY_ORDER", "DAMAGED_ITEM")))
                .body("bySku.find { it.sku == '" + skuB + "' }.contacts", equalTo(2));
    }

    private static ValidatableResponse kpis(String from, String to, String granularity) {
        return given().header("Authorization", MANAGER).queryParam("from", from).queryParam("to", to)
                .queryParam("granularity", granularity).get("/api/v1/kpis").then().statusCode(200);
    }

    private static String report(String path) {
        return given().header("Authorization", MANAGER).queryParam("from", FROM).queryParam("to", TO).get(path).then()
                .statusCode(200).extract().asString();
    }

    /** Records the consumers recognised as already processed (Micrometer counter of EventConsumer). */
    private static double duplicates() {
        String metrics = given().get("/q/metrics").then().statusCode(200).extract().asString();
        return metrics.lines().filter(l -> l.startsWith("postventa_consumer_records_total{") && l.contains("outcome=\"duplicate\"")
                && l.contains("consumer=\"feedback-service."))
                .mapToDouble(l -> Double.parseDouble(l.substring(l.lastIndexOf(' ') + 1))).sum();
    }

    @Test
    void kpisAreForManagersAndAdminsOnly() {
        for (String path : List.of("/api/v1/kpis", "/api/v1/kpis/contact-reasons", "/api/v1/kpis/drivers")) {
            given().get(path).then().statusCode(401);
            given().header("Authorization", Tokens.bearer(Tokens.customer(id("CUST")))).get(path).then().statusCode(403);
            given().header("Authorization", Tokens.bearer(Tokens.agent("a-1"))).get(path).then().statusCode(403);
            given().header("Authorization", Tokens.bearer(Tokens.admin("ad-1"))).get(path).then().statusCode(200);
        }
    }

    @Test
    void badRangesGranularitiesAndFormatsAreRefusedNamingTheField() {
        for (String path : List.of("/api/v1/kpis", "/api/v1/kpis/contact-reasons", "/api/v1/kpis/drivers")) {
            given().header("Authorization", MANAGER).queryParam("from", "2031-13-01").get(path).then().statusCode(400)
                    .contentType("application/problem+json").body("errors[0].field", equalTo("from"));
            given().header("Authorization", MANAGER).queryParam("to", "yesterday").get(path).then().statusCode(400)
                    .body("errors[0].field", equalTo("to"));
            given().header("Authorization", MANAGER).queryParam("from", "2031-03-09").queryParam("to", "2031-03-01").get(path).then()
                    .statusCode(400).body("errors[0].field", equalTo("from"));
            given().header("Authorization", MANAGER).queryParam("from", "2020-01-01").queryParam("to", "2031-03-01").get(path).then()
                    .statusCode(400).body("errors[0].field", equalTo("from"));
            given().header("Authorization", MANAGER).queryParam("format", "xml").get(path).then().statusCode(400)
                    .body("errors[0].field", equalTo("format"));
        }
        given().header("Authorization", MANAGER).queryParam("granularity", "hour").get("/api/v1/kpis").then().statusCode(400)
                .body("errors[0].field", equalTo("granularity"));
        given().header("Authorization", MANAGER).queryParam("skus", -1).get("/api/v1/kpis/contact-reasons").then().statusCode(400)
                .body("errors[0].field", equalTo("skus"));
    }

    @Test
    void weeksAndMonthsGroupTheSameDays() {
        given().header("Authorization", MANAGER).queryParam("from", "2031-03-02").queryParam("to", "2031-04-15")
                .queryParam("granularity", "month").get("/api/v1/kpis").then().statusCode(200)
                .body("series.start", equalTo(List.of("2031-03-01", "2031-04-01")));
        given().header("Authorization", MANAGER).queryParam("from", "2031-03-05").queryParam("to", "2031-03-12")
                .queryParam("granularity", "week").get("/api/v1/kpis").then().statusCode(200)
                .body("series.start", equalTo(List.of("2031-03-03", "2031-03-10")))
                .body("series[0].figures.orders", equalTo(0)).body("series[0].figures.contactsPerOrder", nullValue());
    }
}
