package io.postventa.messaging.outbox;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import javax.sql.DataSource;

import org.jboss.logging.Logger;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

/**
 * What the service's replication slot holds back, read from {@code pg_replication_slots} every
 * {@code postventa.outbox.slot-metrics-interval} (not on each scrape: a slow database must not stall the scrape):
 * <ul>
 * <li>{@code postventa_outbox_backlog_bytes}: WAL written since the relay's last confirmed position, i.e. what
 * it has still to read and relay (outbox rows among other changes);</li>
 * <li>{@code postventa_outbox_slot_retained_bytes}: WAL PostgreSQL keeps on disk for the slot; it grows without
 * bound while no relay reads (disk full is the risk);</li>
 * <li>{@code postventa_outbox_slot_active}: 1 while a relay is connected to the slot.</li>
 * </ul>
 * Every replica reports the same slot; dashboards take the maximum. NaN until the first reading or when the slot
 * is missing.
 */
@ApplicationScoped
public class ReplicationSlotMetrics {
    private static final Logger LOG = Logger.getLogger(ReplicationSlotMetrics.class);
    private static final String QUERY = "select pg_wal_lsn_diff(pg_current_wal_lsn(), confirmed_flush_lsn),"
            + " pg_wal_lsn_diff(pg_current_wal_lsn(), restart_lsn), active from pg_replication_slots where slot_name = ?";

    private final DataSource dataSource;
    private final OutboxConfig config;
    private final MeterRegistry registry;
    private volatile double backlogBytes = Double.NaN;
    private volatile double retainedBytes = Double.NaN;
    private volatile double active = Double.NaN;
    private ScheduledExecutorService scheduler;

    public ReplicationSlotMetrics(DataSource dataSource, OutboxConfig config, MeterRegistry registry) {
        this.dataSource = dataSource;
        this.config = config;
        this.registry = registry;
    }

    void start(@Observes StartupEvent event) {
        Duration every = config.slotMetricsInterval();
        if (every.isZero() || every.isNegative()) {
            return;
        }
        String slot = config.slotName();
        Gauge.builder("postventa.outbox.backlog", this, m -> m.backlogBytes).baseUnit("bytes").tag("slot", slot)
                .description("WAL written since the outbox relay's last confirmed position (what it has still to relay)")
                .register(registry);
        Gauge.builder("postventa.outbox.slot.retained", this, m -> m.retainedBytes).baseUnit("bytes").tag("slot", slot)
                .description("WAL PostgreSQL keeps on disk for the outbox's replication slot").register(registry);
        Gauge.builder("postventa.outbox.slot.active", this, m -> m.active).tag("slot", slot)
                .description("1 while a relay reads the outbox's replication slot").register(registry);
        scheduler = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "outbox-slot-metrics");
            t.setDaemon(true);
            return t;
        });
        scheduler.scheduleWithFixedDelay(this::refresh, 0, every.toMillis(), TimeUnit.MILLISECONDS);
    }

    void stop(@Observes ShutdownEvent event) {
        if (scheduler != null) {
            scheduler.shutdownNow();
        }
    }

    /** Reads the slot now (the scheduler calls it; tests may too). */
    public void refresh() {
        try (Connection c = dataSource.getConnection(); PreparedStatement q = c.prepareStatement(QUERY)) {
            q.setQueryTimeout(10);
            q.setString(1, config.slotName());
            try (ResultSet rs = q.executeQuery()) {
                if (rs.next()) {
                    backlogBytes = number(rs, 1);
                    retainedBytes = number(rs, 2);
                    active = rs.getBoolean(3) ? 1 : 0;
                } else {
                    backlogBytes = Double.NaN;
                    retainedBytes = Double.NaN;
                    active = 0;
                }
            }
        } catch (SQLException | RuntimeException e) {
            LOG.debugf("reading the replication slot failed, the next reading retries: %s", e.getMessage());
        }
    }

    private static double number(ResultSet rs, int column) throws SQLException {
        double value = rs.getDouble(column);
        return rs.wasNull() ? Double.NaN : value;
    }

    public double backlogBytes() {
        return backlogBytes;
    }

    public double retainedBytes() {
        return retainedBytes;
    }
}
