package io.postventa.systemtests;

import static io.restassured.RestAssured.given;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.postventa.devstack.PlatformService;
import io.postventa.events.EventJson;
import io.postventa.events.EventType;
import io.postventa.events.Topics;
import io.postventa.testing.KafkaTestClient;
import io.postventa.testing.Tokens;
import io.restassured.http.ContentType;

/**
 * An e-commerce platform integrating with Postventa from the outside: it publishes its orders on
 * {@code orders.lifecycle.v1} (CloudEvents binary mode) or posts them to the webhook, and reports its
 * customers through the customer webhook. Events are the contract's examples with fresh ids.
 */
public final class Shop {
    public static final String PLATFORM_ID = "system-tests-shop";

    private final KafkaTestClient kafka;

    public Shop(KafkaTestClient kafka) {
        this.kafka = kafka;
    }

    /** A unique id with a readable prefix. */
    public static String id(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 13).toUpperCase();
    }

    /** A customer as the platform knows them; {@code email} is derived from the id. */
    /** Every customer the scenarios of this test run made up (the log scan looks for all of them). */
    public static final List<Customer> CREATED = new java.util.concurrent.CopyOnWriteArrayList<>();

    public record Customer(String id, String firstName, String lastName, String email, String phone,
            String pushToken, String language) {
        /** A new customer whose last name, e-mail, phone and push token are unique to them. */
        public static Customer fresh(String language) {
            String id = Shop.id("CUST");
            String tag = id.substring(5).replace("-", "").toLowerCase();
            Customer customer = new Customer(id, "Lucía", "Zubiri" + tag, "st-" + tag + "@example.com",
                    "+3460" + String.format("%07d", Math.abs(tag.hashCode()) % 10_000_000), "fcm:st-" + tag, language);
            CREATED.add(customer);
            return customer;
        }
    }

    /** Reports the customer through the webhook (written to customers.v1), with every marketing consent. */
    public void upsert(Customer c) {
        String body = """
                {"eventId":"%s","customerId":"%s","occurredAt":"%s","source":"%s","email":"%s","phone":"%s",
                 "pushToken":"%s","firstName":"%s","lastName":"%s","language":"%s","timeZone":"Europe/Madrid",
                 "marketingConsents":{"email":true,"sms":true,"whatsapp":true,"push":true}}
                """.formatted(UUID.randomUUID(), c.id(), Instant.now().minusSeconds(5), PLATFORM_ID, c.email(),
                c.phone(), c.pushToken(), c.firstName(), c.lastName(), c.language());
        given().baseUri(PlatformService.ORDER_STATUS.url())
                .header("Authorization", Tokens.bearer(Tokens.platform(PLATFORM_ID)))
                .contentType(ContentType.JSON).body(body)
                .post("/api/v1/customer-events")
                .then().statusCode(202);
    }

    /** Asks for the customer's erasure through the webhook (a tombstone on customers.v1). */
    public void erase(String customerId) {
        given().baseUri(PlatformService.ORDER_STATUS.url())
                .header("Authorization", Tokens.bearer(Tokens.platform(PLATFORM_ID)))
                .contentType(ContentType.JSON).body(Map.of("customerId", customerId, "erase", true))
                .post("/api/v1/customer-events")
                .then().statusCode(202);
    }

    /** One order of one customer, built up event by event. */
    public final class Order {
        private final String id = Shop.id("ORD");
        private final String customerId;
        private final String carrier;
        private final String trackingNumber = "TRK" + UUID.randomUUID().toString().substring(0, 8).toUpperCase();
        private String shippingCity;

        private Order(String customerId, String carrier) {
            this.customerId = customerId;
            this.carrier = carrier;
        }

        public String id() {
            return id;
        }

        public String carrier() {
            return carrier;
        }

        public String trackingNumber() {
            return trackingNumber;
        }

        /** Delivers to this city (the contract keeps addresses at city level) instead of the example's. */
        public Order shippingTo(String city) {
            this.shippingCity = city;
            return this;
        }

        /** ORDER_ADDRESS_CHANGED to {@code city}, published on the topic. */
        public Order addressChangedTo(String city, Instant at) {
            ObjectNode e = event(EventType.ORDER_ADDRESS_CHANGED, at);
            ((ObjectNode) e.get("addressChange")).put("city", city);
            return publish(EventType.ORDER_ADDRESS_CHANGED, e);
        }

        /** ORDER_PLACED with one line, promised for {@code promised}, published on the topic. */
        public Order placed(Instant at, LocalDate promised, String sku, String category, String unitPrice) {
            return publish(EventType.ORDER_PLACED, placedEvent(at, promised, sku, category, unitPrice));
        }

        /** ORDER_PLACED of one T-shirt posted to the webhook. */
        public Order placedThroughWebhook(Instant at) {
            return post(placedEvent(at, LocalDate.ofInstant(at, ZoneOffset.UTC).plusDays(5), "TSHIRT-BLU-M",
                    "apparel", "19.90"));
        }

        private ObjectNode placedEvent(Instant at, LocalDate promised, String sku, String category, String unitPrice) {
            ObjectNode e = event(EventType.ORDER_PLACED, at);
            ObjectNode placed = (ObjectNode) e.get("placed");
            placed.put("customerId", customerId);
            placed.put("promisedDeliveryDate", promised.toString());
            ArrayNode lines = placed.putArray("lines");
            ObjectNode line = lines.addObject();
            line.put("sku", sku);
            line.put("name", sku + " (system tests)");
            line.put("category", category);
            line.put("unitPrice", new java.math.BigDecimal(unitPrice));
            line.put("quantity", 1);
            placed.put("shippingCost", 0);
            placed.put("discountTotal", 0);
            placed.put("total", new java.math.BigDecimal(unitPrice));
            if (shippingCity != null) {
                placed.put("shippingCity", shippingCity);
            }
            return e;
        }

        public Order placed(Instant at) {
            return placed(at, LocalDate.ofInstant(at, ZoneOffset.UTC).plusDays(5), "TSHIRT-BLU-M", "apparel", "19.90");
        }

        /** Any later lifecycle event, its shipment naming this order's carrier and tracking number. */
        public Order then(EventType type, Instant at) {
            return publish(type, event(type, at));
        }

        /** The same event posted to the webhook instead of the topic. */
        public Order thenThroughWebhook(EventType type, Instant at) {
            return post(event(type, at));
        }

        /**
         * The event posted to the webhook as part of the platform's own trace: the call carries {@code traceparent}
         * (W3C Trace Context), as a traced e-commerce platform's HTTP client sends it.
         */
        public Order thenThroughWebhookInTrace(EventType type, Instant at, String traceparent) {
            ObjectNode e = event(type, at);
            given().baseUri(PlatformService.ORDER_STATUS.url())
                    .header("Authorization", Tokens.bearer(Tokens.platform(PLATFORM_ID)))
                    .header("traceparent", traceparent)
                    .contentType(ContentType.JSON).body(e.toString())
                    .post("/api/v1/order-events")
                    .then().statusCode(202);
            return this;
        }

        private Order post(ObjectNode e) {
            given().baseUri(PlatformService.ORDER_STATUS.url())
                    .header("Authorization", Tokens.bearer(Tokens.platform(PLATFORM_ID)))
                    .contentType(ContentType.JSON).body(e.toString())
                    .post("/api/v1/order-events")
                    .then().statusCode(202);
            return this;
        }

        /** Placed, paid, packed, shipped, in transit, out for delivery and delivered, ending at {@code deliveredAt}. */
        public Order deliveredAt(Instant deliveredAt, String sku, String category, String unitPrice) {
            Instant placedAt = deliveredAt.minus(3, ChronoUnit.DAYS);
            placed(placedAt, LocalDate.ofInstant(deliveredAt, ZoneOffset.UTC).plusDays(1), sku, category, unitPrice);
            then(EventType.ORDER_PAID, placedAt.plusSeconds(60));
            then(EventType.ORDER_SHIPPED, placedAt.plus(1, ChronoUnit.DAYS));
            then(EventType.SHIPMENT_OUT_FOR_DELIVERY, deliveredAt.minus(3, ChronoUnit.HOURS));
            return then(EventType.SHIPMENT_DELIVERED, deliveredAt);
        }

        private ObjectNode event(EventType type, Instant at) {
            ObjectNode node = example(type);
            node.put("eventId", UUID.randomUUID().toString());
            node.put("orderId", id);
            node.put("occurredAt", at.truncatedTo(ChronoUnit.SECONDS).toString());
            node.put("source", PLATFORM_ID);
            if (node.get("shipment") instanceof ObjectNode shipment) {
                shipment.put("carrier", carrier);
                shipment.put("trackingNumber", trackingNumber);
                if (shipment.has("trackingUrl")) {
                    shipment.put("trackingUrl", "https://tracking.example-carrier.com/t/" + trackingNumber);
                }
                if (shipment.has("estimatedDeliveryDate")) {
                    shipment.remove("estimatedDeliveryDate");
                }
            }
            return node;
        }

        private Order publish(EventType type, ObjectNode e) {
            Map<String, String> headers = new HashMap<>(KafkaTestClient.cloudEventHeaders(type, id,
                    e.get("eventId").asText(), Instant.parse(e.get("occurredAt").asText())));
            kafka.send(Topics.ORDERS_LIFECYCLE, id, e.toString(), headers);
            return this;
        }
    }

    /** A new order of this customer, shipped with {@code carrier}. */
    public Order order(String customerId, String carrier) {
        return new Order(customerId, carrier);
    }

    public Order order(String customerId) {
        return new Order(customerId, "SEUR");
    }

    static ObjectNode example(EventType type) {
        try (InputStream in = Shop.class.getClassLoader().getResourceAsStream(type.examplePath())) {
            return (ObjectNode) EventJson.readTree(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
