package io.postventa.notification.domain;

import java.util.EnumMap;
import java.util.Map;

import io.postventa.events.common.NotificationChannel;
import io.postventa.events.notifications.MessageKind;

/** Which channels a customer allows per message kind; anything not chosen is on (the trigger config decides). */
public final class ChannelChoices {
    private final Map<MessageKind, Map<NotificationChannel, Boolean>> choices = new EnumMap<>(MessageKind.class);

    public static ChannelChoices defaults() {
        return new ChannelChoices();
    }

    public boolean allows(MessageKind kind, NotificationChannel channel) {
        return choices.getOrDefault(kind, Map.of()).getOrDefault(channel, Boolean.TRUE);
    }

    public ChannelChoices set(MessageKind kind, NotificationChannel channel, boolean on) {
        choices.computeIfAbsent(kind, k -> new EnumMap<>(NotificationChannel.class)).put(channel, on);
        return this;
    }

    /** The one-click unsubscribe: every channel of that kind off. */
    public ChannelChoices switchOff(MessageKind kind) {
        for (NotificationChannel channel : NotificationChannel.values()) {
            set(kind, channel, false);
        }
        return this;
    }

    /** Every kind with every channel, explicit, for the API. */
    public Map<MessageKind, Map<NotificationChannel, Boolean>> asMap() {
        Map<MessageKind, Map<NotificationChannel, Boolean>> all = new EnumMap<>(MessageKind.class);
        for (MessageKind kind : MessageKind.values()) {
            Map<NotificationChannel, Boolean> channels = new EnumMap<>(NotificationChannel.class);
            for (NotificationChannel channel : NotificationChannel.values()) {
                if (channel != NotificationChannel.LOG) {
                    channels.put(channel, allows(kind, channel));
                }
            }
            all.put(kind, channels);
        }
        return all;
    }
}
