package io.postventa.systemtests;

import static io.postventa.devstack.PlatformService.TICKET;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import java.util.Map;

import org.junit.jupiter.api.Test;

import io.postventa.testing.Tokens;

/** Issue 27, item 7: phone numbers as people type them find the customer. */
class PhoneNumbersSystemTest extends SystemTest {

    @Test
    void aPhoneNumberTypedInGroupsWithoutTheCountryCodeFindsTheCustomerAndTheirCall() {
        Shop.Customer customer = Shop.Customer.fresh("es");
        shop.upsert(customer);
        String national = customer.phone().substring(3); // "+34" + nine digits
        String typed = national.substring(0, 3) + " " + national.substring(3, 5) + " " + national.substring(5, 7) + " "
                + national.substring(7);

        await("an agent finds " + customer.id() + " by \"" + typed + "\"").atMost(WAIT).untilAsserted(() ->
                Api.asAgent(TICKET).queryParam("q", typed).get("/api/v1/customers/search").then().statusCode(200)
                        .body("customers.customerId", hasItem(customer.id()))
                        .body("customers.find { it.customerId == '" + customer.id() + "' }.customer.phone",
                                equalTo(customer.phone())));

        Api.as(TICKET, Tokens.platform(Shop.PLATFORM_ID))
                .body(Map.of("channel", "PHONE", "phone", typed, "message", "Llamada: quiere una copia de la factura"))
                .post("/api/v1/contacts").then().statusCode(201);
        Api.asAgent(TICKET).queryParam("customerId", customer.id()).get("/api/v1/tickets").then().statusCode(200)
                .body("total", equalTo(1)).body("items[0].phone", equalTo(customer.phone()));
    }
}
