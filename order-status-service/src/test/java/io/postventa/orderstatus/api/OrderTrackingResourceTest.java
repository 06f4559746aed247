package io.postventa.orderstatus.api;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.UUID;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.node.ObjectNode;

import io.postventa.events.EventType;
import io.postventa.events.Topics;
import io.postventa.orderstatus.Lifecycle;
import io.postventa.testing.KafkaTestClient;
import io.postventa.testing.PostventaTestResource;
import io.postventa.testing.Tokens;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.specification.RequestSpecification;

/** Self-service tracking over the real stack: what the customer sees, and who may see it. */
@QuarkusTest
@QuarkusTestResource(value = PostventaTestResource.class, initArgs = @ResourceArg(name = "database", value = "order_status"))
class OrderTrackingResourceTest {
    private static KafkaTestClient kafka;
    private static final String CUSTOMER = "CUST-" + UUID.randomUUID();
    private static final String ORDER = "ORD-" + UUID.randomUUID();
    private static final String OLDER_ORDER = "ORD-" + UUID.randomUUID();
    private static final Instant PLACED_AT = Instant.now().minus(2, ChronoUnit.DAYS).truncatedTo(ChronoUnit.SECONDS);
    private static final LocalDate PROMISED = LocalDate.ofInstant(PLACED_AT, ZoneOffset.UTC).plusDays(5);

    private static boolean ready;

    @BeforeAll
    static void connect() {
        kafka = KafkaTestClient.create();
    }

    /** Once, but per instance: rest-assured knows the test port only once the test instance exists. */
    @BeforeEach
    void anOrderInTransitWithALateScan() {
        if (ready) {
            return;
        }
        ready = true;
        send(EventType.ORDER_PLACED, Lifecycle.placed(OLDER_ORDER, CUSTOMER, PLACED_AT.minus(30, ChronoUnit.DAYS)));
        Awaitility.await().atMost(Duration.ofSeconds(60)).until(() -> asAgent().get("/api/v1/orders/" + OLDER_ORDER)
                .statusCode() == 200);
        send(EventType.ORDER_PLACED, Lifecycle.placed(ORDER, CUSTOMER, PLACED_AT, PROMISED));
        send(EventType.ORDER_SHIPPED, Lifecycle.event(EventType.ORDER_SHIPPED, ORDER, PLACED_AT.plusSeconds(3600)));
        send(EventType.SHIPMENT_OUT_FOR_DELIVERY, Lifecycle.event(EventType.SHIPMENT_OUT_FOR_DELIVERY, ORDER, PLACED_AT.plusSeconds(7200)));
        send(EventType.SHIPMENT_IN_TRANSIT, Lifecycle.event(EventType.SHIPMENT_IN_TRANSIT, ORDER, PLACED_AT.plusSeconds(5000)));
        // until ORDER_PLACED is applied the order is a 404 without a timeline, which the path cannot size
        Awaitility.await().atMost(Duration.ofSeconds(60)).ignoreExceptions().until(() -> asAgent()
                .get("/api/v1/orders/" + ORDER).then().extract().path("timeline.size()") instanceof Integer n && n == 4);
    }

    @AfterAll
    static void close() {
        kafka.close();
    }

    private static void send(EventType type, ObjectNode event) {
        kafka.send(Topics.ORDERS_LIFECYCLE, event.get("orderId").asText(), event.toString(), Lifecycle.binaryHeaders(type, event));
    }

    private static RequestSpecification as(String token) {
        return given().header("Authorization", Tokens.bearer(token));
    }

    private static RequestSpecification asAgent() {
        return as(Tokens.agent("AGENT-1"));
    }

