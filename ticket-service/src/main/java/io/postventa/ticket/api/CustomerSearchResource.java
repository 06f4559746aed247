package io.postventa.ticket.api;

import io.postventa.ticket.service.CustomerSearch;
import io.postventa.ticket.service.CustomerSearch.SearchResult;
import io.postventa.web.Caller;
import io.postventa.web.ProblemException;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

/**
 * Customer 360 for agents: one box that finds a customer by e-mail, phone, name, city, order id, order amount or
 * product bought, and shows their orders with status, returns and tickets ({@link CustomerSearch}). The terms are
 * personal data, so they travel in the body of a POST, never in a URL that access logs and proxies keep.
 */
@Path("/api/v1/customers/search")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class CustomerSearchResource {

    /** What the agent typed, and how many customers to show at most (10 when absent). */
    public record SearchRequest(String q, Integer limit) {
    }
    private final CustomerSearch search;

    public CustomerSearchResource(CustomerSearch search) {
        this.search = search;
    }

    @POST
    @RolesAllowed(Caller.AGENT)
    @Operation(summary = "Customer 360: customers matching an e-mail, phone, name, city, order id, amount or product")
    @APIResponse(responseCode = "200", description = "OK")
    @APIResponse(responseCode = "400", description = "Invalid input: problem+json naming each bad field")
    public SearchResult search(SearchRequest request) {
        String q = request == null ? null : request.q();
        int limit = request == null || request.limit() == null ? 10 : request.limit();
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
