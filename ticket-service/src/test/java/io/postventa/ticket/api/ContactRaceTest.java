package io.postventa.ticket.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import org.junit.jupiter.api.Test;

import io.micrometer.core.instrument.MeterRegistry;
import io.postventa.events.EventType;
import io.postventa.events.common.OrderStatus;
import io.postventa.testing.PostventaTestResource;
import io.postventa.testing.Tokens;
import io.postventa.ticket.TicketTestSupport;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;

/**
 * Two writers on one ticket: contacts posted for an order while order-status.v1 events for the same order refresh
 * the SLA of its open ticket in the consumer. The contact is run again on the fresh ticket (or answered 409), never
 * 500. The test keeps racing until a collision was really retried, so it cannot pass without one.
 */
@QuarkusTest
@QuarkusTestResource(value = PostventaTestResource.class, initArgs = @ResourceArg(name = "database", value = "tickets"))
class ContactRaceTest extends TicketTestSupport {
    private static final Duration RACE_FOR_AT_MOST = Duration.ofMinutes(3);

    @Inject
    MeterRegistry registry;

    @Test
    void aContactRacingAConsumerOnTheSameTicketIsRetriedAndNeverAnswered500() throws Exception {
        String customer = id("cust");
        String orderId = id("ORD");
        send(EventType.ORDER_STATUS_CHANGED, orderId, order(orderId, customer, OrderStatus.DELIVERED, "30", 1, "Taza"));
        awaitOrderKnown(orderId, "DELIVERED");
        String ticketId = postContact(Tokens.customer(customer), contact(orderId, "La taza ha llegado rota"))
                .statusCode(201).extract().path("ticketId");

        double retriesBefore = retries();
        List<Integer> answers = new ArrayList<>();
        ExecutorService writers = Executors.newFixedThreadPool(4);
        long deadline = System.nanoTime() + RACE_FOR_AT_MOST.toNanos();
        int round = 0;
        try {
            while (retries() == retriesBefore && !answers.contains(409) && System.nanoTime() < deadline) {
                round++;
                int r = round;
                // the consumer's writer: every status event refreshes the SLA of the order's open ticket
                CompletableFuture<Void> events = CompletableFuture.runAsync(() -> {
                    for (int i = 0; i < 4; i++) {
                        send(EventType.ORDER_STATUS_CHANGED, orderId,
                                order(orderId, customer, OrderStatus.DELIVERED, "30", 1, "Taza"));
                    }
                }, writers);
                List<CompletableFuture<Integer>> contacts = new ArrayList<>();
                for (int i = 0; i < 3; i++) {
                    String text = "Sigue rota, mensaje " + r + "." + i;
                    contacts.add(CompletableFuture.supplyAsync(() -> postContact(Tokens.customer(customer),
                            contact(orderId, text)).extract().statusCode(), writers));
                }
                events.join();
                for (CompletableFuture<Integer> c : contacts) {
                    answers.add(c.join());
                }
            }
        } finally {
            writers.shutdownNow();
        }
        assertTrue(retries() > retriesBefore || answers.contains(409), "no contact collided with the consumer in "
                + round + " rounds: the race this test is about never happened");
        assertEquals(List.of(), answers.stream().filter(s -> s != 201 && s != 409).toList(),
                "every contact is stored (201) or refused as a conflict (409), never a 500; ticket " + ticketId);
    }

    private double retries() {
        var counter = registry.find("postventa.transaction.retries").tag("work", "contact intake").counter();
        return counter == null ? 0 : counter.count();
    }

    private static Map<String, Object> contact(String orderId, String message) {
        Map<String, Object> body = new HashMap<>();
        body.put("channel", "EMAIL");
        body.put("orderId", orderId);
        body.put("message", message);
        return body;
    }
}
