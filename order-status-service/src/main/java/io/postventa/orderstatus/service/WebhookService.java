package io.postventa.orderstatus.service;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.eclipse.microprofile.config.Config;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.postventa.events.EventJson;
import io.postventa.events.EventType;
import io.postventa.events.SchemaValidator;
import io.postventa.events.SchemaViolation;
import io.postventa.events.orders.OrderLifecycleEvent;
import io.postventa.events.orders.OrderLifecycleEventType;
import io.postventa.orderstatus.config.OrderStatusConfig;
import io.postventa.orderstatus.domain.FieldProblem;
import io.postventa.orderstatus.domain.LifecycleEventRules;
import io.postventa.orderstatus.domain.TrackedOrder;
import io.postventa.messaging.outbox.Outbox;
import io.postventa.messaging.inbox.Inbox;
import io.postventa.web.Problem;
import io.postventa.web.ProblemException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

/**
 * The HTTP ingestion edge: checks a platform's signature and its event, then writes the event through the outbox
 * to the same topic platforms write to, so one consumer handles both paths. Retries with the same eventId are
 * accepted once.
 */
@ApplicationScoped
public class WebhookService {
    private final Outbox outbox;
    private final Inbox inbox;
    private final Clock clock;
    private final OrderStatusConfig settings;
    private final Config config;
    private final WebhookReplayGuard replays;
    private final SchemaValidator validator = new SchemaValidator();

    public WebhookService(Outbox outbox, Inbox inbox, Clock clock, OrderStatusConfig settings, Config config,
            WebhookReplayGuard replays) {
        this.replays = replays;
        this.outbox = outbox;
        this.inbox = inbox;
        this.clock = clock;
        this.settings = settings;
        this.config = config;
    }

    /** What happened to a webhook call. */
    public record Receipt(String eventId, String key, String topic, String outcome) {
    }

    /**
     * 401 unless the call carries the platform's signature of its timestamp and body, signed within the tolerance
     * ({@code postventa.order-status.webhook-tolerance}); 409 when the same signature was accepted before (a replay
     * inside the tolerance, {@link WebhookReplayGuard}); platforms without a configured secret are not checked.
     */
    public void verifySignature(String platformId, byte[] body, String signature, String timestamp) {
        Optional<String> secret = config.getOptionalValue("postventa.webhooks.secret." + platformId, String.class);
        if (secret.isEmpty()) {
            return;
        }
        if (timestamp == null || timestamp.isBlank()) {
            throw unauthorized(WebhookSignature.TIMESTAMP_HEADER, "is required");
        }
        long seconds;
        try {
            seconds = Long.parseLong(timestamp.trim());
        } catch (NumberFormatException e) {
            throw unauthorized(WebhookSignature.TIMESTAMP_HEADER, "must be the signing time in unix seconds");
        }
        long skew = Math.abs(clock.instant().getEpochSecond() - seconds);
        if (skew > settings.webhookTolerance().toSeconds()) {
            throw unauthorized(WebhookSignature.TIMESTAMP_HEADER, "is " + skew + " s away from now; sign each call"
                    + " when it is sent (at most " + settings.webhookTolerance().toSeconds() + " s apart)");
        }
        if (signature == null) {
            throw unauthorized(WebhookSignature.HEADER, "is required");
        }
        if (!WebhookSignature.matches(secret.get(), seconds, body, signature)) {
            throw unauthorized(WebhookSignature.HEADER, "does not match the timestamp and body");
        }
        // a matching signature inside the tolerance may still be a captured call sent again: each is accepted once
        replays.firstUse(platformId, signature.trim().toLowerCase(java.util.Locale.ROOT),
                Instant.ofEpochSecond(seconds).plus(settings.webhookTolerance()));
    }

    private static ProblemException unauthorized(String header, String message) {
        return new ProblemException(401, "Unauthorized", header + " " + message + ": sign <timestamp>.<raw body> with"
                + " HMAC-SHA256 and the platform's secret", List.of(new Problem.FieldError(header, message)));
    }

