package io.postventa.messaging.outbox;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Settings of the outbox and its relay ({@code postventa.outbox.*}). */
@ConfigMapping(prefix = "postventa.outbox")
public interface OutboxConfig {

    /** Whether this replica runs a relay (set false on replicas that must never relay). */
    @WithDefault("true")
    boolean relayEnabled();

    /** The logical replication slot; unique per service in a PostgreSQL cluster. */
    String slotName();

    /** How long the engine collects changes for a batch; see {@link RelaySettings#DEFAULT_POLL_INTERVAL}. */
    @WithDefault("50")
    long pollIntervalMs();

    /** The most changes handed to Kafka in one batch. */
    @WithDefault("4096")
    int maxBatchSize();

    /**
     * Batches sent to Kafka whose acknowledgements the relay does not wait for before reading the
     * next one (1 = wait for each batch). Offsets are committed only for acknowledged batches.
     */
    @WithDefault("4")
    int maxBatchesInFlight();

    /** How often relayed offsets are flushed to the database (what a crash may replay). */
    @WithDefault("1000")
    long offsetFlushIntervalMs();

    /** How often the relay writes a heartbeat so the slot advances while the outbox is idle. */
    @WithDefault("10000")
    long heartbeatIntervalMs();

    /** How often a standby replica tries to take over. */
    @WithDefault("2000")
    long lockRetryIntervalMs();

    /** How often the replication slot's lag is read for the metrics (0: never). */
    @WithDefault("15s")
    java.time.Duration slotMetricsInterval();

    /** Validate every published event against its JSON Schema before it is written. */
    @WithDefault("true")
    boolean validate();
}
