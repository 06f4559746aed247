package io.postventa.notification.service;

import java.time.Clock;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.postventa.events.EventJson;
import io.postventa.events.common.NotificationChannel;
import io.postventa.events.notifications.MessageKind;
import io.postventa.notification.domain.ChannelChoices;
import io.postventa.notification.config.NotificationConfig;
import io.postventa.notification.domain.CustomerContact;
import io.postventa.notification.domain.CustomerPreferences;
import io.postventa.notification.domain.Locales;
import io.postventa.web.Problem.FieldError;
import io.postventa.web.ProblemException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

/** A customer's own choices: channels per kind, quiet hours, language; and the one-click unsubscribe. */
@ApplicationScoped
public class PreferencesService {
    private static final ObjectMapper JSON = EventJson.newObjectMapper();
    private static final TypeReference<Map<MessageKind, Map<NotificationChannel, Boolean>>> CHOICES =
            new TypeReference<>() {
            };

    private final Clock clock;
    private final String defaultLanguage;

    public PreferencesService(Clock clock, NotificationConfig config) {
        this.clock = clock;
        this.defaultLanguage = config.defaultLanguage();
    }

    /** Preferences as the API shows them. */
    public record View(String language, QuietHoursView quietHours, Map<MessageKind, Map<NotificationChannel, Boolean>> channels,
            int version) {
    }

    public record QuietHoursView(String start, String end) {
    }

    /** An update as sent by the customer; fields are checked here so each error names its field. */
    public record Update(String language, QuietHoursView quietHours, Map<String, Map<String, Boolean>> channels) {
    }

    public ChannelChoices choices(CustomerPreferences prefs) {
        ChannelChoices choices = ChannelChoices.defaults();
        if (prefs == null || prefs.channels == null) {
            return choices;
        }
        try {
            JSON.readValue(prefs.channels, CHOICES).forEach((kind, channels) ->
                    channels.forEach((channel, on) -> choices.set(kind, channel, on)));
        } catch (Exception e) {
            throw new IllegalStateException("unreadable preferences of " + prefs.customerId, e);
        }
        return choices;
    }

    @Transactional
    public View view(String customerId) {
        return toView(CustomerPreferences.findById(customerId));
    }

    @Transactional
    public View update(String customerId, Update update) {
        List<FieldError> errors = new ArrayList<>();
        if (update == null) {
            throw ProblemException.badField("body", "preferences are required");
        }
        if (update.language() != null && !Locales.SUPPORTED.contains(update.language())) {
            errors.add(new FieldError("language", "must be one of " + Locales.SUPPORTED));
        }
        LocalTime start = null;
        LocalTime end = null;
        if (update.quietHours() != null) {
            start = time(update.quietHours().start(), "quietHours.start", errors);
            end = time(update.quietHours().end(), "quietHours.end", errors);
            if (start != null && start.equals(end)) {
                errors.add(new FieldError("quietHours.end", "must differ from quietHours.start"));
            }
        }
        Map<MessageKind, Map<NotificationChannel, Boolean>> channels = new EnumMap<>(MessageKind.class);
        if (update.channels() != null) {
            update.channels().forEach((kindName, perChannel) -> {
                MessageKind kind = parse(MessageKind.class, kindName);
                if (kind == null) {
                    errors.add(new FieldError("channels." + kindName, "unknown message kind; one of "
                            + List.of(MessageKind.values())));
                    return;
                }
                if (perChannel == null) {
                    errors.add(new FieldError("channels." + kindName, "must be an object of channel: true|false"));
                    return;
                }
                perChannel.forEach((channelName, on) -> {
                    NotificationChannel channel = parse(NotificationChannel.class, channelName);
                    if (channel == null || channel == NotificationChannel.LOG) {
                        errors.add(new FieldError("channels." + kindName + "." + channelName,
                                "unknown channel; one of [EMAIL, SMS, WHATSAPP, PUSH]"));
                    } else if (on == null) {
                        errors.add(new FieldError("channels." + kindName + "." + channelName, "must be true or false"));
                    } else {
                        channels.computeIfAbsent(kind, k -> new EnumMap<>(NotificationChannel.class)).put(channel, on);
                    }
                });
            });
        }
        if (!errors.isEmpty()) {
            throw ProblemException.badFields(errors);
        }
        CustomerPreferences prefs = CustomerPreferences.findById(customerId);
        if (prefs == null) {
            prefs = new CustomerPreferences();
            prefs.customerId = customerId;
            prefs.version = 0;
            prefs.channels = "{}";
        }
        ChannelChoices choices = choices(prefs);
        channels.forEach((kind, perChannel) -> perChannel.forEach((channel, on) -> choices.set(kind, channel, on)));
        prefs.language = update.language();
        prefs.quietStart = start;
        prefs.quietEnd = end;
        save(prefs, choices);
        return toView(prefs);
    }

    /**
     * The language to write to this customer in: their choice, else their profile, else {@code fallbackTag} (e.g.
     * the browser's), else the default.
     */
    @Transactional
    public String languageOf(String customerId, String fallbackTag) {
        CustomerPreferences prefs = CustomerPreferences.findById(customerId);
        CustomerContact contact = CustomerContact.findById(customerId);
        return Locales.resolve(prefs == null ? null : prefs.language, contact == null ? null : contact.language,
                fallbackTag, defaultLanguage);
    }

    /** Switches every channel of a kind off (the unsubscribe link). */
    @Transactional
    public void unsubscribe(String customerId, MessageKind kind) {
        CustomerPreferences prefs = CustomerPreferences.findById(customerId);
        if (prefs == null) {
            prefs = new CustomerPreferences();
            prefs.customerId = customerId;
            prefs.channels = "{}";
        }
        save(prefs, choices(prefs).switchOff(kind));
    }

    private void save(CustomerPreferences prefs, ChannelChoices choices) {
        try {
            prefs.channels = JSON.writeValueAsString(choices.asMap());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
        prefs.version++;
        prefs.updatedAt = clock.instant();
        prefs.persist();
    }

    private View toView(CustomerPreferences prefs) {
        ChannelChoices choices = choices(prefs);
        if (prefs == null) {
            return new View(null, null, choices.asMap(), 0);
        }
        QuietHoursView quiet = prefs.quietStart == null ? null
                : new QuietHoursView(prefs.quietStart.toString(), prefs.quietEnd.toString());
        return new View(prefs.language, quiet, choices.asMap(), prefs.version);
    }

    private static LocalTime time(String value, String field, List<FieldError> errors) {
        if (value == null || !value.matches("([01]\\d|2[0-3]):[0-5]\\d")) {
            errors.add(new FieldError(field, "must be a time of day as HH:mm, e.g. 22:00"));
            return null;
        }
        return LocalTime.parse(value);
    }

    private static <E extends Enum<E>> E parse(Class<E> type, String name) {
        try {
            return name == null ? null : Enum.valueOf(type, name);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