    /** The body as a JSON object, or 400. */
    public static ObjectNode object(byte[] body) {
        JsonNode tree;
        try {
            tree = EventJson.readTree(new String(body, java.nio.charset.StandardCharsets.UTF_8));
        } catch (RuntimeException e) {
            throw ProblemException.badField("body", "is not valid JSON");
        }
        if (tree == null || !tree.isObject()) {
            throw ProblemException.badField("body", "must be a JSON object");
        }
        return (ObjectNode) tree;
    }

    /** Validates an order event (400 naming each bad field) and writes it to orders.lifecycle.v1. */
    @Transactional
    public Receipt acceptOrderEvent(String platformId, ObjectNode tree) {
        EventType type = orderEventType(tree);
        requireValid(type, tree);
        OrderLifecycleEvent event = EventJson.fromTree(tree, OrderLifecycleEvent.class);
        List<FieldProblem> problems = new ArrayList<>(LifecycleEventRules.check(event, clock.instant(),
                settings.clockSkew(), settings.zone()));
        TrackedOrder order = TrackedOrder.findById(event.orderId());
        if (order != null) {
            problems.addAll(LifecycleEventRules.checkAgainstOrder(event, order.placedAt, settings.clockSkew()));
        }
        if (!problems.isEmpty()) {
            throw ProblemException.badFields(problems.stream().map(p -> new Problem.FieldError(p.field(), p.message())).toList());
        }
        if (!tree.hasNonNull("source")) {
            tree.put("source", platformId);
        }
        if (!inbox.firstDelivery(DedupeScopes.ORDER_WEBHOOK, event.eventId())) {
            return new Receipt(event.eventId(), event.orderId(), type.topic(), "duplicate");
        }
        outbox.publish(type, event.orderId(), tree, event.occurredAt());
        return new Receipt(event.eventId(), event.orderId(), type.topic(), "accepted");
    }

    /** Validates a customer record (400 naming each bad field) and writes it to customers.v1. */
    @Transactional
    public Receipt acceptCustomer(String platformId, ObjectNode tree) {
        requireValid(EventType.CUSTOMER_UPSERTED, tree);
        if (!tree.hasNonNull("source")) {
            tree.put("source", platformId);
        }
        String eventId = tree.get("eventId").asText();
        String customerId = tree.get("customerId").asText();
        if (!inbox.firstDelivery(DedupeScopes.CUSTOMER_WEBHOOK, eventId)) {
            return new Receipt(eventId, customerId, EventType.CUSTOMER_UPSERTED.topic(), "duplicate");
        }
        outbox.publish(EventType.CUSTOMER_UPSERTED, customerId, tree, Instant.parse(tree.get("occurredAt").asText()));
        return new Receipt(eventId, customerId, EventType.CUSTOMER_UPSERTED.topic(), "accepted");
    }

    private static EventType orderEventType(ObjectNode tree) {
        JsonNode type = tree.get("eventType");
        if (type == null || type.isNull()) {
            throw ProblemException.badField("eventType", "is required");
        }
        try {
            return EventType.of(OrderLifecycleEventType.valueOf(type.asText()));
        } catch (IllegalArgumentException e) {
            throw ProblemException.badField("eventType", "'" + type.asText() + "' is not one of "
                    + java.util.Arrays.toString(OrderLifecycleEventType.values()));
        }
    }

    private void requireValid(EventType type, ObjectNode tree) {
        List<SchemaViolation> violations = validator.validate(type, tree);
        if (!violations.isEmpty()) {
            throw ProblemException.badFields(violations.stream().map(WebhookService::fieldError).toList());
        }
    }

    /** A schema violation as the API names fields: {@code placed.lines[0].quantity}, without the {@code $.}. */
    static Problem.FieldError fieldError(SchemaViolation violation) {
        String path = violation.path();
        String field = path.equals("$") ? "body" : path.replaceFirst("^\\$\\.?", "");
        String message = violation.message().startsWith(path + ": ")
                ? violation.message().substring(path.length() + 2) : violation.message();
        return new Problem.FieldError(field, message);
    }
}
