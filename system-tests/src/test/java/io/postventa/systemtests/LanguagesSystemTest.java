package io.postventa.systemtests;

import static io.postventa.devstack.PlatformService.TICKET;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.postventa.events.EventType;
import io.postventa.testing.Tokens;

/**
 * Issue 27, item 8 (ticket side): customer-facing texts are data; Portuguese works end to end (keywords, the
 * automatic answer, the IVR menu, procedures' replies), and the promised answer time is the SLA policy's.
 */
class LanguagesSystemTest extends SystemTest {

    @Test
    void aPortugueseCustomerIsClassifiedAnsweredAndPromisedAnAnswerInPortuguese() {
        Shop.Customer customer = Shop.Customer.fresh("pt");
        shop.upsert(customer);
        Instant placedAt = Instant.now().minus(1, ChronoUnit.DAYS).truncatedTo(ChronoUnit.SECONDS);
        Shop.Order order = shop.order(customer.id())
                .placed(placedAt, LocalDate.now(ZoneOffset.UTC).plusDays(3), "MANTA-2", "home", "29.90")
                .then(EventType.ORDER_SHIPPED, placedAt.plus(2, ChronoUnit.HOURS))
                .then(EventType.SHIPMENT_IN_TRANSIT, placedAt.plus(10, ChronoUnit.HOURS));
        ContactsSystemTest.awaitTicketServiceKnows(order, "IN_TRANSIT");

        Api.asCustomer(TICKET, customer.id())
                .body(Map.of("channel", "EMAIL", "orderId", order.id(),
                        "message", "Olá, onde está a minha encomenda? Ainda não chegou"))
                .post("/api/v1/contacts").then().statusCode(201)
                .body("reason", equalTo("WHERE_IS_MY_ORDER"))
                .body("autoReply", containsString("a sua encomenda " + order.id() + " está a caminho"))
                .body("autoReply", containsString("Pode seguir o envio aqui: https://tracking.example-carrier.com/t/"
                        + order.trackingNumber()));

        // not answered at once: promised the first-response target of the SLA policy, in words of the language
        String target = Api.as(TICKET, Tokens.admin("admin-st")).get("/api/v1/sla-policies").then().statusCode(200)
                .extract().path("find { it.id == 'default' }.targets.NORMAL.firstResponse");
        long seconds = Duration.parse(target).toSeconds();
        String promise = seconds % 3600 == 0 ? plural(seconds / 3600, "hora")
                : seconds % 60 == 0 ? plural(seconds / 60, "minuto") : plural(seconds, "segundo");
        Api.asCustomer(TICKET, customer.id())
                .body(Map.of("channel", "WEB_FORM", "message", "Preciso de uma fatura com o meu contribuinte"))
                .post("/api/v1/contacts").then().statusCode(201)
                .body("reason", equalTo("INVOICE_COPY"))
                .body("acknowledgement", equalTo("Recebemos a sua mensagem. Responderemos no prazo de " + promise + "."));
    }

    private static String plural(long n, String unit) {
        return n + " " + unit + (n == 1 ? "" : "s");
    }

    @Test
    void theIvrMenuAndAProceduresReplyAreReadInPortuguese() {
        Api.as(TICKET, Tokens.platform(Shop.PLATFORM_ID)).queryParam("language", "pt").get("/api/v1/ivr-menu")
                .then().statusCode(200)
                .body("options.find { it.option == '2' }.prompt", equalTo("Para devolver um artigo, prima 2."));

        String procedure = Shop.id("pt").toLowerCase();
        Api.as(TICKET, Tokens.admin("admin-st")).body(Map.of("reason", "INVOICE_COPY", "name", "Fatura",
                "steps", List.of("Emitir a fatura"), "replies", Map.of("es", "Te enviamos la factura.",
                        "pt", "Enviámos a fatura do pedido {{orderId}}.")))
                .put("/api/v1/procedures/" + procedure).then().statusCode(200);
        Shop.Customer customer = Shop.Customer.fresh("pt");
        shop.upsert(customer);
        String ticketId = Api.asCustomer(TICKET, customer.id())
                .body(Map.of("channel", "EMAIL", "message", "Preciso da fatura, obrigado"))
                .post("/api/v1/contacts").then().statusCode(201).extract().path("ticketId");
        Api.asAgent(TICKET).body(Map.of("procedureId", procedure)).post("/api/v1/tickets/" + ticketId + "/procedure")
                .then().statusCode(201).body("body", equalTo("Enviámos a fatura do pedido -."));
    }
}
