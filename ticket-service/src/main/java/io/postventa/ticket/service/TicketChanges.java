package io.postventa.ticket.service;

import java.util.List;
import java.util.Optional;

import io.postventa.events.common.ContactReason;
import io.postventa.events.contacts.TicketPriority;
import io.postventa.ticket.domain.Ticket;
import io.postventa.ticket.domain.TicketChangeRefused;
import io.postventa.ticket.domain.TicketMessage;
import io.postventa.ticket.domain.TicketMessageKind;
import io.postventa.ticket.domain.TicketStatus;
import io.postventa.ticket.service.TicketViews.MessageView;
import io.postventa.ticket.service.TicketViews.TicketDetail;
import io.postventa.ticket.service.TicketViews.TicketView;
import io.postventa.web.Caller;
import io.postventa.web.Problem;
import io.postventa.web.ProblemException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

/**
 * What agents and customers do to a ticket through the API, one transaction each: the ticket is loaded as the
 * caller may see it, locked, and checked against the {@code If-Match} the caller sent ({@link TicketAccess}), then
 * changed; the answer is what the caller may see of the result. A change the ticket's lifecycle does not allow
 * throws {@link TicketChangeRefused} (the API answers 409) and changes nothing.
 */
@ApplicationScoped
@Transactional
public class TicketChanges {
    private final TicketAccess access;
    private final TicketMessages messages;
    private final TicketReplies replies;
    private final TicketStatusChanges statuses;
    private final TicketCorrections corrections;
    private final TicketMerge merges;
    private final Assignment assignment;
    private final ProcedureService procedures;
    private final TicketQueries queries;

    public TicketChanges(TicketAccess access, TicketMessages messages, TicketReplies replies,
            TicketStatusChanges statuses, TicketCorrections corrections, TicketMerge merges, Assignment assignment,
            ProcedureService procedures, TicketQueries queries) {
        this.access = access;
        this.messages = messages;
        this.replies = replies;
        this.statuses = statuses;
        this.corrections = corrections;
        this.merges = merges;
        this.assignment = assignment;
        this.procedures = procedures;
        this.queries = queries;
    }

    /**
     * A message on the ticket: a customer's reply (which reopens it), an agent's internal note or public reply; an
     * agent may move the ticket to {@code status} with it.
     */
    public MessageView write(String id, String ifMatch, String body, boolean internal, TicketStatus status) {
        Ticket t = access.loadForChange(id, ifMatch);
        Caller caller = access.caller();
        TicketMessage m;
        if (caller.isOnlyCustomer()) {
            if (internal || status != null) {
                throw ProblemException.badField(internal ? "internal" : "status", "a customer can only write a reply");
            }
            if (!t.takesCustomerMessages()) {
                throw ProblemException.conflict("this ticket is closed; write a new contact");
            }
            m = messages.add(t, TicketMessageKind.CUSTOMER, caller.subject(), body, t.channel, null, null, null, null);
            replies.customerWrote(t);
        } else if (internal) {
            m = messages.add(t, TicketMessageKind.INTERNAL_NOTE, caller.subject(), body, null, null, null, null, null);
        } else {
            m = replies.reply(t, caller.subject(), body, false, null);
        }
        if (status != null) {
            statuses.change(t, status, caller.subject(), false);
        }
        return TicketViews.view(m, access.isPartner());
    }

    /** An agent moves the ticket along its lifecycle. */
    public TicketView changeStatus(String id, String ifMatch, TicketStatus status) {
        Ticket t = access.loadForChange(id, ifMatch);
        statuses.change(t, status, access.caller().subject(), false);
        return TicketViews.view(t, access.isPartner());
    }

    /** An agent corrects the contact reason; priority and SLA policy follow. */
    public TicketView changeReason(String id, String ifMatch, ContactReason reason) {
        Ticket t = access.loadForChange(id, ifMatch);
        corrections.changeReason(t, reason, access.caller().subject());
        return TicketViews.view(t, access.isPartner());
    }

    /** An agent overrides the priority the rules gave. */
    public TicketView changePriority(String id, String ifMatch, TicketPriority priority) {
        Ticket t = access.loadForChange(id, ifMatch);
        corrections.changePriority(t, priority, access.caller().subject());
        return TicketViews.view(t, access.isPartner());
    }

    /** An agent merges the duplicate {@code sourceTicketId} (of the same customer) into this ticket. */
    public TicketDetail merge(String id, String ifMatch, String sourceTicketId) {
        Ticket target = access.loadForChange(id, ifMatch);
        Ticket source;
        try {
            source = access.load(sourceTicketId, true);
        } catch (ProblemException e) {
            throw ProblemException.badField("sourceTicketId", "no such ticket");
        }
        if (target.customerId != null && source.customerId != null && !target.customerId.equals(source.customerId)) {
            throw ProblemException.unprocessable("tickets of two customers cannot be merged",
                    List.of(new Problem.FieldError("sourceTicketId", "belongs to another customer")));
        }
        merges.merge(target, source, access.caller().subject());
        return queries.detail(target);
    }

    /**
     * An agent applies a procedure: its reply (or {@code body}, the agent's edit of the draft) is sent in
     * {@code language}, and the ticket may move to {@code status}.
     */
    public MessageView applyProcedure(String id, String ifMatch, String procedureId, String language, String body,
            TicketStatus status) {
        Ticket t = access.loadForChange(id, ifMatch);
        TicketMessage m = procedures.apply(t, procedureId, language, body, access.caller().subject());
        if (status != null) {
            statuses.change(t, status, access.caller().subject(), false);
        }
        return TicketViews.view(m, access.isPartner());
    }

    /** Hands the caller the most urgent unassigned ticket it may work (a partner agent: of its team); empty when none. */
    public Optional<TicketView> takeNext() {
        String team = access.isPartner() ? access.caller().team().orElse("-") : null;
        return assignment.takeNext(team, access.caller().subject()).map(t -> TicketViews.view(t, access.isPartner()));
    }
}
