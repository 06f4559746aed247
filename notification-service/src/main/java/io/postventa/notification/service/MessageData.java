package io.postventa.notification.service;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import io.postventa.notification.domain.CustomerContact;
import io.postventa.notification.domain.PurchaseTier;

/**
 * What a template can use. Every name is always present (empty text when unknown) so that a template which
 * renders against the sample renders against any event of its trigger.
 */
public final class MessageData {
    /** Facts a trigger event may carry; templates can use each by name. */
    public static final List<String> FACTS = List.of("carrier", "trackingNumber", "trackingUrl", "promisedDate",
            "total", "currency", "itemCount", "items", "status", "exceptionReason", "delayCause", "rmaCode", "resolution",
            "decisionNote", "refundAmount", "surveyUrl", "years", "replyText");

    private MessageData() {
    }

    public static Map<String, Object> of(TriggerEvent event, CustomerContact contact, String unsubscribeUrl,
            List<String> earlierUpdates) {
        Map<String, Object> data = new HashMap<>();
        data.put("firstName", text(contact.firstName));
        data.put("lastName", text(contact.lastName));
        PurchaseTier tier = PurchaseTier.of(event.purchaseNumber());
        data.put("purchaseNumber", event.purchaseNumber() == null ? 0 : event.purchaseNumber());
        data.put("firstPurchase", tier == PurchaseTier.FIRST);
        data.put("secondPurchase", tier == PurchaseTier.SECOND);
        data.put("repeatPurchase", tier == PurchaseTier.REPEAT);
        data.put("orderId", text(event.orderId()));
        data.put("returnId", text(event.returnId()));
        data.put("ticketId", text(event.ticketId()));
        data.put("surveyId", text(event.surveyId()));
        for (String fact : FACTS) {
            data.put(fact, text(event.facts() == null ? null : event.facts().get(fact)));
        }
        data.put("unsubscribeUrl", text(unsubscribeUrl));
        data.put("earlierUpdates", earlierUpdates == null ? List.of() : earlierUpdates);
        return data;
    }

    private static String text(String value) {
        return value == null ? "" : value;
    }
}
