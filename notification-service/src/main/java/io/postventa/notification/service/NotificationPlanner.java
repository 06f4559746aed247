package io.postventa.notification.service;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import org.hibernate.Session;
import org.jboss.logging.Logger;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.postventa.events.EventJson;
import io.postventa.events.common.NotificationChannel;
import io.postventa.events.notifications.MessageKind;
import io.postventa.events.notifications.SuppressionReason;
import io.postventa.notification.config.NotificationConfig;
import io.postventa.notification.domain.ChannelChoices;
import io.postventa.notification.domain.CustomerContact;
import io.postventa.notification.domain.CustomerPreferences;
import io.postventa.notification.domain.Delivery;
import io.postventa.notification.domain.DeliveryStatus;
import io.postventa.notification.domain.Locales;
import io.postventa.notification.domain.MessageTemplate;
import io.postventa.notification.domain.PendingEvent;
import io.postventa.notification.domain.QuietHours;
import io.postventa.notification.domain.ReplyChannels;
import io.postventa.notification.domain.TemplateVariant;
import io.postventa.notification.domain.Trigger;
import io.postventa.notification.domain.UnsubscribeToken;
import io.postventa.notification.domain.VariantPicker;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.Query;
import jakarta.transaction.TransactionSynchronizationRegistry;
import jakarta.transaction.Transactional;

/**
 * Turns a trigger event into deliveries, one per configured channel, in the consumer's transaction: each is
 * QUEUED (rendered, for the dispatcher), DEFERRED (quiet hours) or SUPPRESSED with a reason (published at once).
 * An event for a customer not known yet waits in pending_event.
 */
@ApplicationScoped
public class NotificationPlanner {
    private static final Logger LOG = Logger.getLogger(NotificationPlanner.class);
    private static final ObjectMapper JSON = EventJson.newObjectMapper();
    private static final Set<MessageKind> MARKETING = EnumSet.of(MessageKind.SURVEYS, MessageKind.PERSONAL_MOMENTS);
    /** The statuses the daily cap counts. */
    private static final List<DeliveryStatus> COUNTED_TODAY = List.of(DeliveryStatus.QUEUED, DeliveryStatus.SENDING,
            DeliveryStatus.SENT, DeliveryStatus.DEFERRED);
    private static final String[] COUNTED_TODAY_NAMES = COUNTED_TODAY.stream().map(Enum::name).toArray(String[]::new);
    /** The key of a transaction's {@link Prepared} reads in the synchronization registry. */
    private static final Object PREPARED = new Object();

    private final NotificationConfig config;
    private final TemplateService templates;
    private final PreferencesService preferences;
    private final DeliveryEvents events;
    private final Clock clock;
    private final UnsubscribeToken tokens;
    private final Set<NotificationChannel> quietChannels;
    private final Map<Trigger, List<NotificationChannel>> channelsByTrigger = new EnumMap<>(Trigger.class);
    private final EntityManager em;
    private final TransactionSynchronizationRegistry transactions;
    private final PortalMessageLinks messageLinks;

    public NotificationPlanner(NotificationConfig config, TemplateService templates, PreferencesService preferences,
            DeliveryEvents events, Clock clock, EntityManager em, TransactionSynchronizationRegistry transactions,
            PortalMessageLinks messageLinks) {
        this.messageLinks = messageLinks;
        this.config = config;
        this.templates = templates;
        this.preferences = preferences;
        this.events = events;
        this.clock = clock;
        this.em = em;
        this.transactions = transactions;
        this.tokens = new UnsubscribeToken(config.unsubscribeSecret());
        this.quietChannels = parseChannels(config.quietHoursChannels());
        for (Trigger trigger : Trigger.values()) {
            String value = config.triggers().get(trigger.key());
            channelsByTrigger.put(trigger, value == null ? List.of() : List.copyOf(parseChannels(value)));
        }
    }

    /**
     * The customers' capped deliveries not yet folded into a later message. The literals match the partial index
     * {@code delivery_foldable} (V3), so the lookup reads only such deliveries; through the customer index it read
     * every delivery the poll's customers ever had, on every poll.
     */
    static final String FOLDABLE = "select distinct customer_id, channel, kind from delivery where customer_id = any(?1)"
            + " and status = 'SUPPRESSED' and reason = 'FREQUENCY_CAP' and folded_into is null";

