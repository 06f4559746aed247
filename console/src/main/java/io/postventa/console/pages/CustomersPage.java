package io.postventa.console.pages;

import org.eclipse.microprofile.rest.client.inject.RestClient;

import io.postventa.console.clients.TicketClient;
import io.postventa.console.web.Calls;
import io.postventa.console.web.Pages;
import io.postventa.console.web.Part;
import io.quarkus.qute.Location;
import io.quarkus.qute.Template;
import io.quarkus.qute.TemplateInstance;
import io.quarkus.security.Authenticated;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

/**
 * Customer search: one box (phone in any formatting, e-mail, name, city, amount, product, order id), results as
 * the person types. The terms go in a POST body, never in a URL, so they stay out of access logs and history.
 */
@Path("/customers")
@Authenticated
@Produces(MediaType.TEXT_HTML)
public class CustomersPage {
    private final TicketClient tickets;
    private final Calls calls;
    private final Pages pages;
    private final Template page;
    private final Template results;

    public CustomersPage(@RestClient TicketClient tickets, Calls calls, Pages pages,
            @Location("customers.html") Template page, @Location("customer-results.html") Template results) {
        this.tickets = tickets;
        this.calls = calls;
        this.pages = pages;
        this.page = page;
        this.results = results;
    }

    @GET
    public TemplateInstance page() {
        return pages.page(page, "customers").data("q", "").data("found", null);
    }

    /** Full page when posted without JavaScript. */
    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public TemplateInstance search(@FormParam("q") String q) {
        return pages.page(page, "customers").data("q", q == null ? "" : q).data("found", find(q));
    }

    /** The results alone, as htmx asks for them while the person types. */
    @POST
    @Path("/results")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public TemplateInstance results(@FormParam("q") String q) {
        return pages.page(results, "customers").data("found", find(q));
    }

    private Part<Object> find(String q) {
        if (q == null || q.trim().length() < 2) {
            return null;
        }
        return calls.call("ticket-service", () -> tickets.searchCustomers(q.trim(), 10));
    }
}
