package io.postventa.notification;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

import io.postventa.events.EventJson;
import io.postventa.notification.domain.PendingEvent;
import io.postventa.notification.domain.TemplateVariant;
import io.postventa.notification.domain.VariantPicker;
import io.postventa.notification.service.CappedUpdates;
import io.postventa.notification.support.TestEvents;
import io.postventa.testing.Mailbox;
import io.postventa.testing.Mailbox.Email;
import io.postventa.testing.MovableClock;
import io.postventa.testing.PostventaTestResource;
import io.postventa.testing.ProviderStubResource;
import io.postventa.testing.Tokens;
import io.postventa.testing.TopicRecorder;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;

/** Order updates end to end: real broker, database, SMTP server and a local HTTP provider. */
@QuarkusTest
@QuarkusTestResource(value = PostventaTestResource.class,
        initArgs = @ResourceArg(name = "database", value = "notifications"))
@QuarkusTestResource(ProviderStubResource.class)
class OrderNotificationsTest extends NotificationTestSupport {
    @Inject
    MovableClock clock;

    @Inject
    CappedUpdates cappedUpdates;

    @Test
    void aShippedOrderSendsOneMessagePerChannelInTheCustomersLanguageWithFirstPurchaseWording() {
        String customer = newCustomer("+3460" + digits(), "en", "Europe/London");
        String email = emailOf(customer);
        String order = "ORD-" + UUID.randomUUID();
        String eventId = TestEvents.statusChanged(kafka, UUID.randomUUID().toString(), order, customer, "SHIPPED", 1, "es-ES");

        Email mail = awaitOneEmail(email);
        assertTrue(mail.subject().contains(order), "the subject names the order: " + mail.subject());
        assertTrue(mail.body().contains("Thank you for your first order"), "first purchase wording in English: " + mail.body());
        assertTrue(mail.body().contains("Hi Lucía"), "greets by name: " + mail.body());
        assertTrue(mail.body().contains("https://tracking.example-carrier.com/t/" + order), "tracking link: " + mail.body());
        assertTrue(mail.header("List-Unsubscribe") != null && mail.header("List-Unsubscribe").contains("/api/v1/unsubscribe?token="),
                "one-click unsubscribe header: " + mail.header("List-Unsubscribe"));
        assertEquals("support+o." + order + "@postventa.local", mail.replyTo(), "a reply names the order");
        assertEquals("<" + mail.header("X-Postventa-Notification") + "@notification.postventa>", mail.header("Message-ID"),
                "the Message-ID is the delivery's, so a send repeated after a crash is the same e-mail");

        List<ConsumerRecord<String, String>> sent = notifications.await(
                r -> customer.equals(r.key()) && r.value().contains(eventId) && "postventa.notification.sent.v1".equals(TopicRecorder.header(r, "ce_type")), 4, WAIT);
        assertEquals(4, sent.size(), "one notification.sent per channel (EMAIL, SMS, WHATSAPP, PUSH)");
        for (ConsumerRecord<String, String> r : sent) {
            JsonNode event = EventJson.readTree(r.value());
            assertEquals("en", event.get("locale").asText());
            assertTrue(!r.value().contains(email) && !r.value().contains("Lucía"), "ids only, no personal data: " + r.value());
        }

        List<Map<String, Object>> deliveries = deliveries(customer);
        Map<String, Object> emailDelivery = deliveries.stream().filter(d -> "EMAIL".equals(d.get("channel"))).findFirst().orElseThrow();
        List<TemplateVariant> variants = given().header("Authorization", Tokens.bearer(Tokens.admin("admin-1")))
                .get("/api/v1/templates/order-shipped.email.en").then().statusCode(200)
                .extract().jsonPath().getList("variants", TemplateVariant.class);
        String expected = VariantPicker.pick(variants, customer, "order-shipped.email.en").name();
        assertEquals(expected, emailDelivery.get("variant"), "the customer's stable A/B variant is recorded");
        String expectedSubject = variants.stream().filter(v -> v.name().equals(expected)).findFirst().orElseThrow()
                .subject().replace("{orderId}", order);
        assertEquals(expectedSubject, mail.subject(), "the e-mail uses the recorded variant");
        assertEquals(1, ProviderStubResource.stub().received("sms", order).size(), "one SMS at the provider");
        assertEquals(ProviderStubResource.KEY, ProviderStubResource.stub().received("sms", order).get(0).authorization(),
                "the provider adapter sends the configured auth header");
    }