    /** Channels the configuration switches on for a trigger; empty when it is off. */
    public List<NotificationChannel> channelsFor(Trigger trigger) {
        return channelsByTrigger.get(trigger);
    }

    /**
     * Loads, a query each, what planning these events will read for every one of them: their customers' contacts
     * and preferences, the deliveries already planned for the events, and their customers' recent deliveries (for
     * the daily cap and folding). The {@link #plan} calls that follow in the same transaction use it instead of
     * asking per event; deliveries they create are added to it as they go, so the answers stay the same.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void prepare(Collection<String> customerIds, Collection<String> sourceEventIds) {
        prepare(customerIds, sourceEventIds, List.of());
    }

    /** As {@link #prepare(Collection, Collection)}, and the portal links of the events' orders, a query for all. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void prepare(Collection<String> customerIds, Collection<String> sourceEventIds, Collection<String> orderIds) {
        messageLinks.prepare(orderIds);
        Set<String> customers = new HashSet<>(customerIds);
        customers.remove(null);
        Prepared p = new Prepared(customers);
        if (!customers.isEmpty()) {
            // loads by id: one statement with an array parameter, translated once (an HQL "in" list is translated
            // again for every poll)
            List<String> ids = List.copyOf(customers);
            Session session = em.unwrap(Session.class);
            for (CustomerContact c : session.findMultiple(CustomerContact.class, ids)) {
                if (c != null) {
                    p.contacts.put(c.customerId, c);
                }
            }
            for (CustomerPreferences c : session.findMultiple(CustomerPreferences.class, ids)) {
                if (c != null) {
                    p.preferences.put(c.customerId, c);
                }
            }
            // native SQL with array parameters (= any): the same statement for every poll, where HQL "in" lists
            // were translated again each time
            String[] customerArray = ids.toArray(String[]::new);
            for (Object[] row : rows(em.createNativeQuery(FOLDABLE).setParameter(1, customerArray))) {
                p.foldable.add(key((String) row[0], (String) row[1], (String) row[2]));
            }
            // a customer's day starts less than 26 hours ago in any time zone (a rolling window, its length ago):
            // these counts bound countedInWindow's
            Duration bound = config.frequencyCapWindow().filter(w -> w.compareTo(Duration.ofHours(26)) > 0)
                    .orElse(Duration.ofHours(26));
            for (Object[] row : rows(em.createNativeQuery("select customer_id, channel, kind, count(*) from delivery"
                    + " where customer_id = any(?1) and status = any(?2) and created_at >= ?3"
                    + " group by customer_id, channel, kind")
                    .setParameter(1, customerArray).setParameter(2, COUNTED_TODAY_NAMES)
                    .setParameter(3, clock.instant().minus(bound)))) {
                p.recent.put(key((String) row[0], (String) row[1], (String) row[2]), ((Number) row[3]).intValue());
            }
        }
        Set<String> eventIds = new HashSet<>(sourceEventIds);
        eventIds.remove(null);
        p.eventIds.addAll(eventIds);
        if (!eventIds.isEmpty()) {
            for (Object[] row : rows(em.createNativeQuery("select source_event_id, coalesce(channel, '-') from delivery"
                    + " where source_event_id = any(?1)").setParameter(1, eventIds.toArray(String[]::new)))) {
                p.planned.add(key((String) row[0], (String) row[1]));
            }
        }
        transactions.putResource(PREPARED, p);
    }

    @SuppressWarnings("unchecked")
    private static List<Object[]> rows(Query query) {
        return query.getResultList();
    }

    /** What {@link #prepare} loaded for the current transaction's events; null when it was not called. */
    private Prepared prepared() {
        return (Prepared) transactions.getResource(PREPARED);
    }

    private CustomerContact contact(String customerId) {
        Prepared p = prepared();
        return p != null && p.customers.contains(customerId) ? p.contacts.get(customerId)
                : CustomerContact.findById(customerId);
    }

