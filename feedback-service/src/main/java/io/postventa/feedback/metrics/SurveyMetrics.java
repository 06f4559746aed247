package io.postventa.feedback.metrics;

import io.micrometer.core.instrument.MeterRegistry;
import io.postventa.events.EventType;
import io.postventa.events.feedback.SurveyKind;
import io.postventa.messaging.outbox.EventCounters;
import io.postventa.messaging.outbox.OutboxListener;
import io.postventa.messaging.outbox.OutboxMessage;
import io.quarkus.runtime.Startup;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Counts surveys as their events are committed: invitations ({@code postventa_surveys_invited_total{kind}}),
 * answers ({@code postventa_survey_responses_total{kind}}) and detractors
 * ({@code postventa_feedback_detractors_total{kind}}). The response rate is answers over invitations across a
 * window long enough for people to answer (the feedback dashboard uses 7 days).
 */
@Startup
@ApplicationScoped
public class SurveyMetrics implements OutboxListener {
    private final EventCounters invited;
    private final EventCounters responses;
    private final EventCounters detractors;

    public SurveyMetrics(MeterRegistry registry) {
        invited = new EventCounters(registry, "postventa.surveys.invited", "Survey invitations published");
        responses = new EventCounters(registry, "postventa.survey.responses", "Survey answers received");
        detractors = new EventCounters(registry, "postventa.feedback.detractors", "Answers from detractors");
        for (SurveyKind kind : SurveyKind.values()) {
            invited.register("kind", kind.name());
            responses.register("kind", kind.name());
            detractors.register("kind", kind.name());
        }
    }

    @Override
    public void committed(OutboxMessage message) {
        if (EventType.SURVEY_INVITED.ceType().equals(message.type())) {
            invited.increment("kind", message.payloadText("kind"));
        } else if (EventType.FEEDBACK_RECEIVED.ceType().equals(message.type())) {
            responses.increment("kind", message.payloadText("kind"));
        } else if (EventType.FEEDBACK_DETRACTOR.ceType().equals(message.type())) {
            detractors.increment("kind", message.payloadText("kind"));
        }
    }
}
