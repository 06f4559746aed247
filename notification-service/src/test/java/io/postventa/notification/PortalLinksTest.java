package io.postventa.notification;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import io.postventa.notification.domain.PortalLinkToken;
import io.postventa.notification.support.TestEvents;
import io.postventa.testing.Mailbox;
import io.postventa.testing.Mailbox.Email;
import io.postventa.testing.PostventaTestResource;
import io.postventa.testing.ProviderStubResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;

/**
 * The customer portal's ways in, over the real broker, database and SMTP server: the link every message about an
 * order carries, its check (valid, altered, expired, erased), and the lookup by order number and e-mail or postcode,
 * limited against guessing.
 */
@QuarkusTest
@TestProfile(PortalLinksTest.WithPortal.class)
@QuarkusTestResource(value = PostventaTestResource.class,
        initArgs = @ResourceArg(name = "database", value = "notifications"))
@QuarkusTestResource(ProviderStubResource.class)
class PortalLinksTest extends NotificationTestSupport {
    private static final String PORTAL = "http://portal.test:8087";
    private static final String SECRET = "test-portal-link-secret-0123456789-abcdefghij";
    private static final Pattern PORTAL_LINK = Pattern.compile(Pattern.quote(PORTAL) + "/p/([A-Za-z0-9_.-]+)");

