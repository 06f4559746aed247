package io.postventa.events.customers;

/**
 * Marketing consents per channel as recorded by the platform; absent means not given. Transactional messages
 * (order updates, returns, support) do not need them; personal moments and surveys do.
 *
 * @param email    may be sent marketing e-mail
 * @param sms      may be sent marketing SMS
 * @param whatsapp may be sent marketing WhatsApp messages
 * @param push     may be sent marketing push notifications
 */
public record MarketingConsents(Boolean email, Boolean sms, Boolean whatsapp, Boolean push) {
}
