package io.postventa.ticket.metrics;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import javax.sql.DataSource;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.postventa.events.EventType;
import io.postventa.events.contacts.SlaTarget;
import io.postventa.events.contacts.TicketPriority;
import io.postventa.messaging.outbox.EventCounters;
import io.postventa.messaging.outbox.OutboxListener;
import io.postventa.messaging.outbox.OutboxMessage;
import io.postventa.ticket.service.TicketSql;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.Startup;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

/**
 * The help desk's SLA as numbers: breaches as they are published
 * ({@code postventa_ticket_sla_breaches_total{target,priority}}), tickets opened
 * ({@code postventa_tickets_created_total}), and, read from the database every
 * {@code postventa.metrics.tickets.refresh-every}, the active tickets at risk (due within
 * {@code postventa.metrics.tickets.at-risk-within} and not yet breached; {@code postventa_tickets_at_risk{target}})
 * and those already breached ({@code postventa_tickets_sla_breached{target}}). The at-risk counts use the SLA check's
 * partial indexes; the breached count reads the active tickets, hence the minute between readings.
 */
@Startup
@ApplicationScoped
public class TicketMetrics implements OutboxListener {
    private static final Logger LOG = Logger.getLogger(TicketMetrics.class);
    private static final String ACTIVE = " and merged_into is null and status in " + TicketSql.ACTIVE_LITERALS;
    private static final String QUERY = "select"
            + " (select count(*) from ticket where first_response_at is null and not first_response_breached" + ACTIVE
            + " and first_response_due_at <= now() + ?::interval),"
            + " (select count(*) from ticket where not resolution_breached" + ACTIVE
            + " and resolution_due_at <= now() + ?::interval),"
            + " (select count(*) from ticket where first_response_breached and first_response_at is null" + ACTIVE + "),"
            + " (select count(*) from ticket where resolution_breached" + ACTIVE + ")";

    private final EventCounters breaches;
    private final EventCounters created;
    private final DataSource dataSource;
    private final Duration atRiskWithin;
    private final double[] readings = {Double.NaN, Double.NaN, Double.NaN, Double.NaN};
    private final ScheduledExecutorService scheduler;

    public TicketMetrics(MeterRegistry registry, DataSource dataSource,
            @ConfigProperty(name = "postventa.metrics.tickets.at-risk-within", defaultValue = "PT1H") Duration atRiskWithin,
            @ConfigProperty(name = "postventa.metrics.tickets.refresh-every", defaultValue = "PT1M") Duration refreshEvery) {
        this.dataSource = dataSource;
        this.atRiskWithin = atRiskWithin;
        breaches = new EventCounters(registry, "postventa.ticket.sla.breaches", "SLA breaches published");
        for (SlaTarget target : SlaTarget.values()) {
            for (TicketPriority priority : TicketPriority.values()) {
                breaches.register("target", target.name(), "priority", priority.name());
            }
        }
        created = new EventCounters(registry, "postventa.tickets.created", "Tickets opened").register();
        for (SlaTarget target : SlaTarget.values()) {
            int base = target == SlaTarget.FIRST_RESPONSE ? 0 : 1;
            String tag = target.name().toLowerCase(java.util.Locale.ROOT);
            Gauge.builder("postventa.tickets.at.risk", readings, r -> r[base]).tag("target", tag)
                    .description("Active tickets due within the at-risk window, not yet breached").register(registry);
            Gauge.builder("postventa.tickets.sla.breached", readings, r -> r[base + 2]).tag("target", tag)
                    .description("Active tickets past their SLA target").register(registry);
        }
        scheduler = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "ticket-metrics");
            t.setDaemon(true);
            return t;
        });
        if (!refreshEvery.isZero() && !refreshEvery.isNegative()) {
            scheduler.scheduleWithFixedDelay(this::refresh, 5_000, refreshEvery.toMillis(), TimeUnit.MILLISECONDS);
        }
    }

    void stop(@Observes ShutdownEvent event) {
        scheduler.shutdownNow();
    }

    /** Reads the at-risk and breached counts now. */
    public void refresh() {
        try (Connection c = dataSource.getConnection(); PreparedStatement q = c.prepareStatement(QUERY)) {
            q.setQueryTimeout(20);
            q.setString(1, atRiskWithin.getSeconds() + " seconds");
            q.setString(2, atRiskWithin.getSeconds() + " seconds");
            try (ResultSet rs = q.executeQuery()) {
                rs.next();
                for (int i = 0; i < readings.length; i++) {
                    readings[i] = rs.getLong(i + 1);
                }
            }
        } catch (Exception e) {
            LOG.debugf("reading the tickets at risk failed, the next reading retries: %s", e.getMessage());
        }
    }

    @Override
    public void committed(OutboxMessage message) {
        if (EventType.TICKET_SLA_BREACHED.ceType().equals(message.type())) {
            breaches.increment("target", message.payloadText("target"), "priority", message.payloadText("priority"));
        } else if (EventType.TICKET_CREATED.ceType().equals(message.type())) {
            created.increment();
        }
    }
}
