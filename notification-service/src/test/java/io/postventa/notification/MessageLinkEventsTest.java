package io.postventa.notification;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

import io.postventa.events.EventJson;
import io.postventa.events.EventType;
import io.postventa.events.SchemaValidator;
import io.postventa.notification.support.TestEvents;
import io.postventa.testing.Mailbox;
import io.postventa.testing.Mailbox.Email;
import io.postventa.testing.PostventaTestResource;
import io.postventa.testing.ProviderStubResource;
import io.postventa.testing.TopicRecorder;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;

/**
 * What the A/B results learn from a message's links, over the real broker, database and SMTP server: opening the
 * message's portal link and unsubscribing through its link each publish exactly one event, however often they are
 * used, naming the message, its template and its variant; a portal link from a lookup names no message and counts
 * nothing.
 */
@QuarkusTest
@TestProfile(PortalLinksTest.WithPortal.class)
@QuarkusTestResource(value = PostventaTestResource.class,
        initArgs = @ResourceArg(name = "database", value = "notifications"))
@QuarkusTestResource(ProviderStubResource.class)
class MessageLinkEventsTest extends NotificationTestSupport {
    private static final String PORTAL = "http://portal.test:8087";
    private static final Pattern PORTAL_LINK = Pattern.compile(Pattern.quote(PORTAL) + "/p/([A-Za-z0-9_.-]+?)/preferences");
    private static final Pattern PORTAL_UNSUBSCRIBE = Pattern.compile(Pattern.quote(PORTAL) + "/unsubscribe\\?token=([A-Za-z0-9_.-]+)");

    @Test
    void openingTheLinkThriceAndUnsubscribingTwicePublishOneEventEachWithTheMessagesTemplateAndVariant() {
        String customer = newCustomer(null, "es", "Europe/Madrid");
        String email = emailOf(customer);
        String order = placedOrder(customer, "46001");
        String shipped = UUID.randomUUID().toString();
        TestEvents.statusChanged(kafka, shipped, order, customer, "SHIPPED", 1, "es-ES");
        Email mail = await().atMost(WAIT).until(() -> Mailbox.to(email), m -> !m.isEmpty()).get(0);
        // the e-mail's: the customer may get the same update on other channels too, each its own message
        JsonNode sent = EventJson.readTree(notifications.await(r -> customer.equals(r.key()) && r.value().contains(shipped)
                && r.value().contains("\"EMAIL\"") && EventType.NOTIFICATION_SENT.ceType().equals(TopicRecorder.header(r, "ce_type")),
                1, WAIT).get(0).value());

        String portalToken = match(PORTAL_LINK, mail.body());
        for (int i = 0; i < 3; i++) {
            check(portalToken).then().statusCode(200);
        }
        String oneClick = mail.header("List-Unsubscribe").replaceAll("^<.*token=([^>]+)>$", "$1");
        given().queryParam("token", oneClick).post("/api/v1/unsubscribe").then().statusCode(200);
        // the text's link (the portal's page posts it here) names the same message: still one unsubscribe
        given().queryParam("token", match(PORTAL_UNSUBSCRIBE, mail.body())).post("/api/v1/unsubscribe").then().statusCode(200);

        // a later event of the same customer, on the same partition: once it is here, any repeat would be too
        String delivered = UUID.randomUUID().toString();
        TestEvents.statusChanged(kafka, delivered, order, customer, "DELIVERED", 1, "es-ES");
        notifications.await(r -> customer.equals(r.key()) && r.value().contains(delivered) && r.value().contains("OPTED_OUT"),
                1, WAIT);

        List<ConsumerRecord<String, String>> opened = of(customer, EventType.NOTIFICATION_PORTAL_LINK_OPENED);
        List<ConsumerRecord<String, String>> unsubscribed = of(customer, EventType.NOTIFICATION_UNSUBSCRIBED);
        assertEquals(1, opened.size(), "one visit for a link opened three times: " + opened);
        assertEquals(1, unsubscribed.size(), "one unsubscribe for a message's link used twice: " + unsubscribed);
        for (ConsumerRecord<String, String> r : List.of(opened.get(0), unsubscribed.get(0))) {
            EventType type = EventType.fromCeType(TopicRecorder.header(r, "ce_type")).orElseThrow();
            assertEquals(List.of(), new SchemaValidator().validate(type, r.value()), "valid " + type);
            JsonNode data = EventJson.readTree(r.value());
            assertEquals(sent.path("notificationId").asText(), data.path("notificationId").asText(), type + " names the message");
            assertEquals(sent.path("templateId").asText(), data.path("templateId").asText(), type + " names its template");
            assertEquals(sent.path("variant").asText(), data.path("variant").asText(), type + " names its variant");
            assertEquals(order, data.path("orderId").asText(), type + " names its order");
            assertEquals("EMAIL", data.path("channel").asText());
            assertEquals("ORDER_UPDATES", data.path("kind").asText());
            assertTrue(!r.value().contains("@"), "no contact data in " + r.value());
        }
    }

    @Test
    void aLinkFromALookupOpensTheOrderButCountsNoVisit() {
        String customer = newCustomer(null, "en", "Europe/London");
        String email = emailOf(customer);
        String order = placedOrder(customer, "46001");
        String shipped = UUID.randomUUID().toString();
        TestEvents.statusChanged(kafka, shipped, order, customer, "SHIPPED", 1, "en-GB");
        await().atMost(WAIT).until(() -> Mailbox.to(email), m -> !m.isEmpty());
        String token = given().contentType("application/json").body(Map.of("orderId", order, "email", email))
                .post("/api/v1/portal-links/lookup").then().statusCode(200).extract().path("token");
        check(token).then().statusCode(200);

        String delivered = UUID.randomUUID().toString();
        TestEvents.statusChanged(kafka, delivered, order, customer, "DELIVERED", 1, "en-GB");
        notifications.await(r -> customer.equals(r.key()) && r.value().contains(delivered)
                && EventType.NOTIFICATION_SENT.ceType().equals(TopicRecorder.header(r, "ce_type")), 1, WAIT);
        assertEquals(List.of(), of(customer, EventType.NOTIFICATION_PORTAL_LINK_OPENED), "a lookup is not a message's visit");
    }

    private static List<ConsumerRecord<String, String>> of(String customer, EventType type) {
        return notifications.withKey(customer).stream().filter(r -> type.ceType().equals(TopicRecorder.header(r, "ce_type")))
                .toList();
    }

    private static String match(Pattern pattern, String body) {
        Matcher m = pattern.matcher(body);
        assertTrue(m.find(), pattern + " in the e-mail: " + body);
        return m.group(1);
    }

    private static io.restassured.response.Response check(String token) {
        return given().contentType("application/json").body(Map.of("token", token)).post("/api/v1/portal-links/check");
    }
}
