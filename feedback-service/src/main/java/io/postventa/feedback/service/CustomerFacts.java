package io.postventa.feedback.service;

import io.postventa.events.EventType;
import io.postventa.events.customers.CustomerUpserted;
import io.postventa.messaging.inbox.IncomingEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

/** Learns from customers.v1: the customer's locale for surveys, and erasure on a tombstone. */
@ApplicationScoped
public class CustomerFacts {
    private final Sql sql;
    private final FeedbackErasure erasure;

    public CustomerFacts(Sql sql, FeedbackErasure erasure) {
        this.sql = sql;
        this.erasure = erasure;
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void onCustomer(IncomingEvent event) {
        if (event.tombstone()) {
            erasure.erase(event.key());
            return;
        }
        if (event.type() == EventType.CUSTOMER_UPSERTED) {
            CustomerUpserted c = event.data(CustomerUpserted.class);
            rememberLocale(c.customerId(), c.language());
        }
    }

    /**
     * The locale a customer is written to in, from the latest event that tells it (not after an erasure). Every order
     * event tells it, and it seldom changes: an unchanged locale (or an erased customer) leaves the row alone, not even
     * locked. An upsert whose update is skipped by its condition still locks the row, which writes WAL for the relays'
     * decoders to read and holds the customer until commit against another channel's batch.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void rememberLocale(String customerId, String locale) {
        if (customerId != null && locale != null) {
            sql.update("insert into customer_profile (customer_id, locale) select ?, ? where not exists (select 1 "
                    + "from customer_profile where customer_id = ? and (locale = ? or erased_at is not null)) "
                    + "on conflict (customer_id) do update set locale = excluded.locale where customer_profile.erased_at is null",
                    customerId, locale, customerId, locale);
        }
    }
}
