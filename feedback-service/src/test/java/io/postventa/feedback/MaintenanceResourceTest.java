package io.postventa.feedback;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

import org.junit.jupiter.api.Test;

import io.postventa.events.EventType;
import io.postventa.events.common.ContactReason;
import io.postventa.events.common.OrderStatus;
import io.postventa.events.common.ReturnReason;
import io.postventa.events.contacts.SlaTarget;
import io.postventa.events.contacts.TicketMerged;
import io.postventa.events.contacts.TicketPriority;
import io.postventa.events.contacts.TicketReasonChanged;
import io.postventa.events.contacts.TicketSlaBreached;
import io.postventa.events.returns.Decider;
import io.postventa.events.returns.ReturnOutcome;
import io.postventa.testing.PostventaTestResource;
import io.postventa.testing.Tokens;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;

/**
 * The KPI rebuild an admin runs: from the facts the consumers stored it derives the same rollups the consumers
 * counted, and from facts that came without any consumer (an import) the rollups a manager then reads. Each test
 * uses days of a far-future year no other test uses.
 */
@QuarkusTest
@QuarkusTestResource(value = PostventaTestResource.class,
        initArgs = @ResourceArg(name = "database", value = "feedback"))
class MaintenanceResourceTest extends FeedbackTestSupport {
    private static final String ADMIN = Tokens.bearer(Tokens.admin("admin-rebuild"));
    private static final String MANAGER = Tokens.bearer(Tokens.manager("manager-rebuild"));
    private static final Duration WAIT = Duration.ofSeconds(90);
    /** Rollup tables and the column that says a row counts something (rows at zero are left out of comparisons). */
    private static final Map<String, String> ROLLUPS = new LinkedHashMap<>();

    static {
        ROLLUPS.put("kpi_daily", null);
        ROLLUPS.put("first_response_histogram", "responses");
        ROLLUPS.put("first_response_histogram_weekly", "responses");
        ROLLUPS.put("first_response_histogram_monthly", "responses");
        ROLLUPS.put("contact_reason_daily", "contacts");
        ROLLUPS.put("category_daily", "units_ordered + units_returned");
        ROLLUPS.put("sku_daily", "units_ordered + units_returned + contacts");
        ROLLUPS.put("sku_monthly", "units_ordered + units_returned + contacts");
        ROLLUPS.put("sku_reason_daily", "contacts");
        ROLLUPS.put("sku_reason_monthly", "contacts");
        ROLLUPS.put("driver_daily", "answers");
    }

    private static ValidatableResponse rebuild(String authorization) {
        return given().header("Authorization", authorization).post("/api/v1/maintenance/rebuild").then();
    }

    private static ValidatableResponse kpis(LocalDate from, LocalDate to) {
        return given().header("Authorization", MANAGER).queryParam("from", from.toString()).queryParam("to", to.toString())
                .get("/api/v1/kpis").then().statusCode(200);
    }

    @Test
    void onlyAnAdminMayRebuildTheKpis() {
        given().post("/api/v1/maintenance/rebuild").then().statusCode(401);
        for (String role : List.of("manager", "agent", "customer", "platform")) {
            rebuild(Tokens.bearer(Tokens.of(role, role + "-1"))).statusCode(403);
        }
    }

