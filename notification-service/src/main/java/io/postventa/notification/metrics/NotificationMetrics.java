package io.postventa.notification.metrics;

import io.micrometer.core.instrument.MeterRegistry;
import io.postventa.events.EventType;
import io.postventa.events.common.NotificationChannel;
import io.postventa.messaging.outbox.EventCounters;
import io.postventa.messaging.outbox.OutboxListener;
import io.postventa.messaging.outbox.OutboxMessage;
import io.quarkus.runtime.Startup;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Counts notifications by channel and outcome as their events are committed
 * ({@code postventa_notifications_total{channel,outcome}}, outcome sent, failed or suppressed): the failure rate per
 * channel is what the NotificationFailuresHigh alert watches.
 */
@Startup
@ApplicationScoped
public class NotificationMetrics implements OutboxListener {
    private final EventCounters notifications;

    public NotificationMetrics(MeterRegistry registry) {
        notifications = new EventCounters(registry, "postventa.notifications", "Notifications by channel and outcome");
        for (NotificationChannel channel : NotificationChannel.values()) {
            for (String outcome : new String[] {"sent", "failed", "suppressed"}) {
                notifications.register("channel", channel.name(), "outcome", outcome);
            }
        }
    }

    @Override
    public void committed(OutboxMessage message) {
        String outcome = null;
        if (EventType.NOTIFICATION_SENT.ceType().equals(message.type())) {
            outcome = "sent";
        } else if (EventType.NOTIFICATION_FAILED.ceType().equals(message.type())) {
            outcome = "failed";
        } else if (EventType.NOTIFICATION_SUPPRESSED.ceType().equals(message.type())) {
            outcome = "suppressed";
        }
        if (outcome != null) {
            notifications.increment("channel", message.payloadText("channel"), "outcome", outcome);
        }
    }
}
