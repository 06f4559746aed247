package io.postventa.notification.support;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;

import com.fasterxml.jackson.databind.node.ObjectNode;

import io.postventa.events.EventJson;
import io.postventa.events.EventType;
import io.postventa.events.Topics;
import io.postventa.testing.KafkaTestClient;

/** Builds and sends the events this service consumes, as their producers would. */
public final class TestEvents {
    private TestEvents() {
    }

    /** A customer on customers.v1 (plain JSON, as e-commerce platforms write it). */
    public static void customer(KafkaTestClient kafka, String customerId, String email, String phone, String language,
            String timeZone) {
        customer(kafka, customerId, email, phone, language, timeZone, true);
    }

    /** As above, choosing the marketing consent for SMS (e-mail, WhatsApp and push are consented). */
    public static void customer(KafkaTestClient kafka, String customerId, String email, String phone, String language,
            String timeZone, boolean smsConsent) {
        ObjectNode c = (ObjectNode) EventJson.readTree("""
                {"eventId":"%s","customerId":"%s","occurredAt":"%s","firstName":"Lucía","lastName":"Martínez",
                 "language":"%s","timeZone":"%s","pushToken":"fcm:%s",
                 "marketingConsents":{"email":true,"sms":%s,"whatsapp":true,"push":true}}
                """.formatted(UUID.randomUUID(), customerId, Instant.now(), language, timeZone, UUID.randomUUID(), smsConsent));
        if (email != null) {
            c.put("email", email);
        }
        if (phone != null) {
            c.put("phone", phone);
        }
        kafka.send(Topics.CUSTOMERS, customerId, c.toString());
    }

    /** A customer with a birthday and a first-purchase date (all marketing consents given). */
    public static void customerWithDates(KafkaTestClient kafka, String customerId, String email, String language,
            String timeZone, java.time.LocalDate birthday, java.time.LocalDate firstPurchase) {
        String c = """
                {"eventId":"%s","customerId":"%s","occurredAt":"%s","firstName":"Lucía","email":"%s",
                 "language":"%s","timeZone":"%s","birthday":"%s","firstPurchaseDate":"%s",
                 "marketingConsents":{"email":true,"sms":true,"whatsapp":true,"push":true}}
                """.formatted(UUID.randomUUID(), customerId, Instant.now(), email, language, timeZone, birthday, firstPurchase);
        kafka.send(Topics.CUSTOMERS, customerId, c);
    }

    public static void erase(KafkaTestClient kafka, String customerId) {
        kafka.send(Topics.CUSTOMERS, customerId, null, Map.of("ce_id", UUID.randomUUID().toString()));
    }

    /** order-status.changed for an order, as order-status-service publishes it; returns the event id. */
    public static String statusChanged(KafkaTestClient kafka, String eventId, String orderId, String customerId,
            String newStatus, int purchaseNumber, String locale) {
        String data = """
                {"orderId":"%s","customerId":"%s","occurredAt":"%s","newStatus":"%s","sourceEventId":"%s",
                 "purchaseNumber":%d,"locale":"%s","salesChannel":"WEB","currency":"EUR","total":103.75,
                 "lines":[{"sku":"TSHIRT-BLU-M","name":"Organic cotton T-shirt","category":"apparel","unitPrice":19.9,"quantity":2}],
                 "placedAt":"2026-03-02T09:15:00Z","promisedDeliveryDate":"2026-03-05","carrier":"SEUR",
                 "trackingNumber":"SEU123","trackingUrl":"https://tracking.example-carrier.com/t/%s"}
                """.formatted(orderId, customerId, Instant.now(), newStatus, UUID.randomUUID(), purchaseNumber, locale,
                orderId);
        if (newStatus.equals("DELIVERED")) {
            data = data.replace("\"newStatus\"", "\"deliveredAt\":\"" + Instant.now() + "\",\"newStatus\"");
        }
        if (newStatus.equals("EXCEPTION") || newStatus.equals("DELIVERY_FAILED")) {
            data = data.replace("\"newStatus\"", "\"exceptionReasonCode\":\"ADDRESS_NOT_FOUND\",\"newStatus\"");
        }
        send(kafka, EventType.ORDER_STATUS_CHANGED, eventId, orderId, data);
        return eventId;
    }

    /**
     * The contract's example of an event type with some fields replaced (texts; "true"/"false" for the example's
     * booleans); returns the event id.
     */
    public static String example(KafkaTestClient kafka, EventType type, Map<String, String> replace) {
        String path = "/examples/" + type.topic() + "/" + type.name() + ".json";
        try (var in = TestEvents.class.getResourceAsStream(path)) {
            ObjectNode data = (ObjectNode) EventJson.readTree(new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8));
            replace.forEach((name, value) -> {
                if (data.path(name).isBoolean()) {
                    data.put(name, Boolean.parseBoolean(value));
                } else {
                    data.put(name, value);
                }
            });
            String eventId = UUID.randomUUID().toString();
            send(kafka, type, eventId, data.get(type.keyProperty()).asText(), data.toString());
            return eventId;
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }

    public static void send(KafkaTestClient kafka, EventType type, String eventId, String key, String data) {
        kafka.sendEvent(type, key, eventId, data, Instant.now());
    }
}
