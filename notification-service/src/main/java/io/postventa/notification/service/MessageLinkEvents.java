package io.postventa.notification.service;

import java.time.Clock;
import java.time.Instant;
import java.util.UUID;

import org.jboss.logging.Logger;

import io.postventa.events.notifications.MessageKind;
import io.postventa.notification.domain.Delivery;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

/**
 * What a customer does with a message's links, told on notifications.v1 for the A/B results: the first opening of
 * the message's portal link and an unsubscribe through its link, each once per message (a link opened ten times is
 * one visit), with the message's template and variant. A link that names no message (older messages, a portal
 * lookup) or a message not stored here publishes nothing.
 */
@ApplicationScoped
public class MessageLinkEvents {
    private static final Logger LOG = Logger.getLogger(MessageLinkEvents.class);
    static final String PORTAL_LINK_OPENED = "PORTAL_LINK_OPENED";
    static final String UNSUBSCRIBED = "UNSUBSCRIBED";

    private final EntityManager em;
    private final Clock clock;
    private final DeliveryEvents events;
    private final PreferencesService preferences;

    public MessageLinkEvents(EntityManager em, Clock clock, DeliveryEvents events, PreferencesService preferences) {
        this.em = em;
        this.clock = clock;
        this.events = events;
        this.preferences = preferences;
    }

    /** A valid portal link was opened: the first time for its message, notification.portal-link-opened. */
    @Transactional
    public void portalLinkOpened(PortalLinks.Check check) {
        if (check.state() != PortalLinks.State.VALID || check.messageId() == null) {
            return;
        }
        Instant now = clock.instant();
        Delivery d = first(check.messageId(), PORTAL_LINK_OPENED, check.customerId(), now);
        if (d != null) {
            events.portalLinkOpened(d, check.orderId(), now);
        }
    }

    /**
     * Switches the kind off for the customer (PreferencesService) and, the first time through this message's link,
     * publishes notification.unsubscribed in the same transaction.
     */
    @Transactional
    public void unsubscribe(String customerId, MessageKind kind, UUID messageId) {
        preferences.unsubscribe(customerId, kind);
        if (messageId == null) {
            return;
        }
        Instant now = clock.instant();
        Delivery d = first(messageId, UNSUBSCRIBED, customerId, now);
        if (d != null) {
            events.unsubscribed(d, now);
        }
    }

    /**
     * The message, when this is the first time of {@code action} for it; null when it was recorded before, or the
     * message is not stored here or was not to {@code customerId} (a signed token cannot name another's message, but
     * the delivery decides).
     */
    private Delivery first(UUID messageId, String action, String customerId, Instant now) {
        Delivery d = Delivery.findById(messageId);
        if (d == null || d.templateId == null || d.variant == null || !d.customerId.equals(customerId)) {
            LOG.debugf("message %s is not known here: its link's %s is not counted", messageId, action);
            return null;
        }
        int inserted = em.createNativeQuery("insert into message_link_event (delivery_id, action, occurred_at) "
                + "values (?1, ?2, ?3) on conflict do nothing").setParameter(1, messageId).setParameter(2, action)
                .setParameter(3, java.sql.Timestamp.from(now)).executeUpdate();
        return inserted == 0 ? null : d;
    }
}
