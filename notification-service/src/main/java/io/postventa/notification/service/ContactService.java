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
import io.postventa.notification.domain.PendingEvent;
import io.postventa.notification.domain.PhoneNumbers;
import io.postventa.notification.config.NotificationConfig;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

/** The contact store fed by customers.v1: upserts, erasure, and releasing the events that waited for a customer. */
@ApplicationScoped
public class ContactService {
    private static final Logger LOG = Logger.getLogger(ContactService.class);

    private final NotificationPlanner planner;
    private final DeliveryEvents events;
    private final Clock clock;
    private final PhoneNumbers phones;

    public ContactService(NotificationPlanner planner, DeliveryEvents events, Clock clock, NotificationConfig config) {
        this.planner = planner;
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
        List<PendingEvent> waiting = PendingEvent.list("customerId = ?1 order by receivedAt", c.customerId());
        for (PendingEvent pending : waiting) {
            planner.plan(NotificationPlanner.read(pending.payload));
            pending.delete();
        }
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
        // their portal links stop working and their orders can no longer be looked up (portal_link, V5)
        CustomerContact.getEntityManager().createNativeQuery("delete from portal_link where customer_id = ?1")
                .setParameter(1, customerId)
                .executeUpdate();
        for (PendingEvent pending : PendingEvent.<PendingEvent>list("customerId", customerId)) {
            planner.suppress(NotificationPlanner.read(pending.payload), null, SuppressionReason.CUSTOMER_ERASED);
            pending.delete();
        }
        for (Delivery d : Delivery.<Delivery>list("customerId = ?1 and status in ?2", customerId,
                List.of(DeliveryStatus.QUEUED, DeliveryStatus.DEFERRED))) {
            d.status = DeliveryStatus.SUPPRESSED;
            d.reason = SuppressionReason.CUSTOMER_ERASED.name();
            d.updatedAt = now;
            events.suppressed(d);
        }
        Delivery.update("recipient = null, subject = null, body = null, summary = null, unsubscribeUrl = null,"
                + " heldEvent = null, updatedAt = ?1 where customerId = ?2", now, customerId);
        LOG.infof("erased the personal data of customer %s", customerId);
    }

    /**
     * Plans the waiting events whose customer has arrived (an upsert and an event committed at the same time
     * can miss each other), then suppresses, with UNKNOWN_CUSTOMER, those whose customer did not come in time.
     */
    @Transactional
    public int releaseWaiting() {
        List<PendingEvent> arrived = PendingEvent.find("customerId in (select c.customerId from CustomerContact c)"
                + " order by receivedAt").page(0, 500).list();
        for (PendingEvent pending : arrived) {
            planner.plan(NotificationPlanner.read(pending.payload));
            pending.delete();
        }
        List<PendingEvent> expired = PendingEvent.list("waitUntil <= ?1 order by waitUntil", clock.instant());
        int n = 0;
        for (PendingEvent pending : expired.subList(0, Math.min(expired.size(), 500))) {
            planner.suppress(NotificationPlanner.read(pending.payload), null, SuppressionReason.UNKNOWN_CUSTOMER);
            pending.delete();
            n++;
        }
        return n + arrived.size();
    }
}
