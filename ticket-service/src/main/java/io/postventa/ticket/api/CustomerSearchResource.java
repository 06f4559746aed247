package io.postventa.ticket.api;

import io.postventa.ticket.service.CustomerSearch;
import io.postventa.ticket.service.CustomerSearch.SearchResult;
import io.postventa.web.Caller;
import io.postventa.web.ProblemException;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

/**
 * Customer 360 for agents: one box that finds a customer by e-mail, phone, name, city, order id, order amount or
 * product bought, and shows their orders with status, returns and tickets ({@link CustomerSearch}).
 */
@Path("/api/v1/customers/search")
@Produces(MediaType.APPLICATION_JSON)
public class CustomerSearchResource {
    private final CustomerSearch search;

    public CustomerSearchResource(CustomerSearch search) {
        this.search = search;
    }

    @GET
    @RolesAllowed(Caller.AGENT)
    public SearchResult search(@QueryParam("q") String q, @QueryParam("limit") @DefaultValue("10") int limit) {
        if (q == null || q.isBlank() || q.trim().length() < 2) {
            throw ProblemException.badField("q", "must have at least 2 characters");
        }
        if (q.length() > 200) {
            throw ProblemException.badField("q", "must have at most 200 characters");
        }
        if (limit < 1 || limit > CustomerSearch.MAX_CUSTOMERS) {
            throw ProblemException.badField("limit", "must be between 1 and " + CustomerSearch.MAX_CUSTOMERS);
        }
        return search.search(q.trim(), limit);
    }
}
