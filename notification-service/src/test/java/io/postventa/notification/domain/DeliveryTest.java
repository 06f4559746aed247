package io.postventa.notification.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import io.postventa.events.notifications.SuppressionReason;

class DeliveryTest {
    private static final Instant CREATED = Instant.parse("2026-11-02T10:00:00Z");
    private static final Instant ERASED = CREATED.plusSeconds(60);

    @Test
    void aDeferredDeliveryIsSuppressedWithItsReason() {
        Delivery d = delivery(DeliveryStatus.DEFERRED);
        d.suppress(SuppressionReason.CUSTOMER_ERASED, ERASED);
        assertEquals(DeliveryStatus.SUPPRESSED, d.status);
        assertEquals("CUSTOMER_ERASED", d.reason);
        assertEquals(ERASED, d.updatedAt);
    }

    @Test
    void aSentDeliveryCannotBeSuppressedAndStaysAsItWas() {
        Delivery d = delivery(DeliveryStatus.SENT);
        assertThrows(IllegalStateException.class, () -> d.suppress(SuppressionReason.CUSTOMER_ERASED, ERASED));
        assertEquals(DeliveryStatus.SENT, d.status);
        assertEquals(null, d.reason);
        assertEquals(CREATED, d.updatedAt);
    }

    @Test
    void aClaimEndsSentFailedDeferredOrQueuedAgainAndAFinalStatusNeverMoves() {
        assertTrue(DeliveryStatus.QUEUED.canMoveTo(DeliveryStatus.SENDING));
        assertTrue(DeliveryStatus.SENDING.canMoveTo(DeliveryStatus.QUEUED));
        assertTrue(DeliveryStatus.SENDING.canMoveTo(DeliveryStatus.DEFERRED));
        assertFalse(DeliveryStatus.SENDING.canMoveTo(DeliveryStatus.SUPPRESSED));
        assertFalse(DeliveryStatus.FAILED.canMoveTo(DeliveryStatus.QUEUED));
        assertFalse(DeliveryStatus.SUPPRESSED.canMoveTo(DeliveryStatus.SENDING));
    }

    private static Delivery delivery(DeliveryStatus status) {
        Delivery d = new Delivery();
        d.id = UUID.randomUUID();
        d.status = status;
        d.updatedAt = CREATED;
        return d;
    }
}