    /** The portal exists: messages link to it. */
    public static class WithPortal implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("postventa.notification.portal-base-url", PORTAL + "/",
                    "postventa.notification.portal-link-secret", SECRET,
                    "postventa.notification.portal-lookup-attempts", "3");
        }
    }

    @Test
    void aShippedOrdersEmailCarriesItsPortalLinkWhichOpensThatOrderForItsCustomer() {
        String customer = newCustomer(null, "es", "Europe/Madrid");
        String email = emailOf(customer);
        String order = placedOrder(customer, "46001");
        TestEvents.statusChanged(kafka, UUID.randomUUID().toString(), order, customer, "SHIPPED", 1, "es-ES");
        Email mail = awaitEmail(email);

        String token = portalToken(mail);
        assertTrue(mail.body().contains(PORTAL + "/unsubscribe?token="), "the text's unsubscribe link leads to the portal: " + mail.body());
        assertTrue(mail.body().contains(PORTAL + "/p/" + token + "/preferences"), "preferences lead to the portal: " + mail.body());
        assertTrue(mail.header("List-Unsubscribe").contains("/api/v1/unsubscribe?token=") && !mail.header("List-Unsubscribe").contains(PORTAL),
                "List-Unsubscribe keeps the service's one-click endpoint: " + mail.header("List-Unsubscribe"));
        check(token).then().statusCode(200).body("customerId", equalTo(customer)).body("orderId", equalTo(order))
                .body("language", equalTo("es"));

        TestEvents.statusChanged(kafka, UUID.randomUUID().toString(), order, customer, "DELIVERED", 1, "es-ES");
        List<Email> both = await().atMost(WAIT).until(() -> Mailbox.to(email), m -> m.size() == 2);
        // each message's token names the message (its visits count for its variant), the link is the order's one
        List<String> tokens = both.stream().map(PortalLinksTest::portalToken).toList();
        assertEquals(List.of(token.split("\\.")[0], token.split("\\.")[0]), tokens.stream().map(t -> t.split("\\.")[0]).toList(),
                "every message about the order carries the same link");
        for (String t : tokens) {
            check(t).then().statusCode(200).body("orderId", equalTo(order));
        }
    }

    @Test
    void anAlteredOrForgedLinkIsNotValidAndAnExpiredOneSaysSo() {
        String customer = newCustomer(null, "en", "Europe/London");
        String email = emailOf(customer);
        String order = placedOrder(customer, "SW1A 1AA");
        TestEvents.statusChanged(kafka, UUID.randomUUID().toString(), order, customer, "SHIPPED", 1, "en-GB");
        String token = portalToken(awaitEmail(email));

        char last = token.charAt(token.length() - 1);
        String altered = token.substring(0, token.length() - 1) + (last == 'A' ? 'B' : 'A');
        check(altered).then().statusCode(404).contentType("application/problem+json");
        check("forged." + token).then().statusCode(404);
        check(null).then().statusCode(404);

        String[] parts = token.split("\\.");
        UUID linkId = uuid(parts[0]);
        String expired = new PortalLinkToken(SECRET).sign(linkId, Instant.now().minusSeconds(60));
        check(expired).then().statusCode(410);
        String later = new PortalLinkToken(SECRET).sign(linkId, Instant.now().plusSeconds(3600));
        check(later).then().statusCode(200).body("orderId", equalTo(order));
        String otherKey = new PortalLinkToken("another-secret-that-is-long-enough-0123456789").sign(linkId,
                Instant.now().plusSeconds(3600));
        check(otherKey).then().statusCode(404);
    }

    @Test
    void aLookupByOrderNumberAndEmailOrPostcodeGivesTheOrdersLinkAndAnswersTheSameToEveryMismatch() {
        String customer = newCustomer(null, "pt", "Europe/Lisbon");
        String email = emailOf(customer);
        String order = placedOrder(customer, "1100-148");

        awaitKnown(order, customer);
        String token = lookup(order, email.toUpperCase(), null).then().statusCode(200).extract().path("token");
        check(token).then().statusCode(200).body("customerId", equalTo(customer)).body("language", equalTo("pt"));
        lookup(" " + order + " ", null, "1100 148").then().statusCode(200).body("orderId", equalTo(order));

        String wrongEmail = lookup(order, "someone@example.com", null).then().statusCode(404).extract().path("detail");
        String unknownOrder = lookup("ORD-" + UUID.randomUUID(), email, null).then().statusCode(404).extract().path("detail");
        assertEquals(unknownOrder, wrongEmail, "no hint whether the order exists");
        lookup(order, null, null).then().statusCode(400).body("errors.field", org.hamcrest.Matchers.hasItems("email", "postcode"));
    }

    @Test
    void tooManyFailedLookupsOfAnOrderAreRefusedEvenWithTheRightEmail() {
        String customer = newCustomer(null, "es", "Europe/Madrid");
        String email = emailOf(customer);
        String order = placedOrder(customer, "28001");
        awaitKnown(order, customer);
        lookup(order, email, null).then().statusCode(200);
        for (int i = 0; i < 3; i++) {
            lookup(order, "guess" + i + "@example.com", null).then().statusCode(404);
        }
        lookup(order, email, null).then().statusCode(429).header("Retry-After", org.hamcrest.Matchers.notNullValue());
        String unknown = "ORD-" + UUID.randomUUID();
        for (int i = 0; i < 3; i++) {
            lookup(unknown, "guess" + i + "@example.com", null).then().statusCode(404);
        }
        lookup(unknown, email, null).then().statusCode(429);
    }

    @Test
    void erasingTheCustomerWithdrawsTheirLinksAndLookups() {
        String customer = newCustomer(null, "es", "Europe/Madrid");
        String email = emailOf(customer);
        String order = placedOrder(customer, "08001");
        awaitKnown(order, customer);
        String token = lookup(order, email, null).then().statusCode(200).extract().path("token");
        check(token).then().statusCode(200);

        TestEvents.erase(kafka, customer);
        await().atMost(WAIT).untilAsserted(() -> check(token).then().statusCode(404));
        lookup(order, email, null).then().statusCode(404);
        lookup(order, null, "08001").then().statusCode(404);
    }

    @Test
    void anOrderPlacedAfterItsCustomerWasErasedGetsNoLink() {
        String customer = newCustomer(null, "es", "Europe/Madrid");
        TestEvents.erase(kafka, customer);
        await().atMost(WAIT).until(() -> count("select count(*) from customer_contact where customer_id = ?1 and erased",
                customer) == 1);

        String eventId = UUID.randomUUID().toString();
        String order = placedOrder(customer, "08001", eventId);
        // the placement was consumed (its inbox row is written in the same transaction) and stored no link
        await().atMost(WAIT).until(() -> count("select count(*) from processed_event where event_id = ?1", eventId) == 1);
        assertEquals(0, count("select count(*) from portal_link where order_id = ?1", order),
                "no link for an erased customer's order");
    }

    private int count(String sql, String parameter) {
        return io.quarkus.narayana.jta.QuarkusTransaction.requiringNew().call(() ->
                ((Number) em.createNativeQuery(sql).setParameter(1, parameter).getSingleResult()).intValue());
    }

    @Inject
    jakarta.persistence.EntityManager em;

    /** Waits until the order's placement was consumed, without spending lookups (they are limited). */
    /**
     * Waits until the order and its customer's contact are both stored: they come on two topics, and a lookup before
     * the contact arrives is a failed one that counts against the order's limit.
     */
    private void awaitKnown(String order, String customer) {
        await().atMost(WAIT).until(() -> io.quarkus.narayana.jta.QuarkusTransaction.requiringNew().call(() ->
                ((Number) em.createNativeQuery("select count(*) from portal_link where order_id = ?1")
                        .setParameter(1, order).getSingleResult()).intValue() == 1
                && ((Number) em.createNativeQuery("select count(*) from customer_contact where customer_id = ?1")
                        .setParameter(1, customer).getSingleResult()).intValue() == 1));
    }

    private static UUID uuid(String b64) {
        java.nio.ByteBuffer b = java.nio.ByteBuffer.wrap(java.util.Base64.getUrlDecoder().decode(b64));
        return new UUID(b.getLong(), b.getLong());
    }

    private static io.restassured.response.Response check(String token) {
        return given().contentType("application/json").body(token == null ? Map.of() : Map.of("token", token))
                .post("/api/v1/portal-links/check");
    }

    private static io.restassured.response.Response lookup(String order, String email, String postcode) {
        Map<String, String> body = new java.util.HashMap<>();
        body.put("orderId", order);
        body.put("email", email);
        body.put("postcode", postcode);
        return given().contentType("application/json").body(body).post("/api/v1/portal-links/lookup");
    }

    private static Email awaitEmail(String email) {
        return await().atMost(WAIT).until(() -> Mailbox.to(email), m -> !m.isEmpty()).get(0);
    }

    private static String portalToken(Email mail) {
        Matcher m = PORTAL_LINK.matcher(mail.body());
        assertTrue(m.find(), "the e-mail links to the order's portal page: " + mail.body());
        return m.group(1).replaceAll("/preferences$", "");
    }
}
