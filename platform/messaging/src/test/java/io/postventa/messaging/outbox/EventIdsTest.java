package io.postventa.messaging.outbox;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.UUID;

import org.junit.jupiter.api.Test;

class EventIdsTest {

    @Test
    void anEventIdIsAVersion7UuidCarryingTheMillisecondItWasMade() {
        long before = System.currentTimeMillis();
        UUID id = EventIds.next();
        long after = System.currentTimeMillis();
        assertEquals(7, id.version());
        assertEquals(2, id.variant());
        long millis = id.getMostSignificantBits() >>> 16;
        assertTrue(millis >= before && millis <= after, millis + " not within " + before + ".." + after);
        assertEquals(id, UUID.fromString(id.toString()));
    }

    @Test
    void eachIdSortsAfterThePreviousOneAsText() {
        // the inboxes and delivery keys store them as text: their index order is the string order; many ids share a
        // millisecond here, so this also checks that ids of one millisecond differ and keep their order
        String previous = EventIds.next().toString();
        for (int i = 0; i < 100_000; i++) {
            String next = EventIds.next().toString();
            assertTrue(previous.compareTo(next) < 0, previous + " then " + next);
            previous = next;
        }
    }
}
