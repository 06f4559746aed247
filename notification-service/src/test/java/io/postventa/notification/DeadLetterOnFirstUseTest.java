package io.postventa.notification;

import java.util.UUID;

import org.junit.jupiter.api.Test;

import io.postventa.events.EventType;
import io.postventa.events.Topics;
import io.postventa.testing.LazyDeadLetters;
import io.postventa.testing.PostventaTestResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;

/**
 * The channels' dead-letter producers are created when a channel first dead-letters
 * ({@code dead-letter-queue.lazy-client}), not at start: the service starts with none, and a poison record still
 * lands on {@code <topic>.dlq} with its reason. The contacts channel is used because no other test of this module
 * dead-letters on it.
 */
@QuarkusTest
@QuarkusTestResource(value = PostventaTestResource.class, initArgs = @ResourceArg(name = "database", value = "notifications"))
class DeadLetterOnFirstUseTest extends NotificationTestSupport {

    @Test
    void aChannelCreatesItsDeadLetterProducerOnItsFirstDeadLetterAndThePoisonLandsOnTheDlq() {
        LazyDeadLetters.assertMadeOnFirstDeadLetter(kafka, "contacts", Topics.CONTACTS, EventType.TICKET_CREATED, "TCK-" + UUID.randomUUID(),
                WAIT);
    }
}
