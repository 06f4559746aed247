package io.postventa.notification.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

import io.postventa.events.common.NotificationChannel;
import io.postventa.events.notifications.MessageKind;

class LocalesAndPurchaseTierTest {

    @Test
    void theCustomersChoiceWinsThenTheProfileThenTheOrder() {
        assertEquals("en", Locales.resolve("en", "es", "es-ES", "es"));
        assertEquals("es", Locales.resolve(null, "es", "en-GB", "en"));
        assertEquals("en", Locales.resolve(null, null, "en-GB", "es"));
        assertEquals("es", Locales.resolve(null, "fr", "de-DE", "es"), "unsupported languages fall back");
    }

    @Test
    void portugueseCustomersFromPortugalAndBrazilAreWrittenToInPortuguese() {
        assertEquals("pt", Locales.resolve(null, "pt", "es-ES", "es"));
        assertEquals("pt", Locales.resolve(null, null, "pt-BR", "es"));
        assertEquals("pt", Locales.resolve("pt", "en", "pt-PT", "es"));
    }

    @Test
    void purchasesAreFirstSecondThirdOrRepeat() {
        assertEquals(PurchaseTier.FIRST, PurchaseTier.of(1));
        assertEquals(PurchaseTier.SECOND, PurchaseTier.of(2));
        assertEquals(PurchaseTier.THIRD, PurchaseTier.of(3));
        assertEquals(PurchaseTier.REPEAT, PurchaseTier.of(4));
        assertEquals(PurchaseTier.REPEAT, PurchaseTier.of(null), "unknown: no welcome wording by mistake");
    }

    @Test
    void channelsAreOnUntilSwitchedOffAndUnsubscribeSwitchesAKindOff() {
        ChannelChoices choices = ChannelChoices.defaults();
        assertTrue(choices.allows(MessageKind.ORDER_UPDATES, NotificationChannel.SMS));
        choices.set(MessageKind.ORDER_UPDATES, NotificationChannel.SMS, false);
        assertFalse(choices.allows(MessageKind.ORDER_UPDATES, NotificationChannel.SMS));
        assertTrue(choices.allows(MessageKind.ORDER_UPDATES, NotificationChannel.EMAIL));
        choices.switchOff(MessageKind.SURVEYS);
        assertFalse(choices.allows(MessageKind.SURVEYS, NotificationChannel.EMAIL));
        assertTrue(choices.allows(MessageKind.RETURNS, NotificationChannel.EMAIL));
    }
}
