package io.postventa.ticket.service;

import java.time.Clock;

import com.fasterxml.jackson.databind.JsonNode;

import io.postventa.events.EventType;
import io.postventa.events.returns.ReturnDecided;
import io.postventa.outbox.inbox.IncomingEvent;
import io.postventa.ticket.domain.KnownReturn;
import io.postventa.ticket.domain.KnownReturnState;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

/**
 * What this service knows of returns ({@link KnownReturn}), from return-requests.v1 and return-decisions.v1: shown
 * beside the ticket, and a return in transit can pause the SLA of the order's tickets. Runs inside the consumer's
 * transaction.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.MANDATORY)
public class KnownReturns {
    private final Clock clock;
    private final SlaTracking sla;

    public KnownReturns(Clock clock, SlaTracking sla) {
        this.clock = clock;
        this.sla = sla;
    }

    public void onReturn(IncomingEvent event) {
        JsonNode data = event.data();
        String returnId = data.path("returnId").asText();
        KnownReturn known = KnownReturn.findById(returnId);
        if (known == null) {
            known = new KnownReturn();
            known.returnId = returnId;
            known.state = KnownReturnState.REQUESTED;
        }
        known.orderId = text(data, "orderId", known.orderId);
        known.customerId = text(data, "customerId", known.customerId);
        known.rmaCode = text(data, "rmaCode", known.rmaCode);
        known.currency = text(data, "currency", known.currency);
        if (data.hasNonNull("totalValue")) {
            known.totalValue = data.get("totalValue").decimalValue();
        }
        if (event.type() == EventType.RETURN_DECIDED) {
            ReturnDecided d = event.data(ReturnDecided.class);
            known.outcome = d.outcome().name();
            if (known.state == KnownReturnState.REQUESTED) {
                known.state = KnownReturnState.DECIDED;
            }
        } else {
            known.state = KnownReturnState.of(event.type());
        }
        known.updatedAt = clock.instant();
        known.persist();
        if (known.orderId != null) {
            sla.refreshOrderTickets(known.orderId);
        }
    }

    private static String text(JsonNode data, String field, String fallback) {
        return data.hasNonNull(field) ? data.get(field).asText() : fallback;
    }
}
