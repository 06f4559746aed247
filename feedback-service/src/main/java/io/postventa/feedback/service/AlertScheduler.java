package io.postventa.feedback.service;

import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;

/** Every {@code feedback.alerts.check-every}: looks for tickets at risk and rates that crossed, then sends what is due. */
@ApplicationScoped
public class AlertScheduler {
    private final Alerts alerts;
    private final AlertSender sender;

    public AlertScheduler(Alerts alerts, AlertSender sender) {
        this.alerts = alerts;
        this.sender = sender;
    }

    @Scheduled(every = "${feedback.alerts.check-every}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            identity = "alert-checker", skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    void run() {
        alerts.check();
        sender.sendDue();
    }
}
