package io.postventa.ticket.service;

import java.time.Clock;
import java.time.Instant;

import io.postventa.events.common.ContactReason;
import io.postventa.events.contacts.ContactChannel;
import io.postventa.events.contacts.ReasonSource;
import io.postventa.events.contacts.TicketPriority;
import io.postventa.ticket.domain.SlaPolicy;
import io.postventa.ticket.domain.Ticket;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

/** An agent's corrections to what the service decided: the contact reason, the priority; the SLA policy follows. */
@ApplicationScoped
@Transactional(Transactional.TxType.MANDATORY)
public class TicketCorrections {
    private final Clock clock;
    private final RuleStore rules;
    private final TicketPriorities priorities;
    private final TicketMessages messages;
    private final SlaTracking sla;
    private final TicketEvents events;

    public TicketCorrections(Clock clock, RuleStore rules, TicketPriorities priorities, TicketMessages messages,
            SlaTracking sla, TicketEvents events) {
        this.clock = clock;
        this.rules = rules;
        this.priorities = priorities;
        this.messages = messages;
        this.sla = sla;
        this.events = events;
    }

    /** An agent corrects the reason: priority and SLA policy follow the new reason. */
    public void changeReason(Ticket t, ContactReason reason, String agentId) {
        t.requireWritable();
        String before = t.reason;
        t.reason = reason.name();
        t.reasonSource = ReasonSource.AGENT.name();
        t.priority = priorities.of(t).name();
        SlaPolicy policy = policyFor(t, TicketPriority.valueOf(t.priority));
        t.slaPolicyId = policy.id();
        messages.system(t, agentId, "reason " + before + " -> " + reason);
        Instant now = clock.instant();
        sla.refresh(t, policy, now);
        if (!before.equals(t.reason)) {
            events.reasonChanged(t, ContactReason.valueOf(before), agentId, now);
        }
    }

    /**
     * An agent overrides the priority the rules gave: the SLA policy of the new priority applies from now on (the
     * clock keeps its start, so the promise made to the customer is not reset).
     */
    public void changePriority(Ticket t, TicketPriority priority, String agentId) {
        t.requireWritable();
        String before = t.priority;
        if (before.equals(priority.name())) {
            return;
        }
        t.priority = priority.name();
        SlaPolicy policy = policyFor(t, priority);
        t.slaPolicyId = policy.id();
        messages.system(t, agentId, "priority " + before + " -> " + priority);
        sla.refresh(t, policy, clock.instant());
    }

    private SlaPolicy policyFor(Ticket t, TicketPriority priority) {
        return rules.current().policyFor(priority, t.channel == null ? null : ContactChannel.valueOf(t.channel));
    }
}
