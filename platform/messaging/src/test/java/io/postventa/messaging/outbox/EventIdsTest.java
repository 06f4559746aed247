package io.postventa.messaging.outbox;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.Set;
import java.util.UUID;

import org.junit.jupiter.api.Test;

class EventIdsTest {

    @Test
    void anEventIdIsAVersion7UuidCarryingItsMillisecond() {
        long millis = 1_796_684_654_123L;
        UUID id = EventIds.at(millis);
        assertEquals(7, id.version());
        assertEquals(2, id.variant());
        assertEquals(millis, id.getMostSignificantBits() >>> 16);
        assertEquals(id, UUID.fromString(id.toString()));
    }

    @Test
    void idsOfLaterMillisecondsSortAfterEarlierOnesAsText() {
        // the inboxes and delivery keys store them as text: their index order is the string order
        String previous = EventIds.at(1_796_684_654_000L).toString();
        for (long ms = 1_796_684_654_001L; ms < 1_796_684_655_000L; ms++) {
            String next = EventIds.at(ms).toString();
            assertTrue(previous.compareTo(next) < 0, previous + " then " + next);
            previous = next;
        }
    }

    @Test
    void idsOfTheSameMillisecondDiffer() {
        Set<UUID> ids = new HashSet<>();
        for (int i = 0; i < 100_000; i++) {
            ids.add(EventIds.at(1_796_684_654_000L));
        }
        assertEquals(100_000, ids.size());
    }
}