    @Test
    void aSpanishSecondPurchaseGetsSecondPurchaseWordingAndARepeatCustomerTheirCount() {
        String customer = newCustomer(null, "es", "Europe/Madrid");
        String email = emailOf(customer);
        String second = "ORD-" + UUID.randomUUID();
        TestEvents.statusChanged(kafka, UUID.randomUUID().toString(), second, customer, "DELIVERED", 2, "es-ES");
        Email mail = awaitOneEmail(email);
        assertEquals("Tu pedido " + second + " ha sido entregado", mail.subject());
        assertTrue(mail.body().contains("segundo pedido"), "second purchase wording: " + mail.body());

        String fifth = "ORD-" + UUID.randomUUID();
        TestEvents.statusChanged(kafka, UUID.randomUUID().toString(), fifth, customer, "DELIVERED", 5, "es-ES");
        await().atMost(WAIT).until(() -> Mailbox.to(email).size() == 2);
        Email repeat = Mailbox.to(email).stream().filter(m -> m.subject().contains(fifth)).findFirst().orElseThrow();
        assertTrue(repeat.body().contains("ya van 5 pedidos"), "repeat purchase wording: " + repeat.body());
        // no phone number: SMS and WhatsApp are suppressed with a reason, never dropped silently
        notifications.await(r -> customer.equals(r.key()) && r.value().contains("NO_CONTACT_POINT"), 4, WAIT);
    }

    @Test
    void aTriggerSwitchedOffInConfigurationIsRecordedAsSuppressed() {
        String customer = newCustomer(null, "es", "Europe/Madrid");
        String eventId = TestEvents.statusChanged(kafka, UUID.randomUUID().toString(), "ORD-" + UUID.randomUUID(),
                customer, "EXCEPTION", 1, "es-ES");
        notifications.await(r -> customer.equals(r.key()) && r.value().contains(eventId)
                && r.value().contains("TRIGGER_DISABLED"), 1, WAIT);
    }

    @Test
    void aRedeliveredEventSendsNothing() {
        String customer = newCustomer("+3461" + digits(), "es", "Europe/Madrid");
        String email = emailOf(customer);
        String order = "ORD-" + UUID.randomUUID();
        String eventId = UUID.randomUUID().toString();
        TestEvents.statusChanged(kafka, eventId, order, customer, "SHIPPED", 3, "es-ES");
        TestEvents.statusChanged(kafka, eventId, order, customer, "SHIPPED", 3, "es-ES");
        // a later event on the same order (same partition) marks that both copies were processed
        TestEvents.statusChanged(kafka, UUID.randomUUID().toString(), order, customer, "DELIVERED", 3, "es-ES");
        await().atMost(WAIT).until(() -> Mailbox.to(email).stream().anyMatch(m -> m.subject().contains("entregado")));
        await().atMost(WAIT).untilAsserted(() -> assertEquals(8, deliveries(customer).stream()
                .filter(d -> "SENT".equals(d.get("status"))).count(), "all eight sent: " + summary(customer)));

        assertEquals(1, Mailbox.to(email).stream().filter(m -> m.subject().contains("camino")).count(),
                "the shipped e-mail arrives once");
        assertEquals(4, deliveries(customer).stream().filter(d -> eventId.equals(d.get("sourceEventId"))).count(),
                "one delivery per channel for the event, not two");
        assertEquals(2, ProviderStubResource.stub().received("sms", order).size(), "one SMS per status change");
    }

