package io.postventa.messaging.outbox;

import java.net.URI;
import java.time.Duration;
import java.util.Properties;

/**
 * Everything a relay needs: the service's database, its replication slot, the Kafka broker and the
 * tuning knobs. {@link #engineProperties()} turns it into the embedded Debezium configuration.
 */
public record RelaySettings(
        String serviceName,
        String jdbcUrl,
        String user,
        String password,
        String slotName,
        String publicationName,
        String kafkaBootstrapServers,
        Duration pollInterval,
        int maxBatchSize,
        Duration offsetFlushInterval,
        Duration heartbeatInterval,
        Duration lockRetryInterval,
        int maxBatchesInFlight) {

    /** Batches sent to Kafka and not yet acknowledged, by default: the next one is read meanwhile. */
    public static final int DEFAULT_MAX_BATCHES_IN_FLIGHT = 4;

    /**
     * How long the engine collects changes before handing a batch over (less when {@code max.batch.size} changes are
     * queued). Not shorter: Debezium's {@code ChangeEventQueue.poll} (3.5) counts the interval in whole milliseconds
     * of {@code System.currentTimeMillis()} and, in the last millisecond of every interval, finds 0 ms left and loops
     * without waiting. At 5 ms that spin was about a sixth of a core per service even with nothing to relay (five
     * services: most of a core of two); at 50 ms it is a fiftieth, and a change waits at most 50 ms for its batch.
     */
    public static final Duration DEFAULT_POLL_INTERVAL = Duration.ofMillis(50);

    public RelaySettings {
        if (maxBatchesInFlight < 1) {
            throw new IllegalArgumentException("maxBatchesInFlight must be at least 1, was " + maxBatchesInFlight);
        }
    }

    /** Defaults tuned for low latency on a small machine; see the outbox README for each knob. */
    public static RelaySettings of(String serviceName, String jdbcUrl, String user, String password, String slotName,
            String kafkaBootstrapServers) {
        return new RelaySettings(serviceName, jdbcUrl, user, password, slotName, "postventa_outbox",
                kafkaBootstrapServers, DEFAULT_POLL_INTERVAL, 4096, Duration.ofSeconds(1), Duration.ofSeconds(10),
                Duration.ofSeconds(2), DEFAULT_MAX_BATCHES_IN_FLIGHT);
    }

    public RelaySettings withSlotName(String slot) {
        return new RelaySettings(serviceName, jdbcUrl, user, password, slot, publicationName, kafkaBootstrapServers,
                pollInterval, maxBatchSize, offsetFlushInterval, heartbeatInterval, lockRetryInterval, maxBatchesInFlight);
    }

    public RelaySettings withMaxBatchesInFlight(int batches) {
        return new RelaySettings(serviceName, jdbcUrl, user, password, slotName, publicationName, kafkaBootstrapServers,
                pollInterval, maxBatchSize, offsetFlushInterval, heartbeatInterval, lockRetryInterval, batches);
    }

    /** The prefix of the raw change topics, which never reach Kafka. */
    String topicPrefix() {
        return slotName.replace('_', '-');
    }

    /** The embedded Debezium engine's configuration. */
    Properties engineProperties() {
        URI uri = URI.create(jdbcUrl.substring("jdbc:".length()));
        String database = uri.getPath().substring(1);
        Properties p = new Properties();
        p.setProperty("name", serviceName + "-outbox-relay");
        p.setProperty("connector.class", "io.debezium.connector.postgresql.PostgresConnector");
        p.setProperty("database.hostname", uri.getHost());
        p.setProperty("database.port", Integer.toString(uri.getPort() < 0 ? 5432 : uri.getPort()));
        p.setProperty("database.user", user);
        p.setProperty("database.password", password);
        p.setProperty("database.dbname", database);
        p.setProperty("topic.prefix", topicPrefix());
        p.setProperty("plugin.name", "pgoutput");
        p.setProperty("slot.name", slotName);
        p.setProperty("publication.name", publicationName);
        p.setProperty("publication.autocreate.mode", "disabled");
        p.setProperty("table.include.list", "public.outbox_event,public.outbox_heartbeat");
        p.setProperty("snapshot.mode", "no_data");
        p.setProperty("tombstones.on.delete", "false");
        p.setProperty("poll.interval.ms", Long.toString(pollInterval.toMillis()));
        p.setProperty("max.batch.size", Integer.toString(maxBatchSize));
        p.setProperty("max.queue.size", Integer.toString(maxBatchSize * 4));
        p.setProperty("heartbeat.interval.ms", Long.toString(heartbeatInterval.toMillis()));
        p.setProperty("heartbeat.action.query", "update outbox_heartbeat set beat_at = now() where id = 1");
        p.setProperty("offset.flush.interval.ms", Long.toString(offsetFlushInterval.toMillis()));
        p.setProperty("offset.storage", "io.debezium.storage.jdbc.offset.JdbcOffsetBackingStore");
        p.setProperty("offset.storage.jdbc.connection.url", jdbcUrl);
        p.setProperty("offset.storage.jdbc.connection.user", user);
        p.setProperty("offset.storage.jdbc.connection.password", password);
        p.setProperty("offset.storage.jdbc.table.name", "outbox_relay_offset");
        p.setProperty("errors.max.retries", "-1");
        p.setProperty("errors.retry.delay.initial.ms", "300");
        p.setProperty("errors.retry.delay.max.ms", "10000");

        // Only outbox rows go through the EventRouter; heartbeat changes pass untouched and are dropped.
        p.setProperty("predicates", "isOutbox");
        p.setProperty("predicates.isOutbox.type", "org.apache.kafka.connect.transforms.predicates.TopicNameMatches");
        p.setProperty("predicates.isOutbox.pattern", ".*\\.outbox_event");
        p.setProperty("transforms", "outbox");
        p.setProperty("transforms.outbox.type", "io.debezium.transforms.outbox.EventRouter");
        p.setProperty("transforms.outbox.predicate", "isOutbox");
        p.setProperty("transforms.outbox.route.by.field", "topic");
        p.setProperty("transforms.outbox.route.topic.replacement", "${routedByValue}");
        p.setProperty("transforms.outbox.table.field.event.id", "id");
        p.setProperty("transforms.outbox.table.field.event.key", "aggregateid");
        p.setProperty("transforms.outbox.table.field.event.payload", "payload");
        p.setProperty("transforms.outbox.table.fields.additional.placement",
                "id:header:ce_id,type:header:ce_type,occurred_at:header:ce_time,aggregateid:header:ce_subject,"
                        + "source:header:ce_source,traceparent:header:" + TraceContext.TRACEPARENT);
        p.setProperty("transforms.outbox.route.tombstone.on.empty.payload", "true");
        return p;
    }
}
