package io.postventa.orderstatus.service;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import io.postventa.events.CloudEventHeaders;
import io.postventa.events.Topics;
import io.postventa.events.customers.CustomerTombstone;
import io.postventa.web.ProblemException;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * The customer-events webhook's erasure: writes an erasure tombstone (key = customer id, null value) to {@code customers.v1}. The outbox cannot carry a
 * null payload, so this is a direct, acknowledged Kafka write: the webhook answers 202 only after the broker
 * acknowledged it (acks=all, idempotent producer) and 503 otherwise, so the platform retries and nothing accepted
 * is lost. Erasure is idempotent, so a retried tombstone is harmless.
 */
@ApplicationScoped
public class CustomerTombstones {
    private final String bootstrapServers;
    private final Clock clock;
    private KafkaProducer<String, String> producer;

    public CustomerTombstones(@ConfigProperty(name = "kafka.bootstrap.servers") String bootstrapServers, Clock clock) {
        this.bootstrapServers = bootstrapServers;
        this.clock = clock;
    }

    /** Sends the tombstone and waits for the broker; returns the event id it carries. */
    public String erase(String platformId, String customerId, String eventId) {
        String id = eventId != null ? eventId : UUID.randomUUID().toString();
        ProducerRecord<String, String> tombstone = new ProducerRecord<>(Topics.CUSTOMERS, customerId, null);
        header(tombstone, CloudEventHeaders.SPEC_VERSION, CloudEventHeaders.SPEC_VERSION_1_0);
        header(tombstone, CloudEventHeaders.ID, id);
        header(tombstone, CloudEventHeaders.TYPE, CustomerTombstone.CE_TYPE);
        header(tombstone, CloudEventHeaders.SOURCE, "/platforms/" + platformId);
        header(tombstone, CloudEventHeaders.TIME, clock.instant().toString());
        header(tombstone, CloudEventHeaders.SUBJECT, customerId);
        try {
            producer().send(tombstone).get(15, TimeUnit.SECONDS);
            return id;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw unavailable();
        } catch (ExecutionException | TimeoutException e) {
            throw unavailable();
        }
    }

    private static ProblemException unavailable() {
        return new ProblemException(503, "Service unavailable",
                "the erasure could not be written to Kafka; nothing was accepted, retry later", List.of());
    }

    private static void header(ProducerRecord<String, String> record, String name, String value) {
        record.headers().add(name, value.getBytes(StandardCharsets.UTF_8));
    }

    private synchronized KafkaProducer<String, String> producer() {
        if (producer == null) {
            Properties props = new Properties();
            props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
            props.put(ProducerConfig.ACKS_CONFIG, "all");
            props.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, "true");
            props.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, "10000");
            props.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, "5000");
            props.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
            props.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
            producer = new KafkaProducer<>(props);
        }
        return producer;
    }

    @PreDestroy
    synchronized void close() {
        if (producer != null) {
            producer.close(Duration.ofSeconds(5));
        }
    }
}
