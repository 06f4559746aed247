package io.postventa.ticket.api;

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