    private CustomerPreferences preferencesOf(String customerId) {
        Prepared p = prepared();
        return p != null && p.customers.contains(customerId) ? p.preferences.get(customerId)
                : CustomerPreferences.findById(customerId);
    }

    private boolean planned(TriggerEvent event, NotificationChannel channel) {
        String name = channel == null ? "-" : channel.name();
        Prepared p = prepared();
        if (p != null && p.eventIds.contains(event.sourceEventId())) {
            return p.planned.contains(key(event.sourceEventId(), name));
        }
        return Delivery.count("sourceEventId = ?1 and coalesce(channel, '-') = ?2", event.sourceEventId(), name) > 0;
    }

    /** Keeps what {@link #prepare} loaded true of a delivery just created in this transaction. */
    private void created(Delivery d) {
        Prepared p = prepared();
        if (p == null) {
            return;
        }
        p.planned.add(key(d.sourceEventId, d.channel == null ? "-" : d.channel));
        if (d.channel != null) {
            String k = key(d.customerId, d.channel, d.kind);
            if (COUNTED_TODAY.contains(d.status)) {
                p.recent.merge(k, 1, Integer::sum);
            } else if (d.status == DeliveryStatus.SUPPRESSED && SuppressionReason.FREQUENCY_CAP.name().equals(d.reason)) {
                p.foldable.add(k);
            }
        }
    }

    /** False only when the prepared counts show the customer cannot have reached the cap today. */
    private boolean mayBeCapped(String customerId, NotificationChannel channel, MessageKind kind) {
        Prepared p = prepared();
        return p == null || !p.customers.contains(customerId)
                || p.recent.getOrDefault(key(customerId, channel.name(), kind.name()), 0) >= config.orderUpdatesPerDay();
    }

    /** False only when the prepared rows show no capped update waiting to be folded. */
    private boolean mayHaveFolded(String customerId, NotificationChannel channel, MessageKind kind) {
        Prepared p = prepared();
        return p == null || !p.customers.contains(customerId)
                || p.foldable.contains(key(customerId, channel.name(), kind.name()));
    }

    private static String key(String... parts) {
        return String.join("|", parts);
    }

    /** A transaction's prepared reads (see {@link #prepare}). */
    private static final class Prepared {
        final Set<String> customers;
        final Set<String> eventIds = new HashSet<>();
        final Map<String, CustomerContact> contacts = new HashMap<>();
        final Map<String, CustomerPreferences> preferences = new HashMap<>();
        /** source event id | channel (or "-") of the deliveries there are. */
        final Set<String> planned = new HashSet<>();
        /** customer | channel | kind with a capped update not yet folded into a later message. */
        final Set<String> foldable = new HashSet<>();
        /** customer | channel | kind: deliveries sentToday would count, over the last 26 hours. */
        final Map<String, Integer> recent = new HashMap<>();

        Prepared(Set<String> customers) {
            this.customers = customers;
        }
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void plan(TriggerEvent event) {
        plan(event, Set.of());
    }

