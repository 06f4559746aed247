package io.postventa.notification.domain;

import static io.postventa.events.common.NotificationChannel.EMAIL;
import static io.postventa.events.common.NotificationChannel.PUSH;
import static io.postventa.events.common.NotificationChannel.SMS;
import static io.postventa.events.common.NotificationChannel.WHATSAPP;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;

import org.junit.jupiter.api.Test;

import io.postventa.events.common.NotificationChannel;

class ReplyChannelsTest {
    private static final List<NotificationChannel> ALL = List.of(EMAIL, SMS, WHATSAPP, PUSH);

    @Test
    void aReplyGoesBackOnTheChannelTheCustomerWroteThroughWithAPush() {
        assertEquals(List.of(EMAIL, PUSH), ReplyChannels.forReply("EMAIL", ALL, c -> true));
        assertEquals(List.of(SMS, PUSH), ReplyChannels.forReply("SMS", ALL, c -> true));
        assertEquals(List.of(WHATSAPP, PUSH), ReplyChannels.forReply("WHATSAPP", ALL, c -> true));
    }

    @Test
    void chatPhoneWebFormSocialOrAnUnknownChannelAreAnsweredByEmail() {
        for (String channel : new String[] {"CHAT", "PHONE", "WEB_FORM", "SOCIAL", null}) {
            assertEquals(List.of(EMAIL, PUSH), ReplyChannels.forReply(channel, ALL, c -> true), String.valueOf(channel));
        }
    }

    @Test
    void emailStandsInWhenTheCustomerHasNoNumberOrTheChannelIsNotConfigured() {
        assertEquals(List.of(EMAIL, PUSH), ReplyChannels.forReply("SMS", ALL, c -> c != SMS));
        assertEquals(List.of(EMAIL), ReplyChannels.forReply("WHATSAPP", List.of(EMAIL), c -> true));
        assertEquals(List.of(), ReplyChannels.forReply("EMAIL", List.of(), c -> true), "replies switched off");
    }
}
