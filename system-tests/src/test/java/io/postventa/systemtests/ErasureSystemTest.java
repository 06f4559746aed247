package io.postventa.systemtests;

import static io.postventa.devstack.PlatformService.FEEDBACK;
import static io.postventa.devstack.PlatformService.NOTIFICATION;
import static io.postventa.devstack.PlatformService.TICKET;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

import io.postventa.devstack.PlatformService;
import io.postventa.events.Topics;
import io.postventa.testing.TopicRecorder;

/** Scenario 5: erasing a customer removes their personal data from every service's database. */
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
    void anErasedCustomerLeavesNoPersonalDataInAnyService() {
        Shop.Customer customer = Shop.Customer.fresh("es");
        String wrote = "Pregunten por Zubiri en el portal " + customer.lastName().substring(6);
        shop.upsert(customer);
        Shop.Order order = shop.order(customer.id())
                .deliveredAt(Instant.now().minus(2, ChronoUnit.HOURS), "SOFA-9", "furniture", "120.00");
        // They are e-mailed about the order, answer its survey with a comment and write to the help desk.
        JsonNode invited = FeedbackSystemTest.awaitInvitation(feedback, customer, order);
        Api.anonymous(FEEDBACK).body(Map.of("score", 9, "comment", wrote))
                .post("/api/v1/surveys/" + invited.get("token").asText() + "/answers")
                .then().statusCode(201);
        Api.asCustomer(TICKET, customer.id())
                .body(Map.of("channel", "EMAIL", "orderId", order.id(),
                        "message", "Necesito la factura. " + wrote + ", o llamen al " + customer.phone()))
                .post("/api/v1/contacts")
                .then().statusCode(201);
        List<String> personal = List.of(customer.email(), customer.phone(), customer.lastName(), customer.pushToken(), wrote);
        await("the customer's data is held where it is needed").atMost(WAIT).untilAsserted(() -> {
            assertFalse(PersonalData.foundIn(platform, NOTIFICATION, personal).isEmpty(), "notification-service has the contact points");
            assertFalse(PersonalData.foundIn(platform, TICKET, personal).isEmpty(), "ticket-service has the message");
            assertFalse(PersonalData.foundIn(platform, FEEDBACK, personal).isEmpty(), "feedback-service has the comment");
        });

        shop.erase(customer.id());

        await("no service keeps any of " + personal).atMost(WAIT).untilAsserted(() -> {
            Map<String, List<String>> left = new LinkedHashMap<>();
            for (PlatformService service : PlatformService.all()) {
                List<String> found = PersonalData.foundIn(platform, service, personal);
                if (!found.isEmpty()) {
                    left.put(service.serviceName(), found);
                }
            }
            if (!left.isEmpty()) {
                throw new AssertionError("personal data of an erased customer is still stored in " + left);
            }
        });
    }
}
