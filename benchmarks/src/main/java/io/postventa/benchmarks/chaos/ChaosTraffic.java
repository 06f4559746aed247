package io.postventa.benchmarks.chaos;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;

import com.fasterxml.jackson.databind.JsonNode;

import io.postventa.demo.Storefront;
import io.postventa.devstack.DevTokens;
import io.postventa.devstack.PlatformService;
import io.postventa.events.CloudEventHeaders;
import io.postventa.events.EventJson;
import io.postventa.events.EventType;
import io.postventa.events.Topics;
import io.postventa.events.customers.CustomerUpserted;
import io.postventa.events.feedback.SurveyInvited;
import io.postventa.events.orders.OrderLifecycleEvent;

/**
 * The fault run's traffic: the demo's simulated store ({@link Storefront}, the same seed makes the same customers,
 * orders, contacts and returns) played at a fixed rate of inbound events through the public contracts only, by
 * clients that behave as good clients do when the platform is failing: a record Kafka did not acknowledge is sent
 * again (same event id), a request that got no answer, a 5xx or 503 is posted again with the same
 * {@code Idempotency-Key} until it gets a final one, and survey invitations are answered through their link. Every
 * one of them is written down in the {@link Ledger}.
 */
public final class ChaosTraffic implements AutoCloseable {
    /** Inbound facts per order on average, its customer record included (as the demo counts). */
    static final double EVENTS_PER_ORDER = 7.4;
    private static final String CE_SOURCE = "/platforms/chaos-shop";
    /** How long a client keeps posting one request before it gives up and the request counts as not taken. */
    private static final Duration GIVE_UP_AFTER = Duration.ofMinutes(10);
    /** A return asked before returns-service knows the delivery is refused (404/422): tried again, 3 s apart. */
    private static final int RETURN_ATTEMPTS_NOT_DELIVERED = 60;

