package io.postventa.ticket.service;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;
import java.util.Set;

import io.postventa.events.common.OrderStatus;
import io.postventa.events.contacts.SlaTarget;
import io.postventa.ticket.domain.KnownOrder;
import io.postventa.ticket.domain.KnownReturn;
import io.postventa.ticket.domain.KnownReturnState;
import io.postventa.ticket.domain.SlaClock;
import io.postventa.ticket.domain.SlaPolicy;
import io.postventa.ticket.domain.Ticket;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

/**
 * A ticket's SLA clock as the service keeps it: paused and resumed with the ticket and its order, due times that
 * follow, and a breach published once per target.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.MANDATORY)
public class SlaTracking {
    private static final Set<OrderStatus> WITH_CARRIER = EnumSet.of(OrderStatus.SHIPPED, OrderStatus.IN_TRANSIT,
            OrderStatus.OUT_FOR_DELIVERY);

    private final Clock clock;
    private final RuleStore rules;
    private final TicketEvents events;

    public SlaTracking(Clock clock, RuleStore rules, TicketEvents events) {
        this.clock = clock;
        this.rules = rules;
        this.events = events;
    }

    /** The SLA policy the ticket points at. */
    public SlaPolicy policyOf(Ticket t) {
        return rules.current().policy(t.slaPolicyId);
    }

    /** The first-response target of the ticket's SLA policy for its priority (what a customer is promised). */
    public Duration firstResponseTarget(Ticket t) {
        return policyOf(t).firstResponse(t.priority);
    }

    /** {@link #refresh(Ticket, SlaPolicy, Instant)} with the ticket's own policy, now. */
    public void refresh(Ticket t) {
        refresh(t, policyOf(t), clock.instant());
    }

    /**
     * Pauses or resumes the SLA clock to match the ticket and its order: waiting on the customer or solved always
     * pauses; the parcel with the carrier or a return in transit pauses when the policy says so. Due times follow.
     */
    public void refresh(Ticket t, SlaPolicy policy, Instant now) {
        boolean pause = t.status().pausesSla()
                || (policy.pauseWhileWithCarrier() && withCarrier(t))
                || (policy.pauseWhileReturnInTransit() && returnInTransit(t));
        SlaClock clock = t.slaClock().pausedIf(pause, policy.calendar(), now);
        t.slaClock(clock);
        if (t.firstResponseAt == null) {
            t.firstResponseDueAt = clock.dueAt(policy.calendar(), policy.firstResponse(t.priority));
        }
        if (t.status().isActive()) {
            t.resolutionDueAt = clock.dueAt(policy.calendar(), policy.resolution(t.priority));
        }
        t.updatedAt = now;
    }

    /** Re-evaluates the SLA pause of every active ticket about an order after its order or return changed. */
    public void refreshOrderTickets(String orderId) {
        Instant now = clock.instant();
        for (Ticket t : Ticket.<Ticket>list("orderId = ?1 and status in " + TicketSql.ACTIVE_LITERALS
                + " and mergedInto is null", orderId)) {
            refresh(t, policyOf(t), now);
        }
    }

    /**
     * Publishes ticket.sla-breached for every target that ran out by now, once per target (a flag on the ticket,
     * set in the same transaction as the event).
     */
    public int checkBreaches(Ticket t, Instant now) {
        SlaPolicy policy = policyOf(t);
        int breaches = 0;
        SlaClock clock = t.slaClock();
        if (t.firstResponseAt == null && !t.firstResponseBreached
                && clock.isBreached(policy.calendar(), policy.firstResponse(t.priority), now)) {
            breach(t, SlaTarget.FIRST_RESPONSE, policy.calendar().addBusinessTime(clock.startedAt(),
                    policy.firstResponse(t.priority).plus(clock.paused())), now);
            breaches++;
        }
        if (t.status().isActive() && !t.resolutionBreached
                && clock.isBreached(policy.calendar(), policy.resolution(t.priority), now)) {
            breach(t, SlaTarget.RESOLUTION, policy.calendar().addBusinessTime(clock.startedAt(),
                    policy.resolution(t.priority).plus(clock.paused())), now);
            breaches++;
        }
        // A stored due time that passed without a breach (the clock was paused meanwhile) moves to where the clock
        // puts it now, so that the next check does not pick the ticket up again, and again.
        if (t.firstResponseAt == null && !t.firstResponseBreached && passed(t.firstResponseDueAt, now)) {
            t.firstResponseDueAt = clock.dueAt(policy.calendar(), policy.firstResponse(t.priority));
        }
        if (!t.resolutionBreached && passed(t.resolutionDueAt, now)) {
            t.resolutionDueAt = t.status().isActive() ? clock.dueAt(policy.calendar(), policy.resolution(t.priority)) : null;
        }
        return breaches;
    }

    /** Marks {@code target} breached and publishes ticket.sla-breached (it was due at {@code dueAt}). */
    public void breach(Ticket t, SlaTarget target, Instant dueAt, Instant now) {
        if (target == SlaTarget.FIRST_RESPONSE) {
            t.firstResponseBreached = true;
        } else {
            t.resolutionBreached = true;
        }
        events.slaBreached(t, target, dueAt, now);
    }

    private static boolean passed(Instant due, Instant now) {
        return due != null && !due.isAfter(now);
    }

    private static boolean withCarrier(Ticket t) {
        if (t.orderId == null) {
            return false;
        }
        KnownOrder order = KnownOrder.findById(t.orderId);
        return order != null && WITH_CARRIER.contains(order.status);
    }

    private static boolean returnInTransit(Ticket t) {
        return t.orderId != null
                && KnownReturn.count("orderId = ?1 and state = ?2", t.orderId, KnownReturnState.IN_TRANSIT) > 0;
    }
}
