package io.postventa.messaging.outbox;

import java.security.SecureRandom;
import java.util.UUID;

/**
 * Event ids that sort by creation time: UUID version 7 (RFC 9562), 48 bits of Unix milliseconds then 74 random bits.
 * Every consumer records the ids it applied in its inbox's primary key, and notification-service keys its deliveries by
 * them: random (version 4) ids land on a random leaf page of those indexes, so after each checkpoint nearly every
 * insert logged a whole page to the WAL, and the indexes split everywhere. Ids of one moment land on the same few
 * pages. Still unique, still a UUID for the contracts (docs/performance/2026-12-07-wal.md).
 */
public final class EventIds {
    private static final SecureRandom RANDOM = new SecureRandom();

    private EventIds() {
    }

    public static UUID next() {
        return at(System.currentTimeMillis());
    }

    static UUID at(long epochMillis) {
        byte[] random = new byte[10];
        RANDOM.nextBytes(random);
        long msb = (epochMillis & 0xFFFF_FFFF_FFFFL) << 16
                | 0x7000L
                | ((random[0] & 0x0FL) << 8) | (random[1] & 0xFFL);
        long lsb = 0x8000_0000_0000_0000L | ((random[2] & 0x3FL) << 56);
        for (int i = 3; i < 10; i++) {
            lsb |= (random[i] & 0xFFL) << (8 * (9 - i));
        }
        return new UUID(msb, lsb);
    }
}