    @Test
    void theCustomerSeesStatusPromiseTrackingAndTimelineInTheirLanguage() {
        as(Tokens.customer(CUSTOMER)).get("/api/v1/orders/" + ORDER)
                .then().statusCode(200)
                .body("status", equalTo("OUT_FOR_DELIVERY"))
                .body("language", equalTo("es"))
                .body("statusText", equalTo("Tu pedido está en reparto y llega hoy"))
                .body("promisedDeliveryDate", equalTo(PROMISED.toString()))
                .body("delayed", equalTo(false))
                .body("carrier", equalTo("SEUR"))
                .body("trackingUrl", equalTo("https://tracking.example-carrier.com/t/SEU123456789ES"))
                .body("purchaseNumber", equalTo(2))
                .body("timeline.eventType", not(hasItem("SHIPMENT_IN_TRANSIT")))
                .body("timeline.size()", equalTo(3))
                .body("timeline[0].text", equalTo("Pedido realizado"));
        as(Tokens.customer(CUSTOMER)).header("Accept-Language", "en-GB,en;q=0.8").get("/api/v1/orders/" + ORDER)
                .then().statusCode(200)
                .body("statusText", equalTo("Your order is out for delivery and arrives today"))
                .body("timeline[1].text", equalTo("Handed to the carrier"));
        as(Tokens.customer(CUSTOMER)).header("Accept-Language", "pt-PT,pt;q=0.9").get("/api/v1/orders/" + ORDER)
                .then().statusCode(200)
                .body("language", equalTo("pt"))
                .body("statusText", equalTo("A sua encomenda está em distribuição e chega hoje"))
                .body("timeline[0].text", equalTo("Encomenda efetuada"))
                .body("timeline[1].text", equalTo("Entregue à transportadora"));
        as(Tokens.customer(CUSTOMER)).header("Accept-Language", "pt").get("/api/v1/customers/me/orders")
                .then().statusCode(200)
                .body("items.find { it.orderId == '" + ORDER + "' }.statusText",
                        equalTo("A sua encomenda está em distribuição e chega hoje"));
    }

    @Test
    void agentsSeeTheLateEventTooAndPartnerAgentsSeeNoPostcode() {
        asAgent().get("/api/v1/orders/" + ORDER).then().statusCode(200)
                .body("timeline.find { it.eventType == 'SHIPMENT_IN_TRANSIT' }.outcome", equalTo("STALE"))
                .body("shippingPostcode", notNullValue());
        as(Tokens.partnerAgent("P-1", "outsourced-1")).get("/api/v1/orders/" + ORDER).then().statusCode(200)
                .body("status", equalTo("OUT_FOR_DELIVERY"))
                .body("shippingPostcode", nullValue());
    }

    @Test
    void anotherCustomersOrderAndAnUnknownOrderAreNotFound() {
        as(Tokens.customer("CUST-" + UUID.randomUUID())).get("/api/v1/orders/" + ORDER)
                .then().statusCode(404).contentType("application/problem+json");
        asAgent().get("/api/v1/orders/ORD-" + UUID.randomUUID()).then().statusCode(404);
    }

    @Test
    void otherRolesMayNotTrackOrders() {
        as(Tokens.platform("open-shop")).get("/api/v1/orders/" + ORDER).then().statusCode(403);
        as(Tokens.agent("AGENT-1")).get("/api/v1/customers/me/orders").then().statusCode(403);
        given().get("/api/v1/orders/" + ORDER).then().statusCode(401);
    }

    @Test
    void refusalsOfTheSecurityLayerAreProblemJsonAndA401KeepsTheBearerChallenge() {
        given().get("/api/v1/orders/" + ORDER).then().statusCode(401)
                .contentType("application/problem+json").header("WWW-Authenticate", startsWith("Bearer"))
                .body("status", equalTo(401)).body("title", equalTo("Unauthorized"))
                .body("detail", containsString("bearer token")).body("instance", equalTo("/api/v1/orders/" + ORDER));
        String expired = io.postventa.devstack.DevTokens.token("customer", "CUST-EXPIRED", null, Duration.ofMinutes(-1));
        as(expired).get("/api/v1/customers/me/orders").then().statusCode(401)
                .contentType("application/problem+json").header("WWW-Authenticate", startsWith("Bearer"))
                .body("status", equalTo(401)).body("detail", containsString("not accepted"))
                // never which check the token failed
                .body("detail", not(containsString("xpired at")));
        as(Tokens.agent("AGENT-1")).get("/api/v1/customers/me/orders").then().statusCode(403)
                .contentType("application/problem+json").body("status", equalTo(403)).body("title", equalTo("Forbidden"))
                .body("detail", containsString("role"));
    }

    @Test
    void myOrdersListsOnlyMineNewestFirst() {
        as(Tokens.customer(CUSTOMER)).get("/api/v1/customers/me/orders")
                .then().statusCode(200)
                .body("total", equalTo(2))
                .body("items.orderId", org.hamcrest.Matchers.contains(ORDER, OLDER_ORDER))
                .body("items[1].purchaseNumber", equalTo(1))
                .body("items[0].statusText", equalTo("Tu pedido está en reparto y llega hoy"));
        as(Tokens.customer("CUST-" + UUID.randomUUID())).get("/api/v1/customers/me/orders")
                .then().statusCode(200).body("total", equalTo(0));
    }

    @Test
    void aBadPageIsRefusedNamingTheParameter() {
        as(Tokens.customer(CUSTOMER)).queryParam("size", 0).get("/api/v1/customers/me/orders")
                .then().statusCode(400).contentType("application/problem+json").body("errors[0].field", equalTo("size"));
    }
}
