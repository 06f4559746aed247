package io.postventa.feedback.service;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

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

    /**
     * {@link #rememberLocale} for a poll's customers in one statement: {@code latest} holds each customer's last locale
     * in the poll (the one that would be left after applying them one by one). As there, an unchanged locale or an
     * erased customer is neither written nor locked; the rows it writes are taken in key order, so that two consumers
     * never wait for each other in a cycle.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void rememberLocales(Map<String, String> latest) {
        List<String> customers = new ArrayList<>();
        List<String> locales = new ArrayList<>();
        latest.forEach((customer, locale) -> {
            if (customer != null && locale != null) {
                customers.add(customer);
                locales.add(locale);
            }
        });
        if (customers.isEmpty()) {
            return;
        }
        sql.update("insert into customer_profile (customer_id, locale) select x.c, x.l from unnest(?::text[], ?::text[]) "
                + "as x(c, l) where not exists (select 1 from customer_profile p where p.customer_id = x.c and (p.locale = x.l "
                + "or p.erased_at is not null)) order by x.c on conflict (customer_id) do update set locale = excluded.locale "
                + "where customer_profile.erased_at is null", Sql.texts(customers), Sql.texts(locales));
    }
}