    @Test
    void aRebuildGivesTheRollupsTheConsumersCountedEventByEvent() {
        int year = 3900 + ThreadLocalRandom.current().nextInt(100);
        LocalDate from = LocalDate.of(year, 3, 2);
        String skuA = id("SKU-A");
        String skuB = id("SKU-B");
        String[] c = {id("CUST"), id("CUST"), id("CUST"), id("CUST")};
        String[] o = {id("ORD"), id("ORD"), id("ORD"), id("ORD")};
        for (int i = 0; i < 4; i++) {
            send(EventType.ORDER_STATUS_CHANGED, o[i], placed(o[i], c[i], at(year, 2, 10 + i), line(i < 2 ? skuA : skuB,
                    i < 2 ? "apparel" : "footwear")));
        }
        send(EventType.NOTIFICATION_SENT, c[0], notification(c[0], at(year, 2, 12)));
        await().atMost(WAIT).untilAsserted(() -> kpis(from, from.plusDays(30)).body("totals.orders", equalTo(4))
                .body("totals.notifications", equalTo(1)));
        send(EventType.ORDER_STATUS_CHANGED, o[2], order(o[2], c[2], OrderStatus.EXCEPTION, at(year, 3, 9), "SEUR",
                line(skuB, "footwear")));
        send(EventType.ORDER_STATUS_CHANGED, o[3], order(o[3], c[3], OrderStatus.DELIVERED, at(year, 10, 10), "MRW",
                line(skuB, "footwear")));

        // tickets: answered and solved within the SLA; answered late, solved, reopened and breached; a merged duplicate
        String[] t = {id("TCK"), id("TCK"), id("TCK")};
        Instant created = at(year, 4, 9);
        send(EventType.CONTACT_RECEIVED, t[0], contact(t[0], c[0], o[0], ContactReason.WHERE_IS_MY_ORDER, created));
        send(EventType.TICKET_CREATED, t[0], ticketCreated(t[0], c[0], o[0], ContactReason.WHERE_IS_MY_ORDER, created));
        send(EventType.TICKET_FIRST_RESPONSE, t[0], firstResponse(t[0], c[0], ContactReason.WHERE_IS_MY_ORDER, created, 600, true));
        send(EventType.TICKET_REASON_CHANGED, t[0], new TicketReasonChanged(t[0], created.plusSeconds(700),
                ContactReason.WHERE_IS_MY_ORDER, ContactReason.DAMAGED_ITEM, TicketPriority.HIGH, "agent-1", c[0], o[0]));
        send(EventType.TICKET_SOLVED, t[0], ticketSolved(t[0], c[0], o[0], ContactReason.DAMAGED_ITEM, created,
                created.plusSeconds(7200), true, true));
        send(EventType.CONTACT_RECEIVED, t[1], contact(t[1], c[1], o[1], ContactReason.RETURN_REQUEST, created));
        send(EventType.TICKET_CREATED, t[1], ticketCreated(t[1], c[1], o[1], ContactReason.RETURN_REQUEST, created));
        send(EventType.TICKET_FIRST_RESPONSE, t[1], firstResponse(t[1], c[1], ContactReason.RETURN_REQUEST, created, 90_000, false));
        send(EventType.TICKET_SOLVED, t[1], ticketSolved(t[1], c[1], o[1], ContactReason.RETURN_REQUEST, created,
                at(year, 6, 10), false, true));
        send(EventType.TICKET_REOPENED, t[1], reopened(t[1], c[1], ContactReason.RETURN_REQUEST, at(year, 7, 9)));
        send(EventType.TICKET_SLA_BREACHED, t[1], new TicketSlaBreached(t[1], at(year, 5, 9), SlaTarget.FIRST_RESPONSE,
                at(year, 5, 9), TicketPriority.NORMAL, ContactReason.RETURN_REQUEST, c[1], o[1], "in-house", null));
        send(EventType.TICKET_CREATED, t[2], ticketCreated(t[2], c[1], o[1], ContactReason.RETURN_REQUEST, created));
        send(EventType.TICKET_MERGED, t[2], new TicketMerged(t[2], created.plusSeconds(60), t[1], ContactReason.RETURN_REQUEST,
                "agent-1", c[1], o[1]));

        // returns: one approved by the risk engine, one for a damaged item (its order becomes defective) sent to review
        String[] r = {id("RET"), id("RET")};
        send(EventType.RETURN_REQUESTED, r[0], returnRequested(r[0], o[1], c[1], skuA, "apparel", ReturnReason.SIZE_FIT,
                at(year, 11, 10)));
        send(EventType.RETURN_DECIDED, r[0], decided(r[0], o[1], c[1], ReturnOutcome.APPROVED, Decider.RISK_ENGINE,
                at(year, 11, 11)));
        send(EventType.RETURN_REQUESTED, r[1], returnRequested(r[1], o[0], c[0], skuA, "apparel", ReturnReason.DAMAGED,
                at(year, 12, 10)));
        send(EventType.RETURN_DECIDED, r[1], decided(r[1], o[0], c[0], ReturnOutcome.REVIEW, Decider.RISK_ENGINE,
                at(year, 12, 11)));
        await().atMost(WAIT).untilAsserted(() -> kpis(from, from.plusDays(30)).body("totals.contacts", equalTo(2))
                .body("totals.ticketsCreated", equalTo(2)).body("totals.firstResponse.responses", equalTo(2))
                .body("totals.resolution.solved", equalTo(2)).body("totals.reopenRate", equalTo(0.5f))
                .body("totals.slaBreaches", equalTo(1)).body("totals.returnsRequested", equalTo(2))
                .body("totals.autoApprovalRate", equalTo(0.5f)).body("totals.defectiveOrders", equalTo(2)));

        // the delivered customer answers NPS 3 (a detractor, by carrier) and later orders again: recovered
        String survey = awaitSurveyScheduled(o[3]);
        clock.set(at(year, 20, 12));
        await().atMost(WAIT).until(() -> {
            surveys.sendDue();
            return "SENT".equals(surveyStatus(survey));
        });
        answer(awaitInvitationToken(survey), Map.of("score", 3)).statusCode(201);
        clock.reset();
        String again = id("ORD");
        send(EventType.ORDER_STATUS_CHANGED, again, placed(again, c[3], at(year, 25, 10), line(skuB, "footwear")));
        await().atMost(WAIT).untilAsserted(() -> kpis(from, from.plusDays(30)).body("totals.recoveredDetractors", equalTo(1)));

        Map<String, List<String>> counted = rollups(year);
        rebuild(ADMIN).statusCode(200).body("rollupRows.kpi_daily", org.hamcrest.Matchers.greaterThan(0));
        assertFalse(counted.get("driver_daily").isEmpty(), "the detractor's answer was counted by carrier");
        assertEquals(counted, rollups(year), "the rollups of the year after the rebuild, compared with those counted by the "
                + "consumers");
    }

