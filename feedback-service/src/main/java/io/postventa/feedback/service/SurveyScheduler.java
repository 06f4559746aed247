package io.postventa.feedback.service;

import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;

/** Sends due surveys every {@code feedback.surveys.check-every}; batches until nothing more is due. */
@ApplicationScoped
public class SurveyScheduler {
    private final SurveyService surveys;
    private final int batchSize;

    public SurveyScheduler(SurveyService surveys, io.postventa.feedback.config.FeedbackConfig config) {
        this.surveys = surveys;
        this.batchSize = config.surveys().batchSize();
    }

    @Scheduled(every = "${feedback.surveys.check-every}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            identity = "survey-sender")
    void run() {
        // A full batch may mean more is due; a bounded number of rounds keeps one run short.
        for (int round = 0; round < 20; round++) {
            SurveyService.SendResult result = surveys.sendDue();
            if (result.examined() < batchSize || result.sent() + result.suppressed() + result.dropped() == 0) {
                return;
            }
        }
    }
}
