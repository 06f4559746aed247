package io.postventa.feedback.service;

import static io.postventa.feedback.service.Rollups.Counter.*;

import io.postventa.events.EventType;
import io.postventa.events.notifications.NotificationPortalLinkOpened;
import io.postventa.events.notifications.NotificationSent;
import io.postventa.events.notifications.NotificationUnsubscribed;
import io.postventa.messaging.inbox.IncomingEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

/**
 * Learns from notifications.v1: each notification sent counts once on its day (notifications per order), and one sent
 * with a template variant is kept for the A/B results, with the first opening of its portal link and an unsubscribe
 * through its link.
 */
@ApplicationScoped
public class NotificationFacts {
    private final Rollups rollups;
    private final VariantFacts variants;

    public NotificationFacts(Rollups rollups, VariantFacts variants) {
        this.rollups = rollups;
        this.variants = variants;
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void onNotification(IncomingEvent event) {
        if (event.type() == EventType.NOTIFICATION_SENT) {
            NotificationSent n = event.data(NotificationSent.class);
            rollups.add(rollups.day(n.occurredAt()), NOTIFICATIONS, 1);
            variants.sent(n);
        } else if (event.type() == EventType.NOTIFICATION_PORTAL_LINK_OPENED) {
            NotificationPortalLinkOpened o = event.data(NotificationPortalLinkOpened.class);
            variants.linkUsed(o.notificationId(), VariantFacts.LinkAction.PORTAL_VISIT, o.occurredAt());
        } else if (event.type() == EventType.NOTIFICATION_UNSUBSCRIBED) {
            NotificationUnsubscribed u = event.data(NotificationUnsubscribed.class);
            variants.linkUsed(u.notificationId(), VariantFacts.LinkAction.UNSUBSCRIBE, u.occurredAt());
        }
    }
}