    @Test
    void aRebuildDerivesTheRollupsOfImportedFactsThatNoConsumerCounted() {
        int year = 4000 + ThreadLocalRandom.current().nextInt(800);
        LocalDate day = LocalDate.of(year, 6, 1);
        Instant at = day.atTime(10, 0).toInstant(ZoneOffset.UTC);
        String order = id("ORD");
        String ticket = id("TCK");
        String ret = id("RET");
        String sku = id("SKU");
        sql.update("insert into order_fact (order_id, customer_id, placed_at, placed_day, status, carrier, delayed, defect, locale) "
                + "values (?, 'c-import', ?, ?, 'EXCEPTION', 'SEUR', false, false, 'es-ES')", order, at, day);
        sql.update("insert into order_line_fact (order_id, sku, category, quantity) values (?, ?, 'home', 2)", order, sku);
        sql.update("insert into contact_fact (contact_id, ticket_id, customer_id, order_id, reason, received_at) "
                + "values (?, ?, 'c-import', ?, 'WHERE_IS_MY_ORDER', ?)", id("CON"), ticket, order, at.plusSeconds(60));
        sql.update("insert into ticket_fact (ticket_id, customer_id, order_id, reason, created_at, open, solved_once, sla_met, "
                + "first_response_recorded, first_response_at, first_response_seconds, first_response_within_sla, solved_at, "
                + "resolution_seconds, solved_within_sla) values (?, 'c-import', ?, 'WHERE_IS_MY_ORDER', ?, false, true, true, "
                + "true, ?, 600, true, ?, 3600, true)", ticket, order, at.plusSeconds(60), at.plusSeconds(660),
                at.plusSeconds(3660));
        sql.update("insert into return_fact (return_id, order_id, customer_id, requested_at, main_reason, open, decided, "
                + "decided_at, auto_approved) values (?, ?, 'c-import', ?, 'CHANGED_MIND', false, true, ?, true)", ret, order,
                at.plusSeconds(7200), at.plusSeconds(7260));
        sql.update("insert into return_line_fact (return_id, line_no, sku, category, quantity, reason) "
                + "values (?, 0, ?, 'home', 1, 'CHANGED_MIND')", ret, sku);

        rebuild(ADMIN).statusCode(200);

        kpis(day, day).body("totals.orders", equalTo(1)).body("totals.defectiveOrders", equalTo(1))
                .body("totals.contacts", equalTo(1)).body("totals.ticketsCreated", equalTo(1))
                .body("totals.firstResponse.responses", equalTo(1)).body("totals.firstResponse.meanSeconds", equalTo(600.0f))
                .body("totals.firstResponse.withinSlaRate", equalTo(1.0f)).body("totals.resolution.solved", equalTo(1))
                .body("totals.slaCompliance", equalTo(1.0f)).body("totals.returnsRequested", equalTo(1))
                .body("totals.autoApprovalRate", equalTo(1.0f))
                .body("returns.byCategory.find { it.key == 'home' }.returnRate", equalTo(0.5f));
    }

    @Test
    void aRebuildRefusesFactsRecordedWithoutWhatItNeedsAndLeavesTheRollupsAsCounted() {
        String ticket = id("TCK");
        sql.update("insert into ticket_fact (ticket_id, reason, created_at, open, first_response_recorded) "
                + "values (?, 'OTHER', now(), true, true)", ticket);
        try {
            rebuild(ADMIN).statusCode(409).contentType("application/problem+json")
                    .body("detail", containsString("recorded before"));
        } finally {
            sql.update("delete from ticket_fact where ticket_id = ?", ticket);
        }
    }

    private static Instant at(int year, int marchDay, int hour) {
        return LocalDate.of(year, 3, 1).plusDays(marchDay - 1).atTime(hour, 0).toInstant(ZoneOffset.UTC);
    }

    /** Every rollup row of the year that counts something, as text, per table. */
    private Map<String, List<String>> rollups(int year) {
        Map<String, List<String>> out = new LinkedHashMap<>();
        ROLLUPS.forEach((table, counts) -> {
            String filter = counts == null ? "" : " and " + counts + " <> 0";
            List<String> rows = new ArrayList<>(sql.list("select t::text from " + table + " t where day between ? and ?"
                    + filter + " order by t::text", rs -> rs.getString(1), LocalDate.of(year, 1, 1), LocalDate.of(year, 12, 31)));
            if (table.equals("kpi_daily")) {
                rows.removeIf(row -> row.matches("\\([^,]*(,0)*,\\)"));
            }
            out.put(table, rows);
        });
        return out;
    }
}
