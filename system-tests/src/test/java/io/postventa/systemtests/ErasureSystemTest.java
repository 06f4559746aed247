package io.postventa.systemtests;

import static io.postventa.devstack.PlatformService.FEEDBACK;
import static io.postventa.devstack.PlatformService.RETURNS;
import static io.postventa.devstack.PlatformService.TICKET;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

import io.postventa.devstack.PlatformService;
import io.postventa.events.EventJson;
import io.postventa.events.EventType;
import io.postventa.events.Topics;
import io.postventa.providerstub.ProviderStub;
import io.postventa.testing.Mailbox;
import io.postventa.testing.Mailbox.Email;
import io.postventa.testing.Tokens;
import io.postventa.testing.TopicRecorder;

/**
 * Scenario 5: one person's data in all five services, free text included, and then their erasure (a tombstone on
 * customers.v1, through the platforms' webhook).
 *
 * <p>What is scanned, and why:
 * <ul>
 * <li>every text, JSON, array and binary column of every table of the five databases (information_schema), for
 * the person's e-mail, phone (E.164, as they typed it, and its digits), last name, push token and the two
 * cities their order went to;</li>
 * <li>the return label, downloaded after the erasure (returns-service draws it from what it stores);</li>
 * <li>the five services' logs of this run: no personal data is ever logged, so none is left there;</li>
 * <li>the local mail folder (every e-mail the stack's SMTP server received in this run) and every message the
 * SMS/WhatsApp/push stand-in received (these tests run it in memory; {@code ./postventa up}'s
 * {@code messages/} folder is the same thing written to disk): nothing addressed to anyone else mentions the
 * person. What was delivered to the person themselves is not scanned: that server stands in for the
 * internet's mail servers and the person's own mailbox and phone, which no controller can reach into, and the
 * platform keeps its own record of each message only in notification-service's database, which is scanned
 * above. In production there is no such folder.</li>
 * </ul>
 * Not scanned: the Kafka log segments (retention and compaction of {@code customers.v1} decide when the
 * upserted record itself goes) and PostgreSQL's WAL.
 */
