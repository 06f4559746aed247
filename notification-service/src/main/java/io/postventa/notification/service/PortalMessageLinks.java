package io.postventa.notification.service;

import java.util.Optional;

import io.postventa.notification.config.NotificationConfig;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

/**
 * The links a message's text carries. Once the customer portal exists ({@code portal-base-url} set) a message about
 * an order carries that order's portal link, and its unsubscribe and preferences links lead to the portal's pages;
 * without it they lead to this service's own unsubscribe page and the configured {@code preferences-url}. The
 * List-Unsubscribe header always names this service's one-click endpoint (RFC 8058 clients POST there).
 */
@ApplicationScoped
public class PortalMessageLinks {
    private final Optional<String> portal;
    private final PortalLinks links;
    private final NotificationConfig config;

    public PortalMessageLinks(PortalLinks links, NotificationConfig config) {
        this.links = links;
        this.config = config;
        this.portal = config.portalBaseUrl().map(String::trim).filter(s -> !s.isEmpty())
                .map(s -> s.endsWith("/") ? s.substring(0, s.length() - 1) : s);
    }

    /**
     * The links of a message to {@code customerId} about {@code orderIdOrNull}, written in {@code language}, with its
     * unsubscribe token; the portal's unsubscribe page asks in the message's language. The order's link names the
     * message {@code messageId}, so that opening it counts a visit for that message.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public MessageData.Links links(String customerId, String orderIdOrNull, java.util.UUID messageId, String unsubscribeToken,
            String language) {
        if (portal.isEmpty()) {
            return new MessageData.Links(config.unsubscribeUrl() + "?token=" + unsubscribeToken,
                    config.preferencesUrl().orElse(null));
        }
        String base = portal.get();
        String orderPage = orderIdOrNull == null ? null
                : links.tokenFor(customerId, orderIdOrNull, messageId).map(token -> base + "/p/" + token).orElse(null);
        String lang = language == null ? "" : "&lang=" + language;
        return new MessageData.Links(base + "/unsubscribe?token=" + unsubscribeToken + lang,
                orderPage != null ? orderPage + "/preferences" : base + "/preferences", orderPage);
    }

    /** Reads the links of a poll's orders at once, when messages carry them ({@link PortalLinks#prepare}). */
    @Transactional(Transactional.TxType.MANDATORY)
    public void prepare(java.util.Collection<String> orderIds) {
        if (portal.isPresent()) {
            links.prepare(orderIds);
        }
    }

    public boolean portalEnabled() {
        return portal.isPresent();
    }
}
