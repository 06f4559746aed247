package io.postventa.feedback;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.concurrent.ThreadLocalRandom;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

import io.postventa.events.EventType;
import io.postventa.events.common.OrderStatus;
import io.postventa.events.common.ReturnReason;
import io.postventa.testing.PostventaTestResource;
import io.postventa.testing.Tokens;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;

/**
 * An order counts once, on the day it was placed, however its facts arrive: a damaged-item return may reach this
 * service before the order's first status event (another topic, another consumer), and the order is then defective
 * from the moment its placement is known. The day is in a randomly chosen far-future year, so nothing else on the
 * shared broker and database falls into it.
 */
@QuarkusTest
@QuarkusTestResource(value = PostventaTestResource.class,
        initArgs = @ResourceArg(name = "database", value = "feedback"))
class OrderPlacementKpiTest extends FeedbackTestSupport {
    static final LocalDate DAY = LocalDate.of(2100 + ThreadLocalRandom.current().nextInt(800), 5, 12);
    static final String MANAGER = Tokens.bearer(Tokens.manager("manager-placement"));
    static final Duration WAIT = Duration.ofSeconds(90);

    static ValidatableResponse kpisOfTheDay() {
        return given().header("Authorization", MANAGER).queryParam("from", DAY.toString()).queryParam("to", DAY.toString())
                .get("/api/v1/kpis").then().statusCode(200);
    }

    boolean orderFact(String orderId, String condition) {
        return sql.one("select 1 from order_fact where order_id = ? and " + condition, rs -> 1, orderId).isPresent();
    }

    @Test
    void aReturnOfADamagedItemBeforeTheOrdersFirstStatusMakesItDefectiveOnItsPlacementDayAndLaterStatusesCountItNoMore() {
        Instant placedAt = DAY.atTime(10, 0).toInstant(ZoneOffset.UTC);
        String customer = id("CUST");
        String order = id("ORD");
        String sku = id("SKU");
        String returnId = id("RET");
        send(EventType.RETURN_REQUESTED, returnId, returnRequested(returnId, order, customer, sku, "apparel",
                ReturnReason.DAMAGED, placedAt.plus(Duration.ofDays(4))));
        Awaitility.await().atMost(WAIT).until(() -> orderFact(order, "defect and placed_day is null"));

        send(EventType.ORDER_STATUS_CHANGED, order, placed(order, customer, placedAt, line(sku, "apparel")));
        Awaitility.await().atMost(WAIT).untilAsserted(() -> kpisOfTheDay()
                .body("totals.orders", equalTo(1)).body("totals.defectiveOrders", equalTo(1)));

        send(EventType.ORDER_STATUS_CHANGED, order, order(order, customer, OrderStatus.SHIPPED,
                placedAt.plus(Duration.ofDays(1)), "SEUR", line(sku, "apparel")));
        Awaitility.await().atMost(WAIT).until(() -> orderFact(order, "status = 'SHIPPED' and carrier = 'SEUR'"));
        kpisOfTheDay().body("totals.orders", equalTo(1)).body("totals.defectiveOrders", equalTo(1));
    }
}
