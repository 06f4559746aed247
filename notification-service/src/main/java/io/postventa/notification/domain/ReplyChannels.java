package io.postventa.notification.domain;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

import io.postventa.events.common.NotificationChannel;

/**
 * Where a reply to a customer's contact goes: back on the channel they wrote through (e-mail, SMS, WhatsApp).
 * A contact by chat, phone, web form or social network, or one whose channel is unknown, is answered by e-mail:
 * the written channel every customer record has, where the answer and its links can be read again later. E-mail
 * also stands in when the contact's channel is not configured for replies or the customer has no number for it.
 * Push (and the development log) go along as a heads-up when configured.
 */
public final class ReplyChannels {
    private ReplyChannels() {
    }

    /**
     * @param contactChannel the {@code ContactChannel} name of the contact being answered, or null
     * @param configured     the channels {@code triggers.ticket-replied} allows
     * @param reachable      whether the customer has a contact point on a channel
     */
    public static List<NotificationChannel> forReply(String contactChannel, List<NotificationChannel> configured,
            Predicate<NotificationChannel> reachable) {
        NotificationChannel written = contactChannel == null ? NotificationChannel.EMAIL : switch (contactChannel) {
            case "SMS" -> NotificationChannel.SMS;
            case "WHATSAPP" -> NotificationChannel.WHATSAPP;
            default -> NotificationChannel.EMAIL;
        };
        if (written != NotificationChannel.EMAIL && (!configured.contains(written) || !reachable.test(written))) {
            written = NotificationChannel.EMAIL;
        }
        List<NotificationChannel> channels = new ArrayList<>();
        if (configured.contains(written)) {
            channels.add(written);
        }
        for (NotificationChannel alongside : List.of(NotificationChannel.PUSH, NotificationChannel.LOG)) {
            if (configured.contains(alongside)) {
                channels.add(alongside);
            }
        }
        return channels;
    }
}