    /**
     * Plans an event whose message carries these held-back updates as its own content (an update released once the
     * cap allows): they are linked to the new message, not listed in it as earlier updates.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void plan(TriggerEvent event, Set<UUID> carried) {
        CustomerContact contact = contact(event.customerId());
        if (contact == null) {
            if (PendingEvent.findById(event.sourceEventId()) == null) {
                PendingEvent pending = new PendingEvent();
                pending.sourceEventId = event.sourceEventId();
                pending.customerId = event.customerId();
                pending.sourceEventType = event.sourceEventType();
                pending.payload = write(event);
                pending.receivedAt = clock.instant();
                pending.waitUntil = clock.instant().plus(config.unknownCustomerWait());
                pending.persist();
                LOG.infof("event %s waits for customer %s until %s", event.sourceEventId(), event.customerId(),
                        pending.waitUntil);
            }
            return;
        }
        if (contact.erased) {
            suppress(event, null, SuppressionReason.CUSTOMER_ERASED);
            return;
        }
        List<NotificationChannel> channels = channelsFor(event, contact);
        if (channels.isEmpty()) {
            suppress(event, null, SuppressionReason.TRIGGER_DISABLED);
            return;
        }
        CustomerPreferences prefs = preferencesOf(contact.customerId);
        ChannelChoices choices = preferences.choices(prefs);
        String language = Locales.resolve(prefs == null ? null : prefs.language, contact.language, event.locale(),
                config.defaultLanguage());
        ZoneId zone = zone(contact.timeZone);
        MessageKind kind = event.trigger().kind();
        for (NotificationChannel channel : channels) {
            if (planned(event, channel)) {
                continue; // already planned: the same event never makes a second message on a channel
            }
            if (!choices.allows(kind, channel)) {
                suppress(event, channel, SuppressionReason.OPTED_OUT);
                continue;
            }
            if (MARKETING.contains(kind) && !contact.consents(channel)) {
                suppress(event, channel, SuppressionReason.NO_CONSENT);
                continue;
            }
            String recipient = contact.contactPoint(channel);
            if (recipient == null) {
                suppress(event, channel, SuppressionReason.NO_CONTACT_POINT);
                continue;
            }
            MessageTemplate template = MessageTemplate.findById(MessageTemplate.idOf(event.trigger(), channel, language));
            if (template == null) {
                suppress(event, channel, SuppressionReason.NO_TEMPLATE);
                continue;
            }
            queue(event, contact, channel, recipient, template, language, zone, prefs == null ? null : prefs.quietHours(),
                    carried);
        }
    }

    /**
     * The channels for this event: the one it is limited to (a held-back update goes where it was held); for a
     * reply, back where the customer wrote ({@link ReplyChannels}); otherwise those configured for its trigger.
     */
    private List<NotificationChannel> channelsFor(TriggerEvent event, CustomerContact contact) {
        if (event.channel() != null) {
            return List.of(NotificationChannel.valueOf(event.channel()));
        }
        List<NotificationChannel> configured = channelsFor(event.trigger());
        if (event.trigger() == Trigger.TICKET_REPLIED) {
            return ReplyChannels.forReply(event.contactChannel(), configured, c -> contact.contactPoint(c) != null);
        }
        return configured;
    }

    private void queue(TriggerEvent event, CustomerContact contact, NotificationChannel channel, String recipient,
            MessageTemplate template, String language, ZoneId zone, QuietHours quiet, Set<UUID> carried) {
        Instant now = clock.instant();
        MessageKind kind = event.trigger().kind();
        TemplateVariant variant = VariantPicker.pick(templates.variants(template), contact.customerId, template.id);
        // the message's id before it is written: its links name it, so that visits and unsubscribes count for its variant
        UUID messageId = UUID.randomUUID();
        String unsubscribeToken = tokens.sign(contact.customerId, kind, messageId);
        // the List-Unsubscribe header's one-click endpoint; the text's links may lead to the portal instead
        String unsubscribeUrl = config.unsubscribeUrl() + "?token=" + unsubscribeToken;

        boolean capped = kind == MessageKind.ORDER_UPDATES && mayBeCapped(contact.customerId, channel, kind)
                && countedInWindow(contact.customerId, channel, kind, zone, now) >= config.orderUpdatesPerDay();
        // locked: the capped-updates job may be folding the same rows into a digest; whoever comes second sees them
        // folded already (Postgres re-checks the condition of a row it waited for), so no update is told twice
        List<Delivery> folded = capped || !mayHaveFolded(contact.customerId, channel, kind) ? List.of() : Delivery.<Delivery>find(
                "customerId = ?1 and channel = ?2 and kind = ?3 and status = ?4 and reason = ?5 and foldedInto is null"
                        + " order by createdAt",
                contact.customerId, channel.name(), kind.name(), DeliveryStatus.SUPPRESSED,
                SuppressionReason.FREQUENCY_CAP.name()).withLock(LockModeType.PESSIMISTIC_WRITE).list();
        List<String> earlier = folded.stream().filter(d -> !carried.contains(d.id)).map(d -> d.summary)
                .filter(s -> s != null).collect(Collectors.toList());
        Rendered rendered = templates.render(template, variant, MessageData.of(event, contact,
                messageLinks.links(contact.customerId, event.orderId(), messageId, unsubscribeToken, language), earlier, language,
                zone));

        Delivery d = newDelivery(event, channel, now);
        d.id = messageId;
        d.templateId = template.id;
        d.variant = variant.name();
        d.locale = language;
        d.summary = rendered.subject();
        if (capped) {
            d.status = DeliveryStatus.SUPPRESSED;
            d.reason = SuppressionReason.FREQUENCY_CAP.name();
            d.heldEvent = write(event);
            d.persist();
            created(d);
            events.suppressed(d);
            return;
        }
        d.recipient = recipient;
        d.subject = rendered.subject();
        d.body = rendered.body();
        d.unsubscribeUrl = unsubscribeUrl;
        d.status = DeliveryStatus.QUEUED;
        if (quiet != null && quietChannels.contains(channel)) {
            ZonedDateTime local = now.atZone(zone);
            ZonedDateTime allowed = quiet.nextAllowed(local);
            if (allowed.isAfter(local)) {
                d.status = DeliveryStatus.DEFERRED;
                d.sendAfter = allowed.toInstant();
            }
        }
        d.persist();
        created(d);
        for (Delivery f : folded) {
            f.foldedInto = d.id;
        }
    }

