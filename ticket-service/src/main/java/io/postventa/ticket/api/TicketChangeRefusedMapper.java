package io.postventa.ticket.api;

import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import io.postventa.ticket.domain.TicketChangeRefused;
import io.postventa.web.ProblemException;
import io.postventa.web.ProblemMappers;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

/** A change the ticket refused (a move its lifecycle forbids, a write to a closed ticket) answers 409 problem+json. */
public class TicketChangeRefusedMapper {
    private final ProblemMappers problems = new ProblemMappers();

    @ServerExceptionMapper
    public Response refused(TicketChangeRefused e, UriInfo uri) {
        return problems.problem(ProblemException.conflict(e.getMessage()), uri);
    }
}
