package io.postventa.notification.service;

import java.time.Instant;
import java.util.List;

import io.postventa.notification.domain.Delivery;
import io.postventa.web.Page;
import io.quarkus.hibernate.orm.panache.PanacheQuery;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

/** Read side of deliveries for agents. */
@ApplicationScoped
public class DeliveryQueries {

    /** A delivery as an agent sees it; recipient masked and content left out for partner agents. */
    public record DeliveryView(String id, String customerId, String kind, String trigger, String channel, String status,
            String reason, String templateId, String variant, String locale, String recipient, String subject,
            String body, int attempts, String errorCode, Instant sendAfter, String orderId, String returnId,
            String ticketId, String surveyId, String sourceEventId, String foldedInto, Instant createdAt,
            Instant updatedAt) {
    }

    @Transactional
    public Page<DeliveryView> byCustomer(String customerId, int page, int size, boolean masked) {
        return page(Delivery.find("customerId", Sort.descending("createdAt").and("id"), customerId), page, size, masked);
    }

    @Transactional
    public Page<DeliveryView> byOrder(String orderId, int page, int size, boolean masked) {
        return page(Delivery.find("orderId", Sort.descending("createdAt").and("id"), orderId), page, size, masked);
    }

    private Page<DeliveryView> page(PanacheQuery<Delivery> query, int page, int size, boolean masked) {
        List<DeliveryView> items = query.page(page, size).list().stream().map(d -> view(d, masked)).toList();
        return new Page<>(items, page, size, query.count());
    }

    static DeliveryView view(Delivery d, boolean masked) {
        return new DeliveryView(d.id.toString(), d.customerId, d.kind, d.trigger, d.channel, d.status.name(), d.reason,
                d.templateId, d.variant, d.locale, masked ? mask(d.recipient) : d.recipient, d.subject,
                masked ? null : d.body, d.attempts, d.errorCode, d.sendAfter, d.orderId, d.returnId, d.ticketId,
                d.surveyId, d.sourceEventId, d.foldedInto == null ? null : d.foldedInto.toString(), d.createdAt,
                d.updatedAt);
    }

    /** Keeps enough to recognise a contact point on the phone ("l***@example.com", "+34*******222"). */
    static String mask(String recipient) {
        if (recipient == null) {
            return null;
        }
        int at = recipient.indexOf('@');
        if (at > 0) {
            return recipient.charAt(0) + "***" + recipient.substring(at);
        }
        if (recipient.length() <= 6) {
            return "***";
        }
        return recipient.substring(0, 3) + "*".repeat(recipient.length() - 6) + recipient.substring(recipient.length() - 3);
    }
}
