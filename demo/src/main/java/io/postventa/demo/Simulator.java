package io.postventa.demo;

import com.fasterxml.jackson.databind.JsonNode;
import io.postventa.devstack.DevTokens;
import io.postventa.devstack.PlatformService;
import io.postventa.devstack.StackState;
import io.postventa.events.CloudEventHeaders;
import io.postventa.events.EventJson;
import io.postventa.events.EventType;
import io.postventa.events.Topics;
import io.postventa.events.common.ContactReason;
import io.postventa.events.contacts.TicketCreated;
import io.postventa.events.customers.CustomerUpserted;
import io.postventa.events.feedback.SurveyInvited;
import io.postventa.events.feedback.SurveyKind;
import io.postventa.events.orders.OrderLifecycleEvent;
import io.postventa.events.orders.OrderLifecycleEventType;
import io.postventa.events.returns.ReturnDecided;
import io.postventa.events.returns.ReturnOutcome;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * Plays the storefront's scripts against a running stack through its public contracts only: facts on
 * {@code orders.lifecycle.v1} and {@code customers.v1}, contacts, returns and survey answers through the services'
 * APIs. It also plays the store's staff where the platform expects a person (agents answer tickets and review
 * risky returns, the warehouse reports returned parcels), and watches the services' topics to count what they do.
 */
final class Simulator implements AutoCloseable {
    /** Topics whose events the demo counts. */
    static final List<String> WATCHED = List.of(Topics.ORDER_STATUS, Topics.RETURN_REQUESTS, Topics.RETURN_DECISIONS,
            Topics.CONTACTS, Topics.NOTIFICATIONS, Topics.FEEDBACK);
    private static final String CE_SOURCE = "/platforms/" + Storefront.SOURCE;
    /** How often a return request refused because the delivery is not known yet is tried, 3 s apart. */
    private static final int RETURN_ATTEMPTS = 20;

