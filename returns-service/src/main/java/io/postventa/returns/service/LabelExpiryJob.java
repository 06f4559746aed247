package io.postventa.returns.service;

import org.jboss.logging.Logger;

import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;

/** Expires approved returns whose label stayed unused for the label validity (28 days by default). */
@ApplicationScoped
public class LabelExpiryJob {
    private static final Logger LOG = Logger.getLogger(LabelExpiryJob.class);
    private final ShipmentService shipments;

    public LabelExpiryJob(ShipmentService shipments) {
        this.shipments = shipments;
    }

    @Scheduled(every = "${returns.expiry-every}", delayed = "30s", concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    void expire() {
        int expired = shipments.expireUnusedLabels();
        if (expired > 0) {
            LOG.infof("expired %d returns whose label was not used in time", expired);
        }
    }
}
