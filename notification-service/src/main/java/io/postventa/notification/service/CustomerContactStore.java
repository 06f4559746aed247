package io.postventa.notification.service;

import java.time.Clock;
import java.time.Instant;
import java.util.List;

import org.jboss.logging.Logger;

import io.postventa.events.customers.CustomerUpserted;
import io.postventa.events.customers.MarketingConsents;
import io.postventa.events.notifications.SuppressionReason;
import io.postventa.notification.domain.CustomerContact;
import io.postventa.notification.domain.CustomerPreferences;
import io.postventa.notification.domain.Delivery;
import io.postventa.notification.domain.DeliveryStatus;
import io.postventa.notification.domain.PhoneNumbers;
import io.postventa.notification.config.NotificationConfig;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

/**
 * The customers' contact points (e-mail, phone in E.164, push token), names, language and consents, kept from
 * customers.v1: an upsert replaces them and releases the events that waited for the customer; a tombstone erases them.
 */
@ApplicationScoped
public class CustomerContactStore {
    private static final Logger LOG = Logger.getLogger(CustomerContactStore.class);

    private final WaitingEvents waiting;
    private final DeliveryEvents events;
    private final Clock clock;
    private final PhoneNumbers phones;
    private final PortalLinks portalLinks;

    public CustomerContactStore(WaitingEvents waiting, DeliveryEvents events, Clock clock, NotificationConfig config,
            PortalLinks portalLinks) {
        this.waiting = waiting;
        this.portalLinks = portalLinks;
        this.events = events;
        this.clock = clock;
        this.phones = new PhoneNumbers(config.defaultPhoneRegion(), config.phoneRegions());
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void upsert(CustomerUpserted c) {
        CustomerContact contact = CustomerContact.findById(c.customerId());
        if (contact != null && contact.updatedAt != null && c.occurredAt() != null && c.occurredAt().isBefore(contact.updatedAt)) {
            LOG.infof("ignoring an older snapshot of customer %s", c.customerId());
            return;
        }
        if (contact == null) {
            contact = new CustomerContact();
            contact.customerId = c.customerId();
        }
        contact.email = c.email();
        contact.phone = e164(c);
        contact.pushToken = c.pushToken();
        contact.firstName = c.firstName();
        contact.lastName = c.lastName();
        contact.language = c.language();
        contact.timeZone = c.timeZone();
        contact.birthday = c.birthday();
        contact.firstPurchaseDate = c.firstPurchaseDate();
        MarketingConsents consents = c.marketingConsents();
        contact.consentEmail = consents != null && Boolean.TRUE.equals(consents.email());
        contact.consentSms = consents != null && Boolean.TRUE.equals(consents.sms());
        contact.consentWhatsapp = consents != null && Boolean.TRUE.equals(consents.whatsapp());
        contact.consentPush = consents != null && Boolean.TRUE.equals(consents.push());
        contact.erased = false;
        contact.updatedAt = c.occurredAt() != null ? c.occurredAt() : clock.instant();
        contact.persist();
        contact.flush();
        waiting.releaseFor(c.customerId());
    }

    /**
     * The customer's phone number in E.164, the form SMS and WhatsApp providers take; a number that cannot be
     * read as one is kept as given (the provider may still know it) and logged, without the number.
     */
    private String e164(CustomerUpserted c) {
        if (c.phone() == null || c.phone().isBlank()) {
            return c.phone();
        }
        return phones.toE164(c.phone(), c.language()).orElseGet(() -> {
            LOG.warnf("customer %s: the phone number is not a valid number for their region; kept as given",
                    c.customerId());
            return c.phone();
        });
    }

    /**
     * Erases a customer: contact data and preferences go, past deliveries keep only ids, kinds, channels,
     * statuses and times; what was still waiting to be sent is suppressed.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void erase(String customerId) {
        Instant now = clock.instant();
        CustomerContact contact = CustomerContact.findById(customerId);
        if (contact == null) {
            contact = new CustomerContact();
            contact.customerId = customerId;
        }
        contact.erase(now);
        contact.persist();
        CustomerPreferences.deleteById(customerId);
        // their portal links stop working and their orders can no longer be looked up
        portalLinks.erase(customerId);
        waiting.suppressFor(customerId, SuppressionReason.CUSTOMER_ERASED);
        for (Delivery d : Delivery.<Delivery>list("customerId = ?1 and status in ?2", customerId,
                List.of(DeliveryStatus.QUEUED, DeliveryStatus.DEFERRED))) {
            d.suppress(SuppressionReason.CUSTOMER_ERASED, now);
            events.suppressed(d);
        }
        Delivery.update("recipient = null, subject = null, body = null, summary = null, unsubscribeUrl = null,"
                + " heldEvent = null, updatedAt = ?1 where customerId = ?2", now, customerId);
        LOG.infof("erased the personal data of customer %s", customerId);
    }
}
