package io.postventa.portal.pages;

import java.net.URI;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

import org.eclipse.microprofile.rest.client.inject.RestClient;

import io.postventa.portal.auth.PortalSession;
import io.postventa.portal.clients.TicketClient;
import io.postventa.portal.web.Calls;
import io.postventa.portal.web.Pages;
import io.postventa.portal.web.Part;
import io.quarkus.qute.Location;
import io.quarkus.qute.Template;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/**
 * Ask a question about the order: a contact to ticket-service with the order in context (it joins the order's
 * ticket). A "where is my order?" is answered on the page at once with ticket-service's automatic answer, the live
 * status; anything else shows the acknowledgement with when to expect an answer.
 */
@Path("/question")
@Produces(MediaType.TEXT_HTML)
public class QuestionPage {
    private final TicketClient tickets;
    private final Calls calls;
    private final Pages pages;
    private final PortalSession session;
    private final Template page;

    public QuestionPage(@RestClient TicketClient tickets, Calls calls, Pages pages, PortalSession session,
            @Location("question.html") Template page) {
        this.tickets = tickets;
        this.calls = calls;
        this.pages = pages;
        this.session = session;
        this.page = page;
    }

    @GET
    public Response form() {
        if (!session.active()) {
            return Response.seeOther(URI.create("/?needed=1")).build();
        }
        return Response.ok(view(Map.of(), Map.of(), null, null)).build();
    }

    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response ask(@FormParam("message") String message, @FormParam("requestKey") String requestKey) {
        if (!session.active()) {
            return Response.seeOther(URI.create("/?needed=1")).build();
        }
        Map<String, String> typed = Map.of("message", message == null ? "" : message);
        if (message == null || message.isBlank()) {
            return Response.status(400).entity(view(typed, Map.of("message", pages.texts().get("question_required")),
                    null, null)).build();
        }
        Map<String, Object> body = new HashMap<>();
        body.put("channel", "WEB_FORM");
        body.put("orderId", session.orderId());
        body.put("message", message.trim());
        String key = requestKey == null || requestKey.isBlank() ? UUID.randomUUID().toString() : requestKey;
        Part<Object> sent = calls.call("ticket-service", () -> tickets.contact(key, body));
        if (sent.isOk()) {
            return Response.ok(view(Map.of(), Map.of(), null, sent.value())).build();
        }
        return Response.status(sent.isUnavailable() ? 503 : 400).entity(view(typed, sent.fieldErrors(), sent, null)).build();
    }

    private io.quarkus.qute.TemplateInstance view(Map<String, String> typed, Map<String, String> errors,
            Part<Object> failure, Object answer) {
        return pages.page(page, "question").data("typed", typed).data("errors", errors).data("failure", failure)
                .data("answer", answer).data("requestKey", UUID.randomUUID().toString());
    }
}
