package io.postventa.console.pages;

import java.net.URI;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.eclipse.microprofile.rest.client.inject.RestClient;

import io.postventa.console.clients.ReturnsClient;
import io.postventa.console.web.Calls;
import io.postventa.console.web.Pages;
import io.postventa.console.web.Part;
import io.quarkus.qute.Location;
import io.quarkus.qute.Template;
import io.quarkus.security.Authenticated;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/** The returns review queue: each return the risk matrix held, its reasons and the customer's history; approve or reject. */
@Path("/returns")
@Authenticated
@Produces(MediaType.TEXT_HTML)
public class ReturnsPage {
    private final ReturnsClient returns;
    private final Calls calls;
    private final Pages pages;
    private final Template page;

    public ReturnsPage(@RestClient ReturnsClient returns, Calls calls, Pages pages, @Location("returns.html") Template page) {
        this.returns = returns;
        this.calls = calls;
        this.pages = pages;
        this.page = page;
    }

    @GET
    public Response queue(@QueryParam("done") String done) {
        return render(null, null, Map.of(), done);
    }

    @POST
    @Path("/{id}/review")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response review(@PathParam("id") String id, @FormParam("outcome") String outcome, @FormParam("note") String note) {
        Map<String, Object> body = new HashMap<>();
        body.put("outcome", outcome == null || outcome.isBlank() ? null : outcome);
        body.put("note", note);
        Part<Object> result = calls.call("returns-service", () -> returns.review(id, body));
        if (result.isOk()) {
            return Response.seeOther(URI.create("/returns?done=" + ("REJECTED".equals(outcome) ? "rejected" : "approved")))
                    .build();
        }
        return render(id, result, Map.of("note", note == null ? "" : note, "outcome", outcome == null ? "" : outcome),
                null);
    }

    private Response render(String failedId, Part<Object> failure, Map<String, String> typed, String done) {
        Part<Object> queue = calls.call("returns-service", () -> returns.list("IN_REVIEW", 0, 50));
        List<Object> items = new ArrayList<>();
        if (queue.isOk()) {
            Map<String, Part<Object>> histories = new HashMap<>();
            for (Object o : (List<?>) ((Map<?, ?>) queue.value()).get("items")) {
                Map<String, Object> item = new LinkedHashMap<>((Map<String, Object>) o);
                String customerId = String.valueOf(item.get("customerId"));
                item.put("history", histories.computeIfAbsent(customerId,
                        c -> calls.call("returns-service", () -> returns.history(c))));
                items.add(item);
            }
        }
        int status = failure == null ? 200 : failure.isStale() ? 409 : 400;
        return Response.status(status).entity(pages.page(page, "returns").data("queue", queue).data("items", items)
                .data("failedId", failedId).data("failure", failure).data("typed", typed).data("done", done)).build();
    }
}