    @Test
    void quietHoursDeferInterruptiveChannelsAndSendWhenTheyEnd() {
        String zone = "America/Mexico_City";
        String customer = newCustomer("+3462" + digits(), "es", zone);
        String email = emailOf(customer);
        LocalTime now = clock.instant().atZone(ZoneId.of(zone)).toLocalTime();
        DateTimeFormatter hhmm = DateTimeFormatter.ofPattern("HH:mm");
        given().header("Authorization", Tokens.bearer(Tokens.customer(customer))).contentType("application/json")
                .body(Map.of("quietHours", Map.of("start", now.minusHours(1).format(hhmm), "end", now.plusHours(1).format(hhmm))))
                .put("/api/v1/customers/me/preferences").then().statusCode(200);
        String order = "ORD-" + UUID.randomUUID();
        TestEvents.statusChanged(kafka, UUID.randomUUID().toString(), order, customer, "SHIPPED", 2, "es-ES");

        awaitOneEmail(email); // e-mail is not interruptive: it goes at once
        await().atMost(WAIT).until(() -> deliveries(customer).stream().filter(d -> "DEFERRED".equals(d.get("status"))).count() == 3);
        assertEquals(0, ProviderStubResource.stub().received("sms", order).size(), "no SMS during quiet hours");

        clock.advance(Duration.ofHours(2));
        await().atMost(WAIT).until(() -> ProviderStubResource.stub().received("sms", order).size() == 1
                && ProviderStubResource.stub().received("push", order).size() == 1);
        await().atMost(WAIT).until(() -> deliveries(customer).stream().allMatch(d -> "SENT".equals(d.get("status"))));
    }

    @Test
    void optingOutSuppressesThatChannelAndTheUnsubscribeLinkStopsTheKind() {
        String customer = newCustomer("+3463" + digits(), "es", "Europe/Madrid");
        String email = emailOf(customer);
        given().header("Authorization", Tokens.bearer(Tokens.customer(customer))).contentType("application/json")
                .body(Map.of("channels", Map.of("ORDER_UPDATES", Map.of("SMS", false))))
                .put("/api/v1/customers/me/preferences").then().statusCode(200)
                .body("channels.ORDER_UPDATES.SMS", equalTo(false)).body("channels.ORDER_UPDATES.EMAIL", equalTo(true));
        String order = "ORD-" + UUID.randomUUID();
        TestEvents.statusChanged(kafka, UUID.randomUUID().toString(), order, customer, "SHIPPED", 2, "es-ES");
        notifications.await(r -> customer.equals(r.key()) && r.value().contains("OPTED_OUT") && r.value().contains("\"SMS\""), 1, WAIT);
        Email mail = awaitOneEmail(email);

        String url = mail.header("List-Unsubscribe").substring(1, mail.header("List-Unsubscribe").length() - 1);
        String token = url.substring(url.indexOf("token=") + 6);
        given().queryParam("token", token).post("/api/v1/unsubscribe").then().statusCode(200)
                .body("kind", equalTo("ORDER_UPDATES"));
        given().queryParam("token", token.substring(0, token.length() - 2) + "xx").post("/api/v1/unsubscribe")
                .then().statusCode(400).body("errors[0].field", equalTo("token"));

        String next = UUID.randomUUID().toString();
        TestEvents.statusChanged(kafka, next, order, customer, "DELIVERED", 2, "es-ES");
        notifications.await(r -> customer.equals(r.key()) && r.value().contains(next) && r.value().contains("OPTED_OUT"), 4, WAIT);
        assertEquals(1, Mailbox.to(email).size(), "nothing more after unsubscribing");
    }

