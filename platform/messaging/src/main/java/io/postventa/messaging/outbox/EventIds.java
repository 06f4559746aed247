package io.postventa.messaging.outbox;

import java.util.UUID;

import com.fasterxml.uuid.Generators;
import com.fasterxml.uuid.impl.TimeBasedEpochGenerator;

/**
 * Event ids that sort by creation time: UUID version 7 (RFC 9562), Unix milliseconds then random bits, from Java UUID
 * Generator. Every consumer records the ids it applied in its inbox's primary key, and notification-service keys its
 * deliveries by them: random (version 4) ids land on a random leaf page of those indexes, so after each checkpoint
 * nearly every insert logged a whole page to the WAL, and the indexes split everywhere. Ids of one moment land on the
 * same few pages. Still unique, still a UUID for the contracts (docs/performance/2026-12-07-wal.md).
 */
public final class EventIds {
    /** Thread-safe; within one millisecond it counts up from the random part, so one JVM's ids keep their order. */
    private static final TimeBasedEpochGenerator GENERATOR = Generators.timeBasedEpochGenerator();

    private EventIds() {
    }

    public static UUID next() {
        return GENERATOR.generate();
    }
}