    /** Whether one more message of this kind may go to the customer on this channel now. */
    public boolean capAllows(String customerId, NotificationChannel channel, MessageKind kind, ZoneId zone,
            Instant now) {
        return countedInWindow(customerId, channel, kind, zone, now) < config.orderUpdatesPerDay();
    }

    /** Messages the cap counts: since the start of the customer's day, or within the rolling window if one is set. */
    private long countedInWindow(String customerId, NotificationChannel channel, MessageKind kind, ZoneId zone,
            Instant now) {
        Instant start = config.frequencyCapWindow().map(now::minus)
                .orElseGet(() -> now.atZone(zone).toLocalDate().atStartOfDay(zone).toInstant());
        return Delivery.count("customerId = ?1 and channel = ?2 and kind = ?3 and status in ?4 and createdAt >= ?5",
                customerId, channel.name(), kind.name(), COUNTED_TODAY, start);
    }

    /** Records a deliberate non-delivery and publishes notification.suppressed. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void suppress(TriggerEvent event, NotificationChannel channel, SuppressionReason reason) {
        if (planned(event, channel)) {
            return;
        }
        Delivery d = newDelivery(event, channel, clock.instant());
        d.status = DeliveryStatus.SUPPRESSED;
        d.reason = reason.name();
        d.persist();
        created(d);
        events.suppressed(d);
    }

    private static Delivery newDelivery(TriggerEvent event, NotificationChannel channel, Instant now) {
        Delivery d = new Delivery();
        d.id = UUID.randomUUID();
        d.customerId = event.customerId();
        d.sourceEventId = event.sourceEventId();
        d.sourceEventType = event.sourceEventType();
        d.trigger = event.trigger().name();
        d.kind = event.trigger().kind().name();
        d.channel = channel == null ? null : channel.name();
        d.orderId = event.orderId();
        d.returnId = event.returnId();
        d.ticketId = event.ticketId();
        d.surveyId = event.surveyId();
        d.createdAt = now;
        d.updatedAt = now;
        return d;
    }

    public static String write(TriggerEvent event) {
        try {
            return JSON.writeValueAsString(event);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    public static TriggerEvent read(String json) {
        try {
            return JSON.readValue(json, TriggerEvent.class);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** The customer's time zone, UTC when unknown or unreadable. */
    public static ZoneId zone(String timeZone) {
        try {
            return timeZone == null ? ZoneOffset.UTC : ZoneId.of(timeZone);
        } catch (RuntimeException e) {
            return ZoneOffset.UTC;
        }
    }

    private static Set<NotificationChannel> parseChannels(String value) {
        if (value == null || value.isBlank() || value.trim().equalsIgnoreCase("off")) {
            return Set.of();
        }
        List<NotificationChannel> list = new ArrayList<>();
        Arrays.stream(value.split(",")).map(String::trim).filter(s -> !s.isEmpty())
                .map(s -> NotificationChannel.valueOf(s.toUpperCase())).forEach(list::add);
        return new java.util.LinkedHashSet<>(list);
    }
}