    @Test
    void erasureRemovesPersonalDataAndLaterEventsAreSuppressed() {
        String customer = newCustomer("+3464" + digits(), "es", "Europe/Madrid");
        String email = emailOf(customer);
        String order = "ORD-" + UUID.randomUUID();
        TestEvents.statusChanged(kafka, UUID.randomUUID().toString(), order, customer, "SHIPPED", 1, "es-ES");
        await().atMost(WAIT).until(() -> deliveries(customer).stream().filter(d -> "SENT".equals(d.get("status"))).count() == 4);
        assertTrue(deliveries(customer).stream().allMatch(d -> d.get("body") != null), "content kept before erasure");

        TestEvents.erase(kafka, customer);
        await().atMost(WAIT).until(() -> deliveries(customer).stream().allMatch(d -> d.get("body") == null));
        for (Map<String, Object> d : deliveries(customer)) {
            assertNull(d.get("recipient"), "no contact point left");
            assertNull(d.get("subject"), "no rendered content left");
            assertEquals("SENT", d.get("status"), "ids, kinds, statuses and times stay");
            assertEquals(order, d.get("orderId"));
        }
        String later = UUID.randomUUID().toString();
        TestEvents.statusChanged(kafka, later, order, customer, "DELIVERED", 1, "es-ES");
        notifications.await(r -> customer.equals(r.key()) && r.value().contains(later) && r.value().contains("CUSTOMER_ERASED"), 1, WAIT);
    }

    @Test
    void aProviderOutageIsRetriedThenTheDeliveryFailsAndIsPublished() {
        String customer = "CUST-" + UUID.randomUUID();
        String phone = ProviderStubResource.UNAVAILABLE_PREFIX + digits();
        TestEvents.customer(kafka, customer, null, phone, "es", "Europe/Madrid");
        String order = "ORD-" + UUID.randomUUID();
        String eventId = TestEvents.statusChanged(kafka, UUID.randomUUID().toString(), order, customer, "SHIPPED", 1, "es-ES");

        ConsumerRecord<String, String> failed = notifications.await(r -> customer.equals(r.key())
                && "postventa.notification.failed.v1".equals(TopicRecorder.header(r, "ce_type"))
                && r.value().contains("WHATSAPP"), 1, WAIT).get(0);
        JsonNode event = EventJson.readTree(failed.value());
        assertEquals("HTTP_503", event.get("errorCode").asText());
        assertEquals(4, event.get("attempts").asInt(), "the first try and three retries");
        assertEquals(eventId, event.get("sourceEventId").asText());
        assertEquals(4, ProviderStubResource.stub().received("whatsapp", phone).size(), "the provider saw every attempt");
        await().atMost(WAIT).until(() -> deliveries(customer).stream()
                .anyMatch(d -> "WHATSAPP".equals(d.get("channel")) && "FAILED".equals(d.get("status"))));
    }

    @Test
    void aRoundWithFailingAndSucceedingDeliveriesRecordsEachOutcomeAndItsEvent() {
        // one event, four channels claimed together: e-mail and push go through, SMS and WhatsApp hit an outage
        String phone = ProviderStubResource.UNAVAILABLE_PREFIX + digits();
        String customer = newCustomer(phone, "es", "Europe/Madrid");
        String email = emailOf(customer);
        String order = "ORD-" + UUID.randomUUID();
        String eventId = TestEvents.statusChanged(kafka, UUID.randomUUID().toString(), order, customer, "SHIPPED", 1, "es-ES");

        List<ConsumerRecord<String, String>> outcomes = notifications.await(r -> customer.equals(r.key())
                && r.value().contains(eventId) && !"postventa.notification.suppressed.v1".equals(TopicRecorder.header(r, "ce_type")),
                4, WAIT);
        Map<String, JsonNode> byChannel = new java.util.HashMap<>();
        for (ConsumerRecord<String, String> r : outcomes) {
            JsonNode event = EventJson.readTree(r.value());
            String type = TopicRecorder.header(r, "ce_type");
            byChannel.put(event.get("channel").asText(), event);
            boolean failed = "postventa.notification.failed.v1".equals(type);
            assertEquals(List.of("SMS", "WHATSAPP").contains(event.get("channel").asText()), failed,
                    "only the channels in outage fail: " + type + " " + r.value());
        }
        assertEquals(4, byChannel.size(), "one outcome event per channel: " + byChannel.keySet());
        assertEquals(1, byChannel.get("PUSH").get("attempts").asInt(), "push went through at the first try");
        assertTrue(byChannel.get("PUSH").get("providerMessageId").asText().startsWith("push-"),
                "the provider's id is published: " + byChannel.get("PUSH"));
        assertEquals("HTTP_503", byChannel.get("SMS").get("errorCode").asText());
        assertEquals(4, byChannel.get("SMS").get("attempts").asInt(), "the first try and three retries");
        assertEquals(4, byChannel.get("WHATSAPP").get("attempts").asInt());

        await().atMost(WAIT).untilAsserted(() -> assertEquals(
                List.of("EMAIL/SENT/1/null", "PUSH/SENT/1/null", "SMS/FAILED/4/HTTP_503", "WHATSAPP/FAILED/4/HTTP_503"),
                deliveries(customer).stream().map(d -> d.get("channel") + "/" + d.get("status") + "/" + d.get("attempts")
                        + "/" + d.get("errorCode")).sorted().toList()));
        String pushId = byChannel.get("PUSH").get("notificationId").asText();
        String stored = QuarkusTransaction.requiringNew().call(() -> io.postventa.notification.domain.Delivery
                .<io.postventa.notification.domain.Delivery>findById(UUID.fromString(pushId)).providerMessageId);
        assertEquals(byChannel.get("PUSH").get("providerMessageId").asText(), stored,
                "the delivery keeps the provider's id it published");
        assertEquals(1, Mailbox.to(email).size(), "one e-mail");
    }

