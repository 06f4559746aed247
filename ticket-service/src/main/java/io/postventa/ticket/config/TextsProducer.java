package io.postventa.ticket.config;

import java.util.LinkedHashMap;
import java.util.Map;

import io.postventa.events.common.ContactReason;
import io.postventa.ticket.domain.ContactReasonClassifier;
import io.postventa.ticket.domain.TicketTexts;
import io.postventa.web.Texts;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

/** The text bundles of the configured languages and the classifier built from them and the IVR menu. */
public class TextsProducer {

    @Produces
    @Singleton
    Texts texts(TicketConfig config) {
        return TicketTexts.load(config.languages());
    }

    @Produces
    @Singleton
    ContactReasonClassifier classifier(TicketConfig config, Texts texts) {
        return new ContactReasonClassifier(ivrMenu(config), texts);
    }

    /** The IVR menu as configured (digit to reason), in the order of its digits. */
    public static Map<String, ContactReason> ivrMenu(TicketConfig config) {
        Map<String, ContactReason> menu = new LinkedHashMap<>();
        config.ivr().options().entrySet().stream().sorted(Map.Entry.comparingByKey())
                .forEach(e -> menu.put(e.getKey(), ContactReason.valueOf(e.getValue())));
        return menu;
    }
}
