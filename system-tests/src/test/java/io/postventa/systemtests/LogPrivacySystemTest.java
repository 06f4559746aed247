package io.postventa.systemtests;

import static io.postventa.devstack.PlatformService.FEEDBACK;
import static io.postventa.devstack.PlatformService.RETURNS;
import static io.postventa.devstack.PlatformService.TICKET;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

import io.postventa.devstack.PlatformService;
import io.postventa.events.EventType;
import io.postventa.events.Topics;
import io.postventa.testing.TopicRecorder;

/**
 * No personal data in any log line: customers of each language the scenarios use (es, en, pt) go through what
 * puts their data into the platform (their contact points, an order shipped to their street, a help-desk message,
 * a return and a survey comment that name them and give their phone and address), then the logs of the whole run
 * in {@code system-tests/target/service-logs} (the five services', the console's and the portal's)
 * are scanned for the e-mail, phone (E.164, as typed, its digits), name and street of these customers and of every
 * other customer the run's scenarios made up.
 */
class LogPrivacySystemTest extends SystemTest {
    private static TopicRecorder feedback;

    @BeforeAll
    static void recordFeedback() {
        feedback = kafka.record(Topics.FEEDBACK);
    }

    @AfterAll
    static void stopRecording() {
        feedback.close();
    }

    @Test
    void noServiceLogLineHoldsACustomersEmailPhoneNameOrAddress() throws IOException {
        Set<String> streets = new LinkedHashSet<>();
        for (String language : List.of("es", "en", "pt")) {
            streets.add(throughEveryService(Shop.Customer.fresh(language)));
        }

        Set<String> personal = new LinkedHashSet<>(streets);
        for (Shop.Customer customer : Shop.CREATED) {
            personal.add(customer.email());
            personal.add(customer.phone());
            personal.add(customer.phone().substring(3));
            personal.add(typed(customer.phone()));
            personal.add(customer.lastName());
            personal.add(customer.firstName() + " " + customer.lastName());
        }

        List<Path> logs;
        try (Stream<Path> files = Files.list(platform.logs())) {
            logs = files.filter(f -> f.getFileName().toString().endsWith(".log")).sorted().toList();
        }
        // The five services' logs, and the console's and the portal's (they start with the platform; they say little
        // unless a browser scenario ran before this one).
        Set<String> names = new java.util.TreeSet<>();
        logs.forEach(log -> names.add(log.getFileName().toString()));
        for (PlatformService service : PlatformService.all()) {
            assertTrue(names.contains(service.serviceName() + ".log"), "a log of " + service.serviceName() + " in "
                    + platform.logs() + ", found " + names);
        }
        List<String> found = new ArrayList<>();
        for (Path log : logs) {
            List<String> lines = Files.readAllLines(log, StandardCharsets.UTF_8);
            boolean service = PlatformService.all().stream()
                    .anyMatch(p -> log.getFileName().toString().equals(p.serviceName() + ".log"));
            assertTrue(!service || lines.size() > 10, log + " holds the service's log of the run");
            for (int i = 0; i < lines.size(); i++) {
                String line = lines.get(i).toLowerCase(Locale.ROOT);
                for (String value : personal) {
                    if (line.contains(value.toLowerCase(Locale.ROOT))) {
                        found.add(log.getFileName() + ":" + (i + 1) + " holds " + value);
                    }
                }
            }
        }
        assertEquals(List.of(), found, "log lines with personal data of the run's " + Shop.CREATED.size() + " customers");
    }

    /** Puts one customer's data into all five services; returns their street. */
    private static String throughEveryService(Shop.Customer customer) {
        String tag = customer.lastName().substring("Zubiri".length());
        String street = "Calle del Pinar " + tag;
        String city = "Fresnedo" + tag;
        String fullName = customer.firstName() + " " + customer.lastName();
        String typedPhone = typed(customer.phone());
        shop.upsert(customer);
        Instant deliveredAt = Instant.now().minus(2, ChronoUnit.HOURS).truncatedTo(ChronoUnit.SECONDS);
        Instant placedAt = deliveredAt.minus(3, ChronoUnit.DAYS);
        Shop.Order order = shop.order(customer.id()).shippingTo(city)
                .placed(placedAt, LocalDate.ofInstant(deliveredAt, ZoneOffset.UTC).plusDays(1), "MUG-WHT", "home", "9.90")
                .then(EventType.ORDER_PAID, placedAt.plus(20, ChronoUnit.MINUTES))
                .then(EventType.ORDER_SHIPPED, placedAt.plus(1, ChronoUnit.DAYS))
                .then(EventType.SHIPMENT_DELIVERED, deliveredAt);

        JsonNode invited = FeedbackSystemTest.awaitInvitation(feedback, customer, order);
        Api.anonymous(FEEDBACK).body(Map.of("score", 3, "comment", "Soy " + fullName + " (" + customer.email()
                        + ", " + typedPhone + "), vivo en " + street + ", " + city))
                .post("/api/v1/surveys/" + invited.get("token").asText() + "/answers")
                .then().statusCode(201);
        Api.asCustomer(TICKET, customer.id())
                .body(Map.of("channel", "EMAIL", "orderId", order.id(), "message", "Hola, soy " + fullName
                        + ", escribidme a " + customer.email() + " o llamad al " + typedPhone + "; " + street))
                .post("/api/v1/contacts")
                .then().statusCode(201);
        ReturnsSystemTest.awaitReturnable(customer, order, "MUG-WHT");
        String returnId = Api.asCustomer(RETURNS, customer.id()).header("Idempotency-Key", UUID.randomUUID().toString())
                .body(Map.of("orderId", order.id(), "preferredResolution", "REFUND",
                        "comment", "Recogida en " + street + ", " + city + "; preguntad por " + fullName + " ("
                                + typedPhone + ", " + customer.email() + ")",
                        "lines", List.of(Map.of("sku", "MUG-WHT", "quantity", 1, "reason", "DAMAGED"))))
                .post("/api/v1/returns")
                .then().statusCode(201).extract().path("returnId");
        await("the return is decided").atMost(WAIT).untilAsserted(() ->
                Api.asCustomer(RETURNS, customer.id()).get("/api/v1/returns/" + returnId).then().statusCode(200)
                        .body("decision.outcome", org.hamcrest.Matchers.notNullValue()));
        await("the help desk has the customer's ticket").atMost(WAIT).untilAsserted(() ->
                Api.asAgent(TICKET).queryParam("customerId", customer.id()).get("/api/v1/tickets").then().statusCode(200)
                        .body("items.size()", org.hamcrest.Matchers.greaterThanOrEqualTo(1)));
        return street;
    }

    /** "+34601234567" as a Spanish customer types it: "601 23 45 67". */
    private static String typed(String e164) {
        String national = e164.substring(3);
        return national.substring(0, 3) + " " + national.substring(3, 5) + " " + national.substring(5, 7) + " "
                + national.substring(7);
    }
}