    @Test
    void anEventForAnUnknownCustomerWaitsForThemAndIsSuppressedWhenTheyNeverCome() {
        String late = "CUST-" + UUID.randomUUID();
        String email = emailOf(late);
        String order = "ORD-" + UUID.randomUUID();
        TestEvents.statusChanged(kafka, UUID.randomUUID().toString(), order, late, "OUT_FOR_DELIVERY", 1, "es-ES");
        TestEvents.customer(kafka, late, email, null, "en", "Europe/London");
        Email mail = awaitOneEmail(email);
        assertEquals("Your order " + order + " arrives today", mail.subject());

        String never = "CUST-" + UUID.randomUUID();
        String eventId = TestEvents.statusChanged(kafka, UUID.randomUUID().toString(), "ORD-" + UUID.randomUUID(),
                never, "OUT_FOR_DELIVERY", 1, "es-ES");
        await().atMost(WAIT).until(() -> QuarkusTransaction.requiringNew()
                .call(() -> PendingEvent.findById(eventId) != null));
        clock.advance(Duration.ofMinutes(3));
        notifications.await(r -> never.equals(r.key()) && r.value().contains(eventId)
                && r.value().contains("UNKNOWN_CUSTOMER"), 1, WAIT);
    }

    @Test
    void overTheDailyCapUpdatesFoldIntoTheNextAllowedMessage() {
        String customer = newCustomer(null, "es", "UTC");
        String email = emailOf(customer);
        for (int i = 0; i < 4; i++) {
            TestEvents.statusChanged(kafka, UUID.randomUUID().toString(), "ORD-" + i + "-" + customer, customer,
                    "OUT_FOR_DELIVERY", 2, "es-ES");
        }
        String capped = EventJson.readTree(notifications.await(r -> customer.equals(r.key())
                && r.value().contains("FREQUENCY_CAP"), 1, WAIT).get(0).value()).get("orderId").asText();
        await().atMost(WAIT).until(() -> Mailbox.to(email).size() == 3);
        assertTrue(Mailbox.to(email).stream().noneMatch(m -> m.subject().contains(capped)), "the fourth update is held back");

        clock.advance(Duration.ofDays(1));
        String next = "ORD-next-" + customer;
        TestEvents.statusChanged(kafka, UUID.randomUUID().toString(), next, customer, "OUT_FOR_DELIVERY", 2, "es-ES");
        await().atMost(WAIT).until(() -> Mailbox.to(email).size() == 4);
        Email folded = Mailbox.to(email).stream().filter(m -> m.subject().contains(next)).findFirst().orElseThrow();
        assertTrue(folded.body().contains("Novedades anteriores") && folded.body().contains(capped),
                "the capped update is folded into the next message: " + folded.body());
    }

