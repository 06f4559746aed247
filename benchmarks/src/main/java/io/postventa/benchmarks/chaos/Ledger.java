package io.postventa.benchmarks.chaos;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;

/**
 * What went in during the fault run, as its clients know it: every inbound event published (its id, and whether
 * Kafka acknowledged it), every contact, return request and survey answer posted (the idempotency key it was
 * posted with, every answer it got, including those of the retries). Thread-safe; compared with what came out by
 * {@link Reconciliation}.
 */
public final class Ledger {
    /** An event published on an inbound topic. */
    public static final class Inbound {
        final String id;
        final String topic;
        final String key;
        final String type;
        volatile boolean acked;
        final AtomicLong sends = new AtomicLong();

        Inbound(String id, String topic, String key, String type) {
            this.id = id;
            this.topic = topic;
            this.key = key;
            this.type = type;
        }
    }

    /** A request posted until it got a final answer: the ids it answered with, attempt after attempt. */
    public static final class Request {
        final String key;
        final String about;
        final AtomicLong attempts = new AtomicLong();
        final List<String> answeredIds = new CopyOnWriteArrayList<>();
        volatile int finalStatus;
        volatile String finalBody;

        Request(String key, String about) {
            this.key = key;
            this.about = about;
        }

        boolean created() {
            return finalStatus / 100 == 2;
        }
    }

    final Map<String, Inbound> inbound = new ConcurrentHashMap<>();
    /** Contacts by idempotency key; {@code answeredIds} holds "contactId/ticketId" per answer. */
    final Map<String, Request> contacts = new ConcurrentHashMap<>();
    /** Return requests by idempotency key; {@code answeredIds} holds the return id of each answer. */
    final Map<String, Request> returns = new ConcurrentHashMap<>();
    /** Survey answers by survey id. */
    final Map<String, Request> surveyAnswers = new ConcurrentHashMap<>();
    /** Surveys the shoppers were invited to (each id once, however often the invitation was read). */
    final Set<String> invitations = ConcurrentHashMap.newKeySet();
    final AtomicLong httpRetries = new AtomicLong();
    final AtomicLong produceRetries = new AtomicLong();
    final AtomicLong orders = new AtomicLong();
    final AtomicLong customers = new AtomicLong();

    Inbound published(String id, String topic, String key, String type) {
        return inbound.computeIfAbsent(id, i -> new Inbound(id, topic, key, type));
    }

    /** Totals for the report. */
    public Map<String, Object> summary() {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("orders", orders.get());
        out.put("customers", customers.get());
        out.put("inboundEvents", inbound.size());
        out.put("inboundEventsAcknowledged", inbound.values().stream().filter(i -> i.acked).count());
        out.put("inboundResends", produceRetries.get());
        out.put("contactsPosted", contacts.size());
        out.put("contactsCreated", contacts.values().stream().filter(Request::created).count());
        out.put("returnsRequested", returns.size());
        out.put("returnsCreated", returns.values().stream().filter(Request::created).count());
        out.put("surveysInvited", invitations.size());
        out.put("surveyAnswersPosted", surveyAnswers.size());
        out.put("surveyAnswersTaken", surveyAnswers.values().stream().filter(Request::created).count());
        out.put("httpRetries", httpRetries.get());
        return out;
    }
}
