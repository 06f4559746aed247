package io.postventa.ticket.service;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.UUID;

import io.postventa.ticket.domain.Ticket;
import io.postventa.web.Caller;
import io.postventa.web.ProblemException;
import jakarta.enterprise.context.RequestScoped;
import jakarta.persistence.LockModeType;

/**
 * Who may see which ticket: a customer only their own, a partner agent only its team's, staff all. Anything else
 * answers 404 so nobody learns that the ticket exists.
 */
@RequestScoped
public class TicketAccess {
    private final Caller caller;

    public TicketAccess(Caller caller) {
        this.caller = caller;
    }

    public Ticket load(String id, boolean forUpdate) {
        UUID uuid;
        try {
            uuid = UUID.fromString(id);
        } catch (IllegalArgumentException e) {
            throw ProblemException.notFound("ticket", id);
        }
        Ticket t = forUpdate ? Ticket.findById(uuid, LockModeType.PESSIMISTIC_WRITE) : Ticket.findById(uuid);
        if (t == null || !maySee(t)) {
            throw ProblemException.notFound("ticket", id);
        }
        return t;
    }

    /**
     * The ticket, locked, for a change sent with {@code If-Match: <updatedAt>} (the ticket's {@code updatedAt} as the
     * writer last saw it): refused with 412 when the ticket changed since, so a stale page never overwrites another
     * agent's change. Every change a person makes (a message, a status, reason or priority change, a merge, taking
     * it) moves {@code updatedAt}; the SLA check's own bookkeeping does not, so it never makes a page stale. Without
     * {@code If-Match} the change applies to the ticket as it is.
     */
    public Ticket loadForChange(String id, String ifMatch) {
        Ticket t = load(id, true);
        if (ifMatch == null || ifMatch.isBlank()) {
            return t;
        }
        String seen = ifMatch.trim().replace("W/", "").replace("\"", "");
        Instant seenAt;
        try {
            seenAt = Instant.parse(seen);
        } catch (DateTimeParseException e) {
            throw ProblemException.badField("If-Match", "must be the ticket's updatedAt, e.g. 2026-12-07T10:00:00.123Z");
        }
        if (t.updatedAt == null || seenAt.toEpochMilli() != t.updatedAt.toEpochMilli()) {
            throw new ProblemException(412, "Precondition Failed",
                    "the ticket changed since " + seen + " (last change " + t.updatedAt + "); reload it", List.of());
        }
        return t;
    }

    public boolean maySee(Ticket t) {
        if (isPartner()) {
            return caller.team().map(team -> team.equals(t.teamId)).orElse(false);
        }
        if (caller.isOnlyCustomer()) {
            return caller.subject().equals(t.customerId);
        }
        return true;
    }

    /** A partner agent (outsourced contact centre) with nothing more privileged: sees masked data of its team only. */
    public boolean isPartner() {
        return caller.hasRole(Caller.PARTNER_AGENT) && !caller.hasRole(Caller.AGENT) && !caller.hasRole(Caller.ADMIN)
                && !caller.hasRole(Caller.MANAGER);
    }

    public Caller caller() {
        return caller;
    }
}
