package io.postventa.returns.service;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import io.postventa.events.EventType;
import io.postventa.events.common.SkuQuantity;
import io.postventa.events.returns.InspectedLine;
import io.postventa.events.returns.ReturnCredited;
import io.postventa.events.returns.ReturnExchanged;
import io.postventa.events.returns.ReturnExpired;
import io.postventa.events.returns.ReturnInTransit;
import io.postventa.events.returns.ReturnInspected;
import io.postventa.events.returns.ReturnReceived;
import io.postventa.events.returns.ReturnRefunded;
import io.postventa.outbox.Outbox;
import io.postventa.returns.domain.ReturnRequest;
import io.postventa.returns.domain.ReturnStatus;
import io.postventa.web.ProblemException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;

/** Reverse logistics after approval: the return parcel's states, the resolution, and expiry of unused labels. */
@ApplicationScoped
public class ShipmentService {
    private final ReturnDetailsMapper details;
    private final Outbox outbox;
    private final Clock clock;

    public ShipmentService(ReturnDetailsMapper details, Outbox outbox, Clock clock) {
        this.details = details;
        this.outbox = outbox;
        this.clock = clock;
    }

    /** The states a platform or warehouse reports. */
    public enum ShipmentEventType {
        IN_TRANSIT, RECEIVED, INSPECTED, REFUNDED, EXCHANGED, CREDITED
    }

    /** A reported state, with the details its event carries. */
    public record ShipmentEvent(ShipmentEventType type, Instant occurredAt, String carrier, String trackingNumber,
            String warehouseId, List<SkuQuantity> lines, List<InspectedLine> inspectedLines, String note,
            BigDecimal amount, String refundMethod, String refundReference, String exchangeOrderId,
            List<SkuQuantity> exchangeLines, String creditReference, LocalDate expiresOn) {
    }

    /** Moves the return to the reported state and publishes it; repeating the current state changes nothing. */
    @Transactional
    public ReturnDetails record(String returnId, ShipmentEvent e) {
        ReturnRequest r = ReturnRequest.findById(returnId, LockModeType.PESSIMISTIC_WRITE);
        if (r == null) {
            throw ProblemException.notFound("return", returnId);
        }
        ReturnStatus target = ReturnStatus.valueOf(e.type().name());
        if (r.status == target) {
            return details.of(r);
        }
        // refused before anything is published; moveTo below refuses the same moves
        if (!r.status.canMoveTo(target)) {
            throw ProblemException.conflict("return " + returnId + " is " + r.status + " and cannot become " + target);
        }
        Instant at = e.occurredAt() == null ? clock.instant() : e.occurredAt();
        switch (e.type()) {
            case IN_TRANSIT -> {
                if (e.carrier() != null) {
                    r.carrier = e.carrier();
                }
                if (e.trackingNumber() != null) {
                    r.trackingNumber = e.trackingNumber();
                }
                outbox.publish(EventType.RETURN_IN_TRANSIT, returnId, new ReturnInTransit(returnId, r.orderId,
                        r.customerId, at, r.rmaCode, r.carrier, r.trackingNumber), at);
            }
            case RECEIVED -> outbox.publish(EventType.RETURN_RECEIVED, returnId, new ReturnReceived(returnId, r.orderId,
                    r.customerId, at, r.rmaCode, e.warehouseId(), e.lines() == null ? List.of() : e.lines()), at);
            case INSPECTED -> {
                require(e.inspectedLines() != null && !e.inspectedLines().isEmpty(), "inspectedLines",
                        "at least one inspected line is required");
                outbox.publish(EventType.RETURN_INSPECTED, returnId, new ReturnInspected(returnId, r.orderId,
                        r.customerId, at, r.rmaCode, e.inspectedLines(), e.note()), at);
            }
            case REFUNDED -> outbox.publish(EventType.RETURN_REFUNDED, returnId, new ReturnRefunded(returnId, r.orderId,
                    r.customerId, at, e.amount() == null ? r.totalValue : e.amount(), r.currency, e.refundMethod(),
                    e.refundReference()), at);
            case EXCHANGED -> {
                require(e.exchangeOrderId() != null && !e.exchangeOrderId().isBlank(), "exchangeOrderId", "is required");
                require(e.exchangeLines() != null && !e.exchangeLines().isEmpty(), "exchangeLines",
                        "at least one replacement line is required");
                outbox.publish(EventType.RETURN_EXCHANGED, returnId, new ReturnExchanged(returnId, r.orderId,
                        r.customerId, at, e.exchangeOrderId(), e.exchangeLines()), at);
            }
            case CREDITED -> {
                require(e.creditReference() != null && !e.creditReference().isBlank(), "creditReference", "is required");
                outbox.publish(EventType.RETURN_CREDITED, returnId, new ReturnCredited(returnId, r.orderId,
                        r.customerId, at, e.amount() == null ? r.totalValue : e.amount(), r.currency,
                        e.creditReference(), e.expiresOn()), at);
            }
        }
        r.moveTo(target, clock.instant());
        return details.of(r);
    }

    /** Expires approved returns whose label was not used before it ran out; returns how many. */
    @Transactional
    public int expireUnusedLabels() {
        Instant now = clock.instant();
        List<ReturnRequest> due = ReturnRequest.<ReturnRequest>find("status = ?1 and labelExpiresAt <= ?2",
                ReturnStatus.LABEL_ISSUED, now).withLock(LockModeType.PESSIMISTIC_WRITE).page(0, 500).list();
        for (ReturnRequest r : due) {
            r.moveTo(ReturnStatus.EXPIRED, now);
            outbox.publish(EventType.RETURN_EXPIRED, r.returnId, new ReturnExpired(r.returnId, r.orderId, r.customerId,
                    now, r.rmaCode, r.labelIssuedAt), now);
        }
        return due.size();
    }

    private static void require(boolean ok, String field, String message) {
        if (!ok) {
            throw ProblemException.badField(field, message);
        }
    }
}
