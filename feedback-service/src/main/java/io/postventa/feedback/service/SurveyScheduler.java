package io.postventa.feedback.service;

import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;

/** Sends due surveys every {@code feedback.surveys.check-every}; batches until nothing more is due. */
@ApplicationScoped
public class SurveyScheduler {
    private final SurveySender sender;
    private final int batchSize;

    public SurveyScheduler(SurveySender sender, io.postventa.feedback.config.FeedbackConfig config) {
        this.sender = sender;
        this.batchSize = config.surveys().batchSize();
    }

    @Scheduled(every = "${feedback.surveys.check-every}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            identity = "survey-sender", skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    void run() {
        // A full batch may mean more is due; a bounded number of rounds keeps one run short.
        for (int round = 0; round < 20; round++) {
            SurveySender.SendResult result = sender.sendDue();
            if (result.examined() < batchSize || result.sent() + result.suppressed() + result.dropped() == 0) {
                return;
            }
        }
    }
}