    @Test
    void anUpdateHeldBackByTheCapIsSentAsItselfOnceTheCapAllowsEvenWithoutALaterMessage() {
        String customer = newCustomer(null, "es", "UTC");
        String email = emailOf(customer);
        for (int i = 0; i < 4; i++) {
            TestEvents.statusChanged(kafka, UUID.randomUUID().toString(), "ORD-" + i + "-" + customer, customer,
                    "OUT_FOR_DELIVERY", 2, "es-ES");
        }
        String capped = EventJson.readTree(notifications.await(r -> customer.equals(r.key())
                && r.value().contains("FREQUENCY_CAP"), 1, WAIT).get(0).value()).get("orderId").asText();
        await().atMost(WAIT).until(() -> Mailbox.to(email).size() == 3);
        cappedUpdates.releaseAllowed();
        assertEquals(null, heldBack(customer).get("foldedInto"), "the cap does not allow it yet: " + summary(customer));

        clock.advance(Duration.ofDays(1));
        cappedUpdates.releaseAllowed();
        await().atMost(WAIT).until(() -> Mailbox.to(email).size() == 4);
        Email released = Mailbox.to(email).stream().filter(m -> m.subject().contains(capped)).findFirst().orElseThrow();
        assertEquals("Tu pedido " + capped + " llega hoy", released.subject(), "sent as itself, its own template");
        assertTrue(!released.body().contains("Novedades anteriores"), "not listed as an earlier update of itself: "
                + released.body());
        Object carrier = heldBack(customer).get("foldedInto");
        assertTrue(deliveries(customer).stream().anyMatch(d -> d.get("id").equals(carrier)
                && "ORDER_OUT_FOR_DELIVERY".equals(d.get("trigger"))), "linked to the message that carried it");
        cappedUpdates.releaseAllowed();
        assertEquals(4, deliveries(customer).stream().filter(d -> "SENT".equals(d.get("status"))
                || "QUEUED".equals(d.get("status")) || "SENDING".equals(d.get("status"))).count(), "sent once");
    }

    /** The customer's e-mail update the cap held back. */
    private static Map<String, Object> heldBack(String customer) {
        return deliveries(customer).stream().filter(d -> "FREQUENCY_CAP".equals(d.get("reason"))
                && "EMAIL".equals(d.get("channel"))).findFirst().orElseThrow();
    }

    @Test
    void severalUpdatesHeldBackByTheCapAreSentAsOneDigestOnceTheCapAllows() {
        String customer = newCustomer(null, "en", "UTC");
        String email = emailOf(customer);
        for (int i = 0; i < 5; i++) {
            TestEvents.statusChanged(kafka, UUID.randomUUID().toString(), "ORD-" + i + "-" + customer, customer,
                    "SHIPPED", 4, "en-GB");
        }
        List<String> capped = notifications.await(r -> customer.equals(r.key()) && r.value().contains("FREQUENCY_CAP")
                && r.value().contains("\"EMAIL\""), 2, WAIT).stream()
                .map(r -> EventJson.readTree(r.value()).get("orderId").asText()).toList();
        await().atMost(WAIT).until(() -> Mailbox.to(email).size() == 3);

        clock.advance(Duration.ofDays(1));
        cappedUpdates.releaseAllowed();
        await().atMost(WAIT).until(() -> Mailbox.to(email).size() == 4);
        Email digest = Mailbox.to(email).stream().filter(m -> m.subject().equals("Updates on your orders")).findFirst()
                .orElseThrow(() -> new AssertionError("one digest e-mail: " + Mailbox.to(email)));
        for (String order : capped) {
            assertTrue(digest.body().contains(order), "the digest lists " + order + ": " + digest.body());
        }
        await().atMost(WAIT).until(() -> ProviderStubResource.stub().received("push", customer).stream()
                .anyMatch(r -> r.body().contains("Updates on your orders")));
    }