    private final Ledger ledger;
    private final Storefront store;
    private final long seed;
    private final KafkaProducer<String, byte[]> producer;
    private final ScheduledExecutorService clock = Executors.newScheduledThreadPool(2, daemon("chaos-clock"));
    private final ExecutorService publisher = Executors.newSingleThreadExecutor(daemon("chaos-publisher"));
    private final ExecutorService callers = Executors.newFixedThreadPool(8, daemon("chaos-http"));
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(2)).build();
    private final Map<String, String> tokens = new ConcurrentHashMap<>();
    private final Set<String> known = ConcurrentHashMap.newKeySet();
    private final AtomicLong pending = new AtomicLong();
    private final AtomicBoolean running = new AtomicBoolean(true);
    private final AtomicBoolean ordering = new AtomicBoolean(true);
    private final Thread surveyWatcher;
    private final int answerPercent;

    /**
     * @param answerPercent share of survey invitations the shoppers answer (the choice is a hash of the survey id,
     *                      so the same run answers the same ones)
     */
    public ChaosTraffic(String bootstrapServers, Ledger ledger, long seed, String runId, int answerPercent) {
        this.ledger = ledger;
        this.seed = seed;
        this.store = new Storefront(seed, runId);
        this.answerPercent = answerPercent;
        Properties p = new Properties();
        p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        p.put(ProducerConfig.ACKS_CONFIG, "all");
        p.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, "true");
        p.put(ProducerConfig.LINGER_MS_CONFIG, "5");
        // a broker that is down for longer makes the send fail: the record is then sent again, as a platform would
        p.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, "30000");
        p.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, "10000");
        p.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, "30000");
        p.put(ProducerConfig.CLIENT_ID_CONFIG, "chaos-storefront");
        producer = new KafkaProducer<>(p, new StringSerializer(), new ByteArraySerializer());
        surveyWatcher = new Thread(() -> watchSurveys(bootstrapServers), "chaos-surveys");
        surveyWatcher.setDaemon(true);
        surveyWatcher.start();
    }

    /**
     * Starts orders at {@code eventsPerSecond} inbound events per second until {@link #stopOrdering()} (each order's
     * script then plays out over the next 15 to 40 seconds); returns when the last order has been started.
     */
    public void play(double eventsPerSecond) throws InterruptedException {
        double ordersPerTick = eventsPerSecond / EVENTS_PER_ORDER / 10;
        double credit = 0;
        long next = System.nanoTime();
        while (ordering.get() && running.get()) {
            credit += ordersPerTick;
            while (credit >= 1) {
                startOrder();
                credit -= 1;
            }
            // on schedule: a tick that ran late does not slow the rate down
            next += 100_000_000L;
            long wait = next - System.nanoTime();
            if (wait > 0) {
                Thread.sleep(wait / 1_000_000, (int) (wait % 1_000_000));
            }
        }
    }

    /** No new orders from now on; those under way play to their end. */
    public void stopOrdering() {
        ordering.set(false);
    }

    /** Waits until every step of every order was played and every request got its final answer. */
    public boolean awaitPlayed(Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (pending.get() > 0 || ledger.inbound.values().stream().anyMatch(i -> !i.acked)) {
            if (System.nanoTime() > deadline) {
                return false;
            }
            Thread.sleep(200);
        }
        return true;
    }

    /** Steps scheduled or requests under way. */
    public long pending() {
        return pending.get();
    }

    private void startOrder() {
        Instant now = Instant.now();
        Storefront.OrderScript script = store.nextOrder(now);
        ledger.orders.incrementAndGet();
        Storefront.Shopper shopper = script.shopper();
        if (known.add(shopper.customerId())) {
            ledger.customers.incrementAndGet();
            CustomerUpserted upserted = new CustomerUpserted(
                    UUID.nameUUIDFromBytes(("chaos-" + seed + "-" + shopper.customerId()).getBytes(StandardCharsets.UTF_8))
                            .toString(),
                    shopper.customerId(), now.minusSeconds(120), "chaos-shop", shopper.email(), shopper.phone(),
                    shopper.pushToken(), shopper.firstName(), shopper.lastName(), shopper.language(), "Europe/Madrid",
                    shopper.birthday(), null, shopper.consents());
            publish(EventType.CUSTOMER_UPSERTED, shopper.customerId(), upserted.eventId(), upserted.occurredAt(),
                    EventJson.toJsonBytes(upserted));
        }
        for (int i = 0; i < script.steps().size(); i++) {
            Storefront.Step step = script.steps().get(i);
            int index = i;
            pending.incrementAndGet();
            clock.schedule(() -> {
                try {
                    play(script, index, step.action());
                } finally {
                    pending.decrementAndGet();
                }
            }, step.at().toMillis(), TimeUnit.MILLISECONDS);
        }
    }

    /** Plays step {@code index} of an order's script (the index makes each request's idempotency key). */
    private void play(Storefront.OrderScript script, int index, Storefront.Action action) {
        if (action instanceof Storefront.Publish p) {
            OrderLifecycleEvent e = p.event();
            publish(EventType.of(e.eventType()), e.orderId(), e.eventId(), e.occurredAt(), EventJson.toJsonBytes(e));
        } else if (action instanceof Storefront.Contact c) {
            String key = UUID.nameUUIDFromBytes(("contact-" + seed + "-" + script.orderId() + "-" + index)
                    .getBytes(StandardCharsets.UTF_8)).toString();
            Ledger.Request request = ledger.contacts.computeIfAbsent(key, k -> new Ledger.Request(k, script.orderId()));
            call(() -> contact(script.shopper(), c, request));
        } else if (action instanceof Storefront.RequestReturn r && !r.lines().isEmpty()) {
            String key = r.orderId() + "-return";
            Ledger.Request request = ledger.returns.computeIfAbsent(key, k -> new Ledger.Request(k, r.orderId()));
            call(() -> requestReturn(script.shopper(), r, request));
        }
    }

    // ---- Kafka: sent until acknowledged ----

    private void publish(EventType type, String key, String id, Instant time, byte[] value) {
        Ledger.Inbound entry = ledger.published(id, type.topic(), key, type.ceType());
        ProducerRecord<String, byte[]> record = new ProducerRecord<>(type.topic(), key, value);
        record.headers().add(CloudEventHeaders.SPEC_VERSION, bytes(CloudEventHeaders.SPEC_VERSION_1_0))
                .add(CloudEventHeaders.ID, bytes(id))
                .add(CloudEventHeaders.TYPE, bytes(type.ceType()))
                .add(CloudEventHeaders.SOURCE, bytes(CE_SOURCE))
                .add(CloudEventHeaders.TIME, bytes(time.toString()))
                .add(CloudEventHeaders.SUBJECT, bytes(key))
                .add(CloudEventHeaders.CONTENT_TYPE, bytes(CloudEventHeaders.APPLICATION_JSON));
        send(entry, record);
    }

    private void send(Ledger.Inbound entry, ProducerRecord<String, byte[]> record) {
        pending.incrementAndGet();
        publisher.execute(() -> {
            entry.sends.incrementAndGet();
            try {
                producer.send(record, (metadata, error) -> {
                    if (error == null) {
                        entry.acked = true;
                        pending.decrementAndGet();
                    } else {
                        resendLater(entry, record);
                    }
                });
            } catch (RuntimeException e) {
                resendLater(entry, record);
            }
        });
    }

    private void resendLater(Ledger.Inbound entry, ProducerRecord<String, byte[]> record) {
        ledger.produceRetries.incrementAndGet();
        try {
            clock.schedule(() -> {
                pending.decrementAndGet();
                send(entry, record);
            }, 1, TimeUnit.SECONDS);
        } catch (java.util.concurrent.RejectedExecutionException e) {
            pending.decrementAndGet();
        }
    }

    // ---- HTTP: posted again with the same idempotency key until a final answer ----

    private void call(Runnable request) {
        pending.incrementAndGet();
        callers.execute(() -> {
            try {
                request.run();
            } finally {
                pending.decrementAndGet();
            }
        });
    }

    private void contact(Storefront.Shopper shopper, Storefront.Contact c, Ledger.Request request) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("channel", c.channel());
        String token;
        switch (c.channel()) {
            case WEB_FORM, CHAT -> {
                token = token("customer", shopper.customerId());
                body.put("customerId", shopper.customerId());
            }
            case PHONE -> {
                token = token("platform", "chaos-telephony");
                if (shopper.phone() != null) {
                    body.put("phone", shopper.phone());
                } else {
                    body.put("email", shopper.email());
                }
            }
            default -> {
                token = token("platform", "chaos-inbox");
                body.put("email", shopper.email());
            }
        }
        body.put("orderId", c.orderId());
        body.put("subject", c.subject());
        body.put("message", c.message());
        body.put("ivrOption", c.ivrOption());
        HttpResponse<String> r = postUntilFinal(PlatformService.TICKET, "/api/v1/contacts", token, body,
                Map.of("Idempotency-Key", request.key), request, false);
        if (r != null && r.statusCode() / 100 == 2) {
            JsonNode view = EventJson.readTree(r.body());
            request.answeredIds.add(view.path("contactId").asText() + "/" + view.path("ticketId").asText());
        }
    }

    private void requestReturn(Storefront.Shopper shopper, Storefront.RequestReturn ret, Ledger.Request request) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("orderId", ret.orderId());
        body.put("lines", ret.lines().stream().map(l -> Map.of("sku", l.sku(), "quantity", l.quantity(),
                "reason", l.reason())).toList());
        body.put("preferredResolution", ret.resolution());
        body.put("comment", ret.comment());
        HttpResponse<String> r = postUntilFinal(PlatformService.RETURNS, "/api/v1/returns",
                token("customer", shopper.customerId()), body,
                Map.of("Idempotency-Key", request.key, "Accept-Language", shopper.language()), request, true);
        if (r != null && r.statusCode() / 100 == 2) {
            request.answeredIds.add(EventJson.readTree(r.body()).path("returnId").asText());
        }
    }

    private void answer(SurveyInvited invited, Ledger.Request request) {
        Map<String, Object> body = new LinkedHashMap<>();
        int h = Math.floorMod((invited.surveyId() + seed).hashCode(), 1000);
        body.put("score", invited.kind() == io.postventa.events.feedback.SurveyKind.NPS ? h % 11 : 1 + h % 5);
        if (h % 3 == 0) {
            body.put("comment", "es".equals(invited.locale()) ? "Todo bien, gracias" : "All good, thanks");
        }
        if (invited.kind() != io.postventa.events.feedback.SurveyKind.NPS && 1 + h % 5 <= 2) {
            body.put("lowScoreReason", "NOT_RESOLVED");
        }
        HttpResponse<String> r = postUntilFinal(PlatformService.FEEDBACK, "/api/v1/surveys/" + invited.token() + "/answers",
                null, body, Map.of(), request, false);
        if (r != null && r.statusCode() == 410 && r.body().contains("already answered")) {
            // an earlier attempt was taken but its answer lost in a crash: answered once
            request.finalStatus = 201;
        }
    }

    /**
     * Posts until the answer is final: no answer, 5xx, 429 and (for returns, while returns-service does not know the
     * delivery yet) 404 and 422 are tried again with the same body and headers, 1 s doubling to 10 s apart.
     */
    private HttpResponse<String> postUntilFinal(PlatformService service, String path, String token, Object body,
            Map<String, String> headers, Ledger.Request request, boolean notDeliveredYetIsRetried) {
        long giveUp = System.nanoTime() + GIVE_UP_AFTER.toNanos();
        long backoff = 1000;
        int notDelivered = 0;
        while (true) {
            request.attempts.incrementAndGet();
            HttpResponse<String> r = post(service, path, token, body, headers);
            int status = r == null ? 0 : r.statusCode();
            boolean retry = status == 0 || status / 100 == 5 || status == 429
                    || (notDeliveredYetIsRetried && (status == 404 || status == 422)
                            && ++notDelivered < RETURN_ATTEMPTS_NOT_DELIVERED);
            if (!retry || System.nanoTime() > giveUp || !running.get()) {
                request.finalStatus = status;
                request.finalBody = r == null ? null : abbreviate(r.body());
                return r;
            }
            ledger.httpRetries.incrementAndGet();
            sleep(status == 404 || status == 422 ? 3000 : backoff);
            backoff = Math.min(backoff * 2, 10_000);
        }
    }

    private HttpResponse<String> post(PlatformService service, String path, String token, Object body,
            Map<String, String> headers) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(service.url() + path))
                .timeout(Duration.ofSeconds(15))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(EventJson.toJson(body)));
        if (token != null) {
            b.header("Authorization", "Bearer " + token);
        }
        headers.forEach(b::header);
        try {
            return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        } catch (Exception e) {
            return null;
        }
    }

    // ---- surveys: the invitations on feedback.v1, answered through their link ----

    private void watchSurveys(String bootstrapServers) {
        Properties p = new Properties();
        p.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        p.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        p.put(ConsumerConfig.CLIENT_ID_CONFIG, "chaos-survey-reader");
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(p, new StringDeserializer(),
                new StringDeserializer())) {
            List<TopicPartition> partitions = consumer.partitionsFor(Topics.FEEDBACK, Duration.ofSeconds(60)).stream()
                    .map(i -> new TopicPartition(i.topic(), i.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            while (running.get()) {
                for (ConsumerRecord<String, String> r : consumer.poll(Duration.ofMillis(500))) {
                    Header type = r.headers().lastHeader(CloudEventHeaders.TYPE);
                    if (type == null || r.value() == null || !EventType.SURVEY_INVITED.ceType()
                            .equals(new String(type.value(), StandardCharsets.UTF_8))) {
                        continue;
                    }
                    SurveyInvited invited = EventJson.fromJson(r.value(), SurveyInvited.class);
                    if (!known.contains(invited.customerId()) || !ledger.invitations.add(invited.surveyId())) {
                        continue; // not one of ours, or a copy of an invitation already read
                    }
                    if (Math.floorMod((invited.surveyId() + seed).hashCode(), 100) < answerPercent) {
                        Ledger.Request request = ledger.surveyAnswers.computeIfAbsent(invited.surveyId(),
                                k -> new Ledger.Request(k, invited.customerId()));
                        pending.incrementAndGet();
                        clock.schedule(() -> {
                            pending.decrementAndGet();
                            call(() -> answer(invited, request));
                        }, 2, TimeUnit.SECONDS);
                    }
                }
            }
        } catch (WakeupException | org.apache.kafka.common.errors.InterruptException e) {
            // closing
        } catch (RuntimeException e) {
            if (running.get()) {
                System.err.println("[chaos] the survey reader stopped: " + e);
            }
        }
    }

    // ---- plumbing ----

    private String token(String role, String subject) {
        return tokens.computeIfAbsent(role + ":" + subject, k -> DevTokens.token(role, subject, null, Duration.ofHours(6)));
    }

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    private static String abbreviate(String s) {
        return s == null || s.length() <= 300 ? s : s.substring(0, 300) + "...";
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static java.util.concurrent.ThreadFactory daemon(String name) {
        return r -> {
            Thread t = new Thread(r, name);
            t.setDaemon(true);
            return t;
        };
    }

    @Override
    public void close() {
        running.set(false);
        clock.shutdownNow();
        callers.shutdownNow();
        publisher.shutdownNow();
        producer.close(Duration.ofSeconds(5));
        try {
            surveyWatcher.join(3000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