class ErasureSystemTest extends SystemTest {
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
    void noDatabaseLabelServiceLogOrMessageToAnyoneElseKeepsAnErasedCustomersEmailPhoneNameOrAddress() throws Exception {
        Shop.Customer customer = Shop.Customer.fresh("es");
        String tag = customer.lastName().substring("Zubiri".length());
        String fullName = customer.firstName() + " " + customer.lastName();
        String typedPhone = typed(customer.phone());
        String city = "Villaolmo" + tag;
        String newCity = "Robledal" + tag;
        List<String> personal = List.of(customer.email(), customer.phone(), typedPhone, customer.phone().substring(3),
                customer.lastName(), customer.pushToken(), city, newCity);
        shop.upsert(customer);

        // An order delivered to one city, then redirected to another; the customer is told at each step.
        Instant deliveredAt = Instant.now().minus(2, ChronoUnit.HOURS).truncatedTo(ChronoUnit.SECONDS);
        Instant placedAt = deliveredAt.minus(3, ChronoUnit.DAYS);
        Shop.Order order = shop.order(customer.id()).shippingTo(city)
                .placed(placedAt, LocalDate.ofInstant(deliveredAt, ZoneOffset.UTC).plusDays(1), "PHONE-X", "electronics", "450.00")
                .addressChangedTo(newCity, placedAt.plus(10, ChronoUnit.MINUTES))
                .then(EventType.ORDER_PAID, placedAt.plus(20, ChronoUnit.MINUTES))
                .then(EventType.ORDER_SHIPPED, placedAt.plus(1, ChronoUnit.DAYS))
                .then(EventType.SHIPMENT_OUT_FOR_DELIVERY, deliveredAt.minus(3, ChronoUnit.HOURS))
                .then(EventType.SHIPMENT_DELIVERED, deliveredAt);

        // They answer the survey with a comment, write to the help desk, and return the phone with a comment
        // that names them and where to collect it; an agent approves it with a note about the call.
        JsonNode invited = awaitInvitation(customer, order);
        Api.anonymous(FEEDBACK).body(Map.of("score", 8, "comment", "Todo bien. Soy " + fullName + ", llamadme al " + typedPhone))
                .post("/api/v1/surveys/" + invited.get("token").asText() + "/answers")
                .then().statusCode(201);
        Api.asCustomer(TICKET, customer.id())
                .body(Map.of("channel", "EMAIL", "orderId", order.id(),
                        "message", "Hola, soy " + fullName + ". Necesito la factura a nombre de " + customer.lastName()
                                + "; mi móvil es el " + typedPhone + " y ahora vivo en " + newCity))
                .post("/api/v1/contacts")
                .then().statusCode(201);
        ReturnsSystemTest.awaitReturnable(customer, order, "PHONE-X");
        String returnId = Api.asCustomer(RETURNS, customer.id()).header("Idempotency-Key", UUID.randomUUID().toString())
                .body(Map.of("orderId", order.id(), "preferredResolution", "REFUND",
                        "comment", "Recogedlo en Calle del Olmo 7, 3ºB, " + newCity + ". Preguntad por " + fullName
                                + " (" + typedPhone + ")",
                        "lines", List.of(Map.of("sku", "PHONE-X", "quantity", 1, "reason", "CHANGED_MIND"))))
                .post("/api/v1/returns")
                .then().statusCode(201).extract().path("returnId");
        await("the return of a new customer's expensive phone waits for an agent").atMost(WAIT).untilAsserted(() ->
                Api.asCustomer(RETURNS, customer.id()).get("/api/v1/returns/" + returnId).then().statusCode(200)
                        .body("status", equalTo("IN_REVIEW")));
        Api.as(RETURNS, Tokens.agent("agent-st-erasure"))
                .body(Map.of("outcome", "APPROVED", "note", "Llamé a " + fullName + " al " + typedPhone + "; recogida en " + newCity))
                .post("/api/v1/returns/" + returnId + "/review")
                .then().statusCode(200).body("status", equalTo("LABEL_ISSUED"));
        ReturnsSystemTest.awaitEmail(customer, "Devolución " + returnId + " aprobada");

        await("every service holds what it needs of the customer").atMost(WAIT).untilAsserted(() -> {
            for (PlatformService service : PlatformService.all()) {
                assertFalse(PersonalData.foundIn(platform, service, personal).isEmpty(),
                        service.serviceName() + " holds some of the customer's data before the erasure");
            }
        });

        shop.erase(customer.id());

        await("no database of any service keeps any of " + personal).atMost(WAIT).untilAsserted(() -> {
            Map<String, List<String>> left = new LinkedHashMap<>();
            for (PlatformService service : PlatformService.all()) {
                List<String> found = PersonalData.foundIn(platform, service, personal);
                if (!found.isEmpty()) {
                    left.put(service.serviceName(), found);
                }
            }
            assertTrue(left.isEmpty(), "personal data of an erased customer is still stored in " + left);
        });
        Api.asCustomer(RETURNS, customer.id()).get("/api/v1/returns/" + returnId).then().statusCode(200)
                .body("status", equalTo("LABEL_ISSUED"))
                .body("totalValue", equalTo(450.0f))
                .body("lines[0].sku", equalTo("PHONE-X"))
                .body("decision.outcome", equalTo("APPROVED"));

        byte[] label = Api.asCustomer(RETURNS, customer.id()).accept("application/pdf")
                .get("/api/v1/returns/" + returnId + "/label")
                .then().statusCode(200).extract().asByteArray();
        assertEquals(List.of(), mentioned(pdfText(label), personal), "the return label mentions the erased customer");

        List<String> inLogs = new ArrayList<>();
        try (Stream<Path> logs = Files.list(platform.logs())) {
            for (Path log : logs.filter(Files::isRegularFile).toList()) {
                String text = Files.readString(log, StandardCharsets.UTF_8);
                mentioned(text, personal).forEach(value -> inLogs.add(log.getFileName() + ": " + value));
            }
        }
        assertEquals(List.of(), inLogs, "the services' logs of this run mention the customer");

        List<Email> mail = Mailbox.all();
        assertTrue(mail.stream().anyMatch(m -> m.addressedTo(customer.email())),
                "the scan reads the mail folder " + Mailbox.folder() + " (the customer's e-mails are in it)");
        List<String> inOthersMail = mail.stream().filter(m -> !m.addressedTo(customer.email()))
                .filter(m -> !mentioned(m.subject() + "\n" + m.headers() + "\n" + m.body(), personal).isEmpty())
                .map(Email::toString).toList();
        assertEquals(List.of(), inOthersMail, "e-mails to other people mention the erased customer");

        List<String> inOthersMessages = new ArrayList<>();
        for (String channel : List.of("sms", "whatsapp", "push")) {
            for (ProviderStub.Received message : platform.providers().received(channel, "")) {
                JsonNode body = EventJson.readTree(message.body());
                String to = body.path("to").asText(body.path("token").asText());
                if (!to.equals(customer.phone()) && !to.equals(customer.pushToken())
                        && !mentioned(message.body(), personal).isEmpty()) {
                    inOthersMessages.add(channel + " to " + to);
                }
            }
        }
        assertEquals(List.of(), inOthersMessages, "SMS, WhatsApp or push messages to other people mention the erased customer");
    }

    /** "+34601234567" as a Spanish customer types it: "601 23 45 67". */
    private static String typed(String e164) {
        String national = e164.substring(3);
        return national.substring(0, 3) + " " + national.substring(3, 5) + " " + national.substring(5, 7) + " "
                + national.substring(7);
    }

    /** Which of the values the text holds, in any letter case. */
    private static List<String> mentioned(String text, List<String> values) {
        String lower = text.toLowerCase(Locale.ROOT);
        return values.stream().filter(v -> lower.contains(v.toLowerCase(Locale.ROOT))).toList();
    }

    private static String pdfText(byte[] pdf) {
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            PDFTextStripper stripper = new PDFTextStripper();
            return stripper.getText(doc) + "\n" + doc.getDocumentInformation().getTitle() + "\n"
                    + doc.getDocumentInformation().getSubject();
        } catch (IOException e) {
            throw new UncheckedIOException("the label is not a PDF", e);
        }
    }

    private static JsonNode awaitInvitation(Shop.Customer customer, Shop.Order order) {
        return FeedbackSystemTest.awaitInvitation(feedback, customer, order);
    }
}
