package io.postventa.returns.messaging;

import java.util.Set;
import java.util.concurrent.CompletionStage;

import org.eclipse.microprofile.reactive.messaging.Incoming;

import io.postventa.events.EventType;
import io.postventa.events.returns.ReturnRequested;
import io.postventa.outbox.inbox.EventConsumer;
import io.postventa.returns.service.DedupeScopes;
import io.postventa.returns.service.ReturnDecisionService;
import io.smallrye.common.annotation.Blocking;
import io.smallrye.reactive.messaging.kafka.KafkaRecordBatch;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * The risk consumer: decides each return.requested of return-requests.v1 into return.decided.
 * Other event types of the topic (the return's later states) are not its business: they are skipped
 * without being parsed. Records come a poll at a time and a poll is decided in one transaction: the
 * commit per record, not the decision, was what limited it.
 */
@ApplicationScoped
public class ReturnRiskConsumer {
    /** The one type of return-requests.v1 it decides; the later states its own approvals publish are skipped unread. */
    private static final Set<EventType> DECIDES = Set.of(EventType.RETURN_REQUESTED);
    private final EventConsumer consumer;
    private final ReturnDecisionService decisions;

    public ReturnRiskConsumer(EventConsumer consumer, ReturnDecisionService decisions) {
        this.consumer = consumer;
        this.decisions = decisions;
    }

    @Incoming("return-requests-risk")
    @Blocking
    public CompletionStage<Void> onReturnRequests(KafkaRecordBatch<String, String> batch) {
        return consumer.consumeBatch(batch, DedupeScopes.RETURN_REQUESTS_RISK, DECIDES,
                events -> decisions.prepare(events.stream().map(event -> event.data().path("returnId").asText()).toList()),
                event -> decisions.decide(event.id(), event.data(ReturnRequested.class)));
    }
}
