package io.postventa.systemtests;

import static io.postventa.devstack.PlatformService.TICKET;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.postventa.events.EventType;
import io.postventa.testing.Tokens;

/** Issue 27, item 12: an IVR option that is not on the menu is refused and changes nothing. */
class IvrOptionsSystemTest extends SystemTest {

    @Test
    void aCallWithTheIvrOptionUnoIsRefusedNamingTheFieldAndDoesNotReopenTheSolvedTicket() {
        Shop.Customer customer = Shop.Customer.fresh("es");
        shop.upsert(customer);
        Instant placedAt = Instant.now().minus(1, ChronoUnit.DAYS).truncatedTo(ChronoUnit.SECONDS);
        Shop.Order order = shop.order(customer.id()).placed(placedAt)
                .then(EventType.ORDER_SHIPPED, placedAt.plus(2, ChronoUnit.HOURS));
        ContactsSystemTest.awaitTicketServiceKnows(order, "SHIPPED");
        String ticketId = Api.asCustomer(TICKET, customer.id())
                .body(Map.of("channel", "EMAIL", "orderId", order.id(), "message", "¿Dónde está mi pedido?"))
                .post("/api/v1/contacts").then().statusCode(201).body("status", equalTo("SOLVED"))
                .extract().path("ticketId");

        Api.as(TICKET, Tokens.platform(Shop.PLATFORM_ID))
                .body(Map.of("channel", "PHONE", "customerId", customer.id(), "orderId", order.id(),
                        "ivrOption", "uno", "message", "Llamada entrante"))
                .post("/api/v1/contacts").then().statusCode(400)
                .contentType(containsString("application/problem+json"))
                .body("errors.field", hasItem("ivrOption"));

        Api.asAgent(TICKET).get("/api/v1/tickets/" + ticketId).then().statusCode(200)
                .body("ticket.status", equalTo("SOLVED"))
                .body("ticket.reopenCount", equalTo(0));
        Api.asAgent(TICKET).queryParam("orderId", order.id()).get("/api/v1/tickets").then().body("total", equalTo(1));
    }
}
