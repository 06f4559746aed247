package io.postventa.ticket.api;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

import io.postventa.events.EventType;
import io.postventa.events.customers.CustomerUpserted;
import io.postventa.testing.PostventaTestResource;
import io.postventa.testing.Tokens;
import io.postventa.ticket.TicketTestSupport;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;

/** Phone numbers as people type them: kept in E.164, found however an agent or a caller types them. */
@QuarkusTest
@QuarkusTestResource(value = PostventaTestResource.class, initArgs = @ResourceArg(name = "database", value = "tickets"))
class PhoneNumbersTest extends TicketTestSupport {

    private static ValidatableResponse search(String q) {
        return given().header("Authorization", Tokens.bearer(Tokens.agent("agent-phone"))).queryParam("q", q)
                .get("/api/v1/customers/search").then().statusCode(200);
    }

    @Test
    void aCustomersNumberIsFoundHoweverAnAgentOrACallerTypesIt() {
        String customer = id("cust");
        int n = ThreadLocalRandom.current().nextInt(1_000_000, 9_999_999);
        String national = "66" + n; // a Spanish mobile, nine digits
        // "600 12 34 56", as people write a Spanish number
        String typed = national.substring(0, 3) + " " + national.substring(3, 5) + " " + national.substring(5, 7) + " "
                + national.substring(7);
        String e164 = "+34" + national;
        send(EventType.CUSTOMER_UPSERTED, customer, new CustomerUpserted(UUID.randomUUID().toString(), customer,
                Instant.now(), "shop", null, e164, null, "Pilar", "Ortega", "es", "Europe/Madrid", null, null, null));
        Awaitility.await().atMost(Duration.ofSeconds(90)).untilAsserted(() -> search(e164)
                .body("customers.find { it.customerId == '" + customer + "' }.customer.phone", equalTo(e164)));
        for (String q : new String[] {typed, national, "0034" + national, "(+34) " + national.substring(0, 3)
                + "-" + national.substring(3, 6) + "-" + national.substring(6)}) {
            search(q).body("customers.customerId", hasItem(customer)).body(
                    "customers.find { it.customerId == '" + customer + "' }.matchedBy", hasItem("phone"));
        }

        // a caller identified only by the number they typed into the web form is the same customer
        postContact(Tokens.platform("shop"), Map.of("channel", "PHONE", "phone", typed,
                "message", "Necesito la factura")).statusCode(201);
        given().header("Authorization", Tokens.bearer(Tokens.agent("agent-phone"))).queryParam("customerId", customer)
                .get("/api/v1/tickets").then().statusCode(200).body("total", equalTo(1))
                .body("items[0].phone", equalTo(e164));
    }
}