    @Test
    void aPhoneNumberTypedWithSpacesIsTextedInE164() {
        String customer = "CUST-" + UUID.randomUUID();
        String national = "6" + digits() + "1";
        String typed = national.substring(0, 3) + " " + national.substring(3, 5) + " " + national.substring(5, 7) + " "
                + national.substring(7);
        TestEvents.customer(kafka, customer, null, typed, "es", "Europe/Madrid");
        String order = "ORD-" + UUID.randomUUID();
        TestEvents.statusChanged(kafka, UUID.randomUUID().toString(), order, customer, "SHIPPED", 2, "es-ES");
        await().atMost(WAIT).until(() -> ProviderStubResource.stub().received("sms", order).size() == 1);
        assertTrue(ProviderStubResource.stub().received("sms", order).get(0).body().contains("\"to\":\"+34" + national + "\""),
                "the provider gets E.164: " + ProviderStubResource.stub().received("sms", order).get(0).body());
    }

    @Test
    void aPortugueseCustomerIsWrittenToInPortugueseAndTheUnsubscribePageSpeaksPortuguese() {
        String customer = newCustomer(null, "pt", "Europe/Lisbon");
        String email = emailOf(customer);
        String order = "ORD-" + UUID.randomUUID();
        TestEvents.statusChanged(kafka, UUID.randomUUID().toString(), order, customer, "SHIPPED", 3, "pt-PT");
        Email mail = awaitOneEmail(email);
        assertTrue(mail.subject().equals("A sua encomenda " + order + " está a caminho")
                || mail.subject().equals("Já vai a caminho! Encomenda " + order), mail.subject());
        assertTrue(mail.body().contains("Olá Lucía") && mail.body().contains("terceira encomenda"),
                "Portuguese, with third-purchase wording: " + mail.body());

        String url = mail.header("List-Unsubscribe").substring(1, mail.header("List-Unsubscribe").length() - 1);
        String token = url.substring(url.indexOf("token=") + 6);
        given().queryParam("token", token).header("Accept-Language", "es").get("/api/v1/unsubscribe").then()
                .statusCode(200).contentType("text/html")
                .body(org.hamcrest.Matchers.containsString("Quer deixar de receber avisos sobre as suas encomendas?"));
        given().queryParam("token", token).header("Accept", "text/html,application/xhtml+xml").post("/api/v1/unsubscribe")
                .then().statusCode(200).contentType("text/html")
                .body(org.hamcrest.Matchers.containsString("Deixará de receber avisos sobre as suas encomendas."));
    }

    @Test
    void aCancelledOrderIsToldAndTheThirdPurchaseHasItsOwnThanks() {
        String customer = newCustomer(null, "es", "Europe/Madrid");
        String email = emailOf(customer);
        String third = "ORD-" + UUID.randomUUID();
        TestEvents.statusChanged(kafka, UUID.randomUUID().toString(), third, customer, "DELIVERED", 3, "es-ES");
        String cancelled = "ORD-" + UUID.randomUUID();
        TestEvents.statusChanged(kafka, UUID.randomUUID().toString(), cancelled, customer, "CANCELLED", 4, "es-ES");
        await().atMost(WAIT).until(() -> Mailbox.to(email).size() == 2);
        Email delivered = Mailbox.to(email).stream().filter(m -> m.subject().contains(third)).findFirst().orElseThrow();
        assertTrue(delivered.body().contains("tercer pedido") && !delivered.body().contains("ya van"),
                "third-purchase wording, not the repeat customer's count: " + delivered.body());
        Email gone = Mailbox.to(email).stream().filter(m -> m.subject().contains(cancelled)).findFirst().orElseThrow();
        assertEquals("Tu pedido " + cancelled + " ha sido cancelado", gone.subject());
        assertTrue(gone.body().contains("103.75 EUR"), "the amount to be refunded: " + gone.body());
    }

    private static Email awaitOneEmail(String address) {
        return Mailbox.awaitFor(address, mail -> true, WAIT);
    }

    private static List<String> summary(String customerId) {
        return deliveries(customerId).stream().map(d -> d.get("trigger") + "/" + d.get("channel") + "/" + d.get("status")
                + "/" + d.get("reason") + "/" + d.get("errorCode")).toList();
    }
}
