package io.postventa.feedback.service;

import static io.postventa.feedback.service.Rollups.Counter.*;

import io.postventa.events.EventType;
import io.postventa.events.notifications.NotificationSent;
import io.postventa.outbox.inbox.IncomingEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

/** Learns from notifications.v1: each notification sent counts once on its day (notifications per order). */
@ApplicationScoped
public class NotificationFacts {
    private final Rollups rollups;

    public NotificationFacts(Rollups rollups) {
        this.rollups = rollups;
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void onNotification(IncomingEvent event) {
        if (event.type() == EventType.NOTIFICATION_SENT) {
            NotificationSent n = event.data(NotificationSent.class);
            rollups.add(rollups.day(n.occurredAt()), NOTIFICATIONS, 1);
        }
    }
}