    final Tally tally = new Tally();
    private final StackState stack;
    private final Storefront store;
    private final Random random;
    private final KafkaProducer<String, byte[]> producer;
    private final Admin admin;
    private final HttpClient http = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1) // no h2c upgrade: it made Vert.x drop some requests (EOF)
            .connectTimeout(Duration.ofSeconds(2)).build();
    private final ScheduledExecutorService clock = Executors.newScheduledThreadPool(2, daemon("demo-clock"));
    private final ExecutorService callers = Executors.newFixedThreadPool(6, daemon("demo-http"));
    private final Thread watcher;
    private final AtomicBoolean running = new AtomicBoolean(true);
    private final Map<String, Storefront.Shopper> shoppers = new ConcurrentHashMap<>();
    private final Map<String, Storefront.OrderScript> orders = new ConcurrentHashMap<>();
    private final Map<String, Storefront.RequestReturn> returnsById = new ConcurrentHashMap<>();
    private final Set<String> solvedTickets = ConcurrentHashMap.newKeySet();
    private final Map<String, String> tokens = new ConcurrentHashMap<>();
    private final Deque<String> errors = new ConcurrentLinkedDeque<>();
    private volatile Map<String, Long> lag = Map.of();

    Simulator(StackState stack, long seed, String runId) {
        this.stack = stack;
        this.store = new Storefront(seed, runId);
        this.random = new Random(seed ^ 0x5DEECE66DL);
        Properties p = new Properties();
        p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, stack.kafkaBootstrapServers());
        p.put(ProducerConfig.ACKS_CONFIG, "all");
        p.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, "true");
        p.put(ProducerConfig.LINGER_MS_CONFIG, "5");
        p.put(ProducerConfig.CLIENT_ID_CONFIG, "postventa-demo-storefront");
        this.producer = new KafkaProducer<>(p, new StringSerializer(), new ByteArraySerializer());
        Properties a = new Properties();
        a.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, stack.kafkaBootstrapServers());
        this.admin = Admin.create(a);
        KafkaConsumer<String, byte[]> consumer = watcherConsumer();
        this.watcher = new Thread(() -> watch(consumer), "demo-watcher");
        this.watcher.setDaemon(true);
        this.watcher.start();
        clock.scheduleWithFixedDelay(this::measureLag, 0, 2, TimeUnit.SECONDS);
    }

    /** Starts one more order: its customer record first when new, then its script steps at their times. */
    void startOrder() {
        Instant now = Instant.now();
        Storefront.OrderScript script = store.nextOrder(now);
        orders.put(script.orderId(), script);
        Storefront.Shopper shopper = script.shopper();
        tally.add("fate." + script.fate());
        if (shoppers.putIfAbsent(shopper.customerId(), shopper) == null) {
            CustomerUpserted upserted = shopper.upserted(now.minusSeconds(120));
            publish(EventType.CUSTOMER_UPSERTED, shopper.customerId(), upserted.eventId(), upserted.occurredAt(),
                    EventJson.toJsonBytes(upserted));
            tally.add("pub.customers");
            tally.add("lang." + shopper.language());
        }
        for (Storefront.Step step : script.steps()) {
            clock.schedule(() -> play(script, step.action()), step.at().toMillis(), TimeUnit.MILLISECONDS);
        }
    }

    private void play(Storefront.OrderScript script, Storefront.Action action) {
        if (!running.get()) {
            return;
        }
        if (action instanceof Storefront.Publish p) {
            OrderLifecycleEvent e = p.event();
            publish(EventType.of(e.eventType()), e.orderId(), e.eventId(), e.occurredAt(), EventJson.toJsonBytes(e));
            tally.add("pub.lifecycle");
            if (e.eventType() == OrderLifecycleEventType.ORDER_PLACED) {
                tally.add("pub.orders");
            }
        } else if (action instanceof Storefront.Contact c) {
            callers.execute(() -> contact(script.shopper(), c));
        } else if (action instanceof Storefront.RequestReturn r && !r.lines().isEmpty()) {
            callers.execute(() -> requestReturn(script.shopper(), r, 0));
        }
    }

    private void publish(EventType type, String key, String id, Instant time, byte[] value) {
        ProducerRecord<String, byte[]> record = new ProducerRecord<>(type.topic(), key, value);
        record.headers().add(CloudEventHeaders.SPEC_VERSION, bytes(CloudEventHeaders.SPEC_VERSION_1_0))
                .add(CloudEventHeaders.ID, bytes(id))
                .add(CloudEventHeaders.TYPE, bytes(type.ceType()))
                .add(CloudEventHeaders.SOURCE, bytes(CE_SOURCE))
                .add(CloudEventHeaders.TIME, bytes(time.toString()))
                .add(CloudEventHeaders.SUBJECT, bytes(key))
                .add(CloudEventHeaders.CONTENT_TYPE, bytes(CloudEventHeaders.APPLICATION_JSON));
        producer.send(record, (md, error) -> {
            if (error != null) {
                error("publish " + type.ceType() + ": " + error.getMessage());
            }
        });
    }

    // ---- the customer ----

    private void contact(Storefront.Shopper shopper, Storefront.Contact c) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("channel", c.channel());
        String token;
        switch (c.channel()) {
            case WEB_FORM, CHAT -> {
                // Signed in on the website: the customer writes as themselves.
                token = token("customer", shopper.customerId());
                body.put("customerId", shopper.customerId());
            }
            case PHONE -> {
                // The contact centre's telephony platform hands the call over with the caller's number.
                token = token("platform", "demo-telephony");
                if (shopper.phone() != null) {
                    body.put("phone", shopper.phone());
                } else {
                    body.put("email", shopper.email());
                }
            }
            default -> {
                // The mailbox or the social inbox: only the sender's address is known.
                token = token("platform", "demo-inbox");
                body.put("email", shopper.email());
            }
        }
        body.put("orderId", c.orderId());
        body.put("subject", c.subject());
        body.put("message", c.message());
        body.put("ivrOption", c.ivrOption());
        HttpResponse<String> r = post(PlatformService.TICKET, "/api/v1/contacts", token, body,
                Map.of("Idempotency-Key", UUID.randomUUID().toString()));
        count("api.contacts", r, "POST /api/v1/contacts");
        if (r != null && r.statusCode() == 201) {
            tally.add("contact.channel." + c.channel());
            tally.add("contact.intended." + c.intended());
        }
    }

    private void requestReturn(Storefront.Shopper shopper, Storefront.RequestReturn ret, int attempt) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("orderId", ret.orderId());
        body.put("lines", ret.lines().stream().map(l -> Map.of("sku", l.sku(), "quantity", l.quantity(),
                "reason", l.reason())).toList());
        body.put("preferredResolution", ret.resolution());
        body.put("comment", ret.comment());
        HttpResponse<String> r = post(PlatformService.RETURNS, "/api/v1/returns", token("customer", shopper.customerId()),
                body, Map.of("Idempotency-Key", ret.orderId() + "-return", "Accept-Language", shopper.language()));
        if (r != null && (r.statusCode() == 422 || r.statusCode() == 404) && attempt < RETURN_ATTEMPTS) {
            // returns-service learns the delivery from order-status.v1 after the parcel arrived: a moment on a quiet
            // host, tens of seconds while five cold services share two cores. The customer tries again later.
            try {
                clock.schedule(() -> callers.execute(() -> requestReturn(shopper, ret, attempt + 1)), 3, TimeUnit.SECONDS);
                return;
            } catch (java.util.concurrent.RejectedExecutionException e) {
                // the run is over: this last refusal is counted below like any other
            }
        }
        count("api.returns", r, "POST /api/v1/returns");
        if (r != null && (r.statusCode() == 201 || r.statusCode() == 200)) {
            JsonNode view = EventJson.readTree(r.body());
            returnsById.put(view.path("returnId").asText(), ret);
            tally.add(ret.risky() ? "returns.risky" : "returns.ordinary");
        }
    }

    private void answerSurvey(SurveyInvited invited) {
        Storefront.Shopper shopper = shoppers.get(invited.customerId());
        boolean es = shopper == null || "es".equals(shopper.language());
        boolean unhappy = invited.context() != null && (Boolean.TRUE.equals(invited.context().delayed())
                || invited.context().ticketReason() == ContactReason.DAMAGED_ITEM);
        Map<String, Object> body = new LinkedHashMap<>();
        int score;
        if (invited.kind() == SurveyKind.NPS) {
            score = unhappy ? random.nextInt(8) : 6 + random.nextInt(5);
        } else {
            score = unhappy ? 1 + random.nextInt(3) : 3 + random.nextInt(3);
            if (score <= 2) {
                body.put("lowScoreReason", invited.context() != null && Boolean.TRUE.equals(invited.context().delayed())
                        ? "LATE_DELIVERY" : "NOT_RESOLVED");
            }
        }
        body.put("score", score);
        if (random.nextInt(100) < 40) {
            boolean good = invited.kind() == SurveyKind.NPS ? score >= 9 : score >= 4;
            List<String> comments = es ? (good ? Texts.PRAISE_ES : Texts.COMPLAINT_ES)
                    : (good ? Texts.PRAISE_EN : Texts.COMPLAINT_EN);
            body.put("comment", comments.get(random.nextInt(comments.size())));
        }
        HttpResponse<String> r = post(PlatformService.FEEDBACK, "/api/v1/surveys/" + invited.token() + "/answers", null,
                body, Map.of());
        count("api.answers", r, "POST /api/v1/surveys/{token}/answers");
    }

    // ---- the store's staff ----

    /** An agent answers a ticket a person has to look at and solves it; about one in five stays open for later. */
    private void answerTicket(TicketCreated ticket) {
        if (solvedTickets.contains(ticket.ticketId()) || random.nextInt(100) < 20) {
            return;
        }
        Storefront.Shopper shopper = ticket.customerId() == null ? null : shoppers.get(ticket.customerId());
        boolean es = shopper == null || "es".equals(shopper.language());
        ContactReason reason = ticket.reason() == null ? ContactReason.OTHER : ticket.reason();
        String template = (es ? Texts.AGENT_REPLY_ES : Texts.AGENT_REPLY_EN).getOrDefault(reason, es
                ? "Hola {name}, gracias por escribirnos: ya está resuelto. Si necesitas algo más, responde a este mensaje."
                : "Hi {name}, thanks for getting in touch: this is sorted now. Reply to this message if you need anything else.");
        Storefront.OrderScript order = ticket.orderId() == null ? null : orders.get(ticket.orderId());
        String product = order == null ? "" : order.lines().get(0).name();
        String text = new Texts.Message(null, template).fill(ticket.orderId(), product,
                shopper == null ? "" : shopper.firstName(), "").body();
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("body", text);
        body.put("internal", false);
        body.put("status", "SOLVED");
        HttpResponse<String> r = post(PlatformService.TICKET, "/api/v1/tickets/" + ticket.ticketId() + "/messages",
                token("agent", "agent-demo-" + (1 + random.nextInt(4))), body, Map.of());
        count("api.agent-replies", r, "POST /api/v1/tickets/{id}/messages");
    }

    /** An agent reviews a return the risk matrix sent to a person. */
    private void reviewReturn(ReturnDecided decided) {
        boolean approve = random.nextInt(100) < 70;
        Map<String, Object> body = Map.of("outcome", approve ? ReturnOutcome.APPROVED : ReturnOutcome.REJECTED, "note",
                approve ? "Revisado: cliente y producto en orden." : "Revisado: fuera de lo razonable para esta compra.");
        HttpResponse<String> r = post(PlatformService.RETURNS, "/api/v1/returns/" + decided.returnId() + "/review",
                token("agent", "agent-demo-returns"), body, Map.of());
        count("api.reviews", r, "POST /api/v1/returns/{id}/review");
    }

    /** The warehouse reports an approved refund return's way back: in transit, received, inspected, refunded. */
    private void returnParcel(String returnId, String step) {
        Storefront.RequestReturn ret = returnsById.get(returnId);
        if (ret == null) {
            return;
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("type", step);
        switch (step) {
            case "IN_TRANSIT" -> body.put("carrier", "Correos");
            case "RECEIVED" -> body.put("warehouseId", "WH-GETAFE");
            case "INSPECTED" -> body.put("inspectedLines", ret.lines().stream().map(l -> Map.of("sku", l.sku(),
                    "quantity", l.quantity(), "condition", "AS_NEW", "accepted", true)).toList());
            default -> body.put("refundMethod", "card");
        }
        HttpResponse<String> r = post(PlatformService.RETURNS, "/api/v1/returns/" + returnId + "/events",
                token("platform", "demo-warehouse"), body, Map.of());
        count("api.return-events", r, "POST /api/v1/returns/{id}/events");
        String next = switch (step) {
            case "IN_TRANSIT" -> "RECEIVED";
            case "RECEIVED" -> "INSPECTED";
            case "INSPECTED" -> "REFUNDED";
            default -> null;
        };
        if (next != null && r != null && r.statusCode() / 100 == 2) {
            later(3 + random.nextInt(3), () -> returnParcel(returnId, next));
        }
    }

    // ---- watching the platform ----

    private KafkaConsumer<String, byte[]> watcherConsumer() {
        Properties p = new Properties();
        p.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, stack.kafkaBootstrapServers());
        p.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        p.put(ConsumerConfig.CLIENT_ID_CONFIG, "postventa-demo-watcher");
        KafkaConsumer<String, byte[]> c = new KafkaConsumer<>(p, new StringDeserializer(), new ByteArrayDeserializer());
        List<TopicPartition> partitions = WATCHED.stream().flatMap(t -> c.partitionsFor(t).stream()
                .map(pi -> new TopicPartition(t, pi.partition()))).toList();
        c.assign(partitions);
        c.seekToEnd(partitions);
        partitions.forEach(c::position); // count only what happens from now on
        return c;
    }

    private void watch(KafkaConsumer<String, byte[]> consumer) {
        try (consumer) {
            while (running.get()) {
                for (ConsumerRecord<String, byte[]> r : consumer.poll(Duration.ofMillis(500))) {
                    try {
                        seen(r);
                    } catch (RuntimeException e) {
                        error("reading " + r.topic() + ": " + e.getMessage());
                    }
                }
            }
        } catch (org.apache.kafka.common.errors.InterruptException | org.apache.kafka.common.errors.WakeupException e) {
            // closing
        }
    }

    private void seen(ConsumerRecord<String, byte[]> r) {
        Header h = r.headers().lastHeader(CloudEventHeaders.TYPE);
        if (h == null || r.value() == null) {
            return;
        }
        String ceType = new String(h.value(), StandardCharsets.UTF_8);
        String name = ceType.replaceFirst("^postventa\\.", "").replaceFirst("\\.v\\d+$", "");
        tally.add("seen." + name);
        EventType type = EventType.fromCeType(ceType).orElse(null);
        if (type == null) {
            return;
        }
        switch (type) {
            case SURVEY_INVITED -> {
                SurveyInvited invited = EventJson.fromJson(r.value(), SurveyInvited.class);
                if (shoppers.containsKey(invited.customerId()) && random.nextInt(100) < 85) {
                    later(2 + random.nextInt(4), () -> answerSurvey(invited));
                }
            }
            case TICKET_CREATED -> {
                TicketCreated created = EventJson.fromJson(r.value(), TicketCreated.class);
                later(4 + random.nextInt(8), () -> answerTicket(created));
            }
            case TICKET_SOLVED -> solvedTickets.add(r.key());
            case RETURN_DECIDED -> {
                ReturnDecided decided = EventJson.fromJson(r.value(), ReturnDecided.class);
                tally.add("decided." + decided.outcome() + "." + decided.decidedBy());
                if (decided.outcome() == ReturnOutcome.REVIEW && returnsById.containsKey(decided.returnId())) {
                    later(4 + random.nextInt(6), () -> reviewReturn(decided));
                } else if (decided.outcome() == ReturnOutcome.APPROVED && returnsById.containsKey(decided.returnId())
                        && returnsById.get(decided.returnId()).resolution()
                                == io.postventa.events.returns.ReturnResolution.REFUND) {
                    later(3 + random.nextInt(3), () -> returnParcel(decided.returnId(), "IN_TRANSIT"));
                }
            }
            default -> {
            }
        }
    }

    private void measureLag() {
        try {
            // Each service consumes in a group named after it.
            Map<String, Long> out = new java.util.TreeMap<>();
            Map<TopicPartition, OffsetSpec> wanted = new LinkedHashMap<>();
            Map<String, Map<TopicPartition, OffsetAndMetadata>> committed = new LinkedHashMap<>();
            for (PlatformService service : PlatformService.all()) {
                Map<TopicPartition, OffsetAndMetadata> offsets = admin.listConsumerGroupOffsets(service.serviceName())
                        .partitionsToOffsetAndMetadata().get(5, TimeUnit.SECONDS);
                committed.put(service.serviceName(), offsets);
                offsets.keySet().forEach(tp -> wanted.put(tp, OffsetSpec.latest()));
            }
            var ends = admin.listOffsets(wanted).all().get(5, TimeUnit.SECONDS);
            committed.forEach((group, offsets) -> out.put(group, offsets.entrySet().stream()
                    .filter(e -> e.getValue() != null && ends.containsKey(e.getKey()))
                    .mapToLong(e -> Math.max(0, ends.get(e.getKey()).offset() - e.getValue().offset())).sum()));
            lag = out;
        } catch (Exception e) {
            // lag is informative only; try again at the next tick
        }
    }

    Map<String, Long> lag() {
        return lag;
    }

    List<String> recentErrors() {
        return new ArrayList<>(errors);
    }

    // ---- plumbing ----

    private HttpResponse<String> post(PlatformService service, String path, String token, Object body,
            Map<String, String> headers) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(service.url() + path))
                .timeout(Duration.ofSeconds(10))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(EventJson.toJson(body)));
        if (token != null) {
            b.header("Authorization", "Bearer " + token);
        }
        headers.forEach(b::header);
        try {
            return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
        } catch (Exception e) {
            error(service.serviceName() + " " + path + ": " + e);
            return null;
        }
    }

    private void count(String name, HttpResponse<String> r, String what) {
        if (r != null && r.statusCode() / 100 == 2) {
            tally.add(name + ".ok");
        } else {
            tally.add(name + ".failed");
            if (r != null) {
                String body = r.body() == null ? "" : r.body();
                error(what + " -> " + r.statusCode() + " " + body.substring(0, Math.min(200, body.length())));
            }
        }
    }

    private void error(String message) {
        tally.add("errors");
        errors.addLast(message);
        while (errors.size() > 5) {
            errors.pollFirst();
        }
    }

    private void later(int seconds, Runnable task) {
        if (running.get()) {
            clock.schedule(() -> callers.execute(task), seconds, TimeUnit.SECONDS);
        }
    }

    private String token(String role, String subject) {
        return tokens.computeIfAbsent(role + ":" + subject,
                k -> DevTokens.token(role, subject, null, Duration.ofHours(2)));
    }

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
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
        producer.close(Duration.ofSeconds(5));
        try {
            watcher.join(3000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        admin.close(Duration.ofSeconds(2));
    }

    static String describe(Map<String, Long> m) {
        return m.entrySet().stream().map(e -> e.getKey() + " " + e.getValue()).collect(Collectors.joining(", "));
    }
}
