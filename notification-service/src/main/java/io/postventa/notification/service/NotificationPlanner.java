package io.postventa.notification.service;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

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
import io.postventa.notification.domain.TemplateVariant;
import io.postventa.notification.domain.Trigger;
import io.postventa.notification.domain.UnsubscribeToken;
import io.postventa.notification.domain.VariantPicker;
import jakarta.enterprise.context.ApplicationScoped;
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

    private final NotificationConfig config;
    private final TemplateService templates;
    private final PreferencesService preferences;
    private final DeliveryEvents events;
    private final Clock clock;
    private final UnsubscribeToken tokens;
    private final Set<NotificationChannel> quietChannels;

    public NotificationPlanner(NotificationConfig config, TemplateService templates, PreferencesService preferences,
            DeliveryEvents events, Clock clock) {
        this.config = config;
        this.templates = templates;
        this.preferences = preferences;
        this.events = events;
        this.clock = clock;
        this.tokens = new UnsubscribeToken(config.unsubscribeSecret());
        this.quietChannels = parseChannels(config.quietHoursChannels());
    }

    /** Channels the configuration switches on for a trigger; empty when it is off. */
    public List<NotificationChannel> channelsFor(Trigger trigger) {
        String value = config.triggers().get(trigger.key());
        return value == null ? List.of() : List.copyOf(parseChannels(value));
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void plan(TriggerEvent event) {
        CustomerContact contact = CustomerContact.findById(event.customerId());
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
        List<NotificationChannel> channels = channelsFor(event.trigger());
        if (channels.isEmpty()) {
            suppress(event, null, SuppressionReason.TRIGGER_DISABLED);
            return;
        }
        CustomerPreferences prefs = CustomerPreferences.findById(contact.customerId);
        ChannelChoices choices = preferences.choices(prefs);
        String language = Locales.resolve(prefs == null ? null : prefs.language, contact.language, event.locale(),
                config.defaultLanguage());
        ZoneId zone = zone(contact.timeZone);
        MessageKind kind = event.trigger().kind();
        for (NotificationChannel channel : channels) {
            if (Delivery.count("sourceEventId = ?1 and channel = ?2", event.sourceEventId(), channel.name()) > 0) {
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
            queue(event, contact, channel, recipient, template, language, zone, prefs == null ? null : prefs.quietHours());
        }
    }

    private void queue(TriggerEvent event, CustomerContact contact, NotificationChannel channel, String recipient,
            MessageTemplate template, String language, ZoneId zone, QuietHours quiet) {
        Instant now = clock.instant();
        MessageKind kind = event.trigger().kind();
        TemplateVariant variant = VariantPicker.pick(templates.variants(template), contact.customerId, template.id);
        String unsubscribeUrl = config.publicBaseUrl() + "/api/v1/unsubscribe?token=" + tokens.sign(contact.customerId, kind);

        boolean capped = kind == MessageKind.ORDER_UPDATES
                && sentToday(contact.customerId, channel, kind, zone, now) >= config.orderUpdatesPerDay();
        List<Delivery> folded = capped ? List.of() : Delivery.list(
                "customerId = ?1 and channel = ?2 and kind = ?3 and status = ?4 and reason = ?5 and foldedInto is null"
                        + " order by createdAt",
                contact.customerId, channel.name(), kind.name(), DeliveryStatus.SUPPRESSED,
                SuppressionReason.FREQUENCY_CAP.name());
        List<String> earlier = folded.stream().map(d -> d.summary).filter(s -> s != null).collect(Collectors.toList());
        Rendered rendered = templates.render(template, variant, MessageData.of(event, contact, unsubscribeUrl, earlier));

        Delivery d = newDelivery(event, channel, now);
        d.templateId = template.id;
        d.variant = variant.name();
        d.locale = language;
        d.summary = rendered.subject();
        if (capped) {
            d.status = DeliveryStatus.SUPPRESSED;
            d.reason = SuppressionReason.FREQUENCY_CAP.name();
            d.persist();
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
        for (Delivery f : folded) {
            f.foldedInto = d.id;
        }
    }

    private long sentToday(String customerId, NotificationChannel channel, MessageKind kind, ZoneId zone, Instant now) {
        Instant startOfDay = now.atZone(zone).toLocalDate().atStartOfDay(zone).toInstant();
        return Delivery.count("customerId = ?1 and channel = ?2 and kind = ?3 and status in ?4 and createdAt >= ?5",
                customerId, channel.name(), kind.name(),
                List.of(DeliveryStatus.QUEUED, DeliveryStatus.SENDING, DeliveryStatus.SENT, DeliveryStatus.DEFERRED),
                startOfDay);
    }

    /** Records a deliberate non-delivery and publishes notification.suppressed. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void suppress(TriggerEvent event, NotificationChannel channel, SuppressionReason reason) {
        if (Delivery.count("sourceEventId = ?1 and coalesce(channel, '-') = ?2", event.sourceEventId(),
                channel == null ? "-" : channel.name()) > 0) {
            return;
        }
        Delivery d = newDelivery(event, channel, clock.instant());
        d.status = DeliveryStatus.SUPPRESSED;
        d.reason = reason.name();
        d.persist();
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

    private static ZoneId zone(String timeZone) {
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
