package io.postventa.console.pages;

import java.net.URI;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

import org.eclipse.microprofile.rest.client.inject.RestClient;

import io.postventa.console.auth.ConsoleUser;
import io.postventa.console.clients.FeedbackClient;
import io.postventa.console.clients.NotificationClient;
import io.postventa.console.clients.OrderStatusClient;
import io.postventa.console.clients.ReturnsClient;
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
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/**
 * The ticket view: the conversation and, beside it, the customer's 360 from each service (order timeline, returns
 * and decisions, messages sent, surveys answered), the procedure suggested for the reason with its reply to edit,
 * and the actions. Every write carries the ticket's updatedAt as the page showed it (If-Match): a page gone stale
 * says so and keeps what was typed instead of overwriting another agent's change.
 */
@Path("/tickets/{id}")
@Authenticated
@Produces(MediaType.TEXT_HTML)
public class TicketPage {
    private static final int MAX_RETURNS = 5;
    private static final int MAX_SURVEYS = 5;

    private final TicketClient tickets;
    private final OrderStatusClient orders;
    private final ReturnsClient returns;
    private final NotificationClient notifications;
    private final FeedbackClient feedback;
    private final Calls calls;
    private final Pages pages;
    private final ConsoleUser user;
    private final Template page;
    private final Template draft;

    public TicketPage(@RestClient TicketClient tickets, @RestClient OrderStatusClient orders,
            @RestClient ReturnsClient returns, @RestClient NotificationClient notifications,
            @RestClient FeedbackClient feedback, Calls calls, Pages pages, ConsoleUser user,
            @Location("ticket.html") Template page, @Location("ticket-draft.html") Template draft) {
        this.tickets = tickets;
        this.orders = orders;
        this.returns = returns;
        this.notifications = notifications;
        this.feedback = feedback;
        this.calls = calls;
        this.pages = pages;
        this.user = user;
        this.page = page;
        this.draft = draft;
    }

    @GET
    public Response view(@PathParam("id") String id, @QueryParam("done") String done) {
        return render(id, null, Map.of(), done);
    }

    /** The procedure's reply for this ticket in the chosen language, to edit before sending (htmx swaps it in). */
    @GET
    @Path("/draft")
    public TemplateInstance draft(@PathParam("id") String id, @QueryParam("procedureId") String procedureId,
            @QueryParam("language") String language, @QueryParam("version") String version) {
        Part<Object> d = calls.call("ticket-service", () -> tickets.draft(id, procedureId, language));
        return pages.page(draft, "inbox").data("draft", d).data("ticketId", id).data("procedureId", procedureId)
                .data("form", null).data("version", version).data("errors", Map.of());
    }

    @POST
    @Path("/reply")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response reply(@PathParam("id") String id, @FormParam("version") String version,
            @FormParam("body") String body, @FormParam("internal") String internal,
            @FormParam("then") String then) {
        Map<String, Object> request = new HashMap<>();
        request.put("body", body == null ? "" : body);
        request.put("internal", "on".equals(internal) || "true".equals(internal));
        if (then != null && !then.isBlank()) {
            request.put("status", then);
        }
        Part<Object> result = calls.call("ticket-service", () -> tickets.addMessage(id, version, request));
        return after(id, result, "reply", form("body", body, "internal", internal, "then", then), "sent");
    }

    @POST
    @Path("/procedure")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response sendProcedure(@PathParam("id") String id, @FormParam("version") String version,
            @FormParam("procedureId") String procedureId, @FormParam("language") String language,
            @FormParam("body") String body, @FormParam("then") String then) {
        Map<String, Object> request = new HashMap<>();
        request.put("procedureId", procedureId);
        request.put("language", language);
        request.put("body", body);
        if (then != null && !then.isBlank()) {
            request.put("status", then);
        }
        Part<Object> result = calls.call("ticket-service", () -> tickets.applyProcedure(id, version, request));
        return after(id, result, "procedure", form("procedureBody", body, "procedureLanguage", language, "then", then),
                "sent");
    }

    @POST
    @Path("/reason")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response reason(@PathParam("id") String id, @FormParam("version") String version,
            @FormParam("reason") String reason) {
        Part<Object> result = calls.call("ticket-service",
                () -> tickets.changeReason(id, version, map("reason", blank(reason))));
        return after(id, result, "reason", form("reason", reason), "saved");
    }

    @POST
    @Path("/priority")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response priority(@PathParam("id") String id, @FormParam("version") String version,
            @FormParam("priority") String priority) {
        Part<Object> result = calls.call("ticket-service",
                () -> tickets.changePriority(id, version, map("priority", blank(priority))));
        return after(id, result, "priority", form("priority", priority), "saved");
    }

    @POST
    @Path("/merge")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response merge(@PathParam("id") String id, @FormParam("version") String version,
            @FormParam("sourceTicketId") String source) {
        Part<Object> result = calls.call("ticket-service",
                () -> tickets.merge(id, version, map("sourceTicketId", source == null ? "" : source.trim())));
        return after(id, result, "merge", form("sourceTicketId", source), "merged");
    }

    @POST
    @Path("/status")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response status(@PathParam("id") String id, @FormParam("version") String version,
            @FormParam("status") String status) {
        Part<Object> result = calls.call("ticket-service",
                () -> tickets.changeStatus(id, version, map("status", blank(status))));
        return after(id, result, "status", form(), "saved");
    }

    /** Post/redirect/get on success; the page again with the service's errors and the typed values otherwise. */
    private Response after(String id, Part<Object> result, String form, Map<String, String> typed, String done) {
        if (result.isOk()) {
            return Response.seeOther(URI.create("/tickets/" + id + "?done=" + done)).build();
        }
        Map<String, Object> failure = new HashMap<>();
        failure.put("form", form);
        failure.put("typed", typed);
        failure.put("result", result);
        return render(id, failure, result.fieldErrors(), null);
    }

    private Response render(String id, Map<String, Object> failure, Map<String, String> errors, String done) {
        // who works tickets gets the ticket, its reason's procedure and the reply drafted in one call; a manager, who
        // reads tickets only, the ticket
        boolean worksTickets = user.worksTickets();
        String lang = pages.lang();
        Part<Object> detail = worksTickets ? calls.call("ticket-service", () -> tickets.workspace(id, lang))
                : calls.call("ticket-service", () -> tickets.get(id));
        if (detail.isNotFound()) {
            return Response.status(404).entity(pages.page(page, "inbox").data("detail", detail).data("id", id)
                    .data("failure", null).data("errors", Map.of()).data("done", null)).build();
        }
        TemplateInstance view = pages.page(page, "inbox").data("detail", detail).data("id", id)
                .data("failure", failure).data("errors", errors).data("done", done)
                .data("reasons", InboxResource.REASONS).data("priorities", InboxResource.PRIORITIES);
        Map<?, ?> ticket = detail.isOk() ? (Map<?, ?>) ((Map<?, ?>) detail.value()).get("ticket") : Map.of();
        String customerId = str(ticket.get("customerId"));
        String orderId = str(ticket.get("orderId"));
        String language = ticket.get("language") == null ? lang : ticket.get("language").toString();
        view.data("ticket", ticket).data("customerId", customerId).data("language", language);

        // the sections beside the conversation need the ticket only, not each other: asked for at once, so the page
        // waits for the slowest service instead of for all of them in turn; each section shows its own notice
        // the order with its live timeline (order-status-service)
        CompletableFuture<Part<Object>> order = orderId == null ? null
                : calls.async("order-status-service", () -> orders.order(orderId, lang));
        // the customer's returns with their decisions (returns-service)
        CompletableFuture<Part<Object>> history = customerId == null ? null : calls.async(() -> returns(customerId));
        // the messages the platform sent them (notification-service), and the surveys answered (feedback-service),
        // found through the invitations that were sent
        CompletableFuture<Part<Object>> sent = customerId == null ? null
                : calls.async("notification-service", () -> notifications.byCustomer(customerId, 0, 20));
        CompletableFuture<Part<Object>> surveys = sent == null ? null : sent.thenApply(this::surveys);
        view.data("order", Calls.await(order, Part.unavailable()));
        view.data("returns", Calls.await(history, Part.unavailable()));
        view.data("sent", Calls.await(sent, Part.unavailable()));
        view.data("surveys", Calls.await(surveys, Part.unavailable()));
        // the procedure for the ticket's reason, and its reply in the customer's language
        view.data("procedure", detail.isOk() && worksTickets ? procedure((Map<?, ?>) detail.value()) : null);
        int status = failure == null ? 200 : ((Part<?>) failure.get("result")).isStale() ? 409 : 400;
        return Response.status(status).entity(view).build();
    }

    private Part<Object> returns(String customerId) {
        Part<Object> history = calls.call("returns-service", () -> returns.history(customerId));
        if (history.isNotFound()) {
            return Part.ok(Map.of("returns", List.of(), "orders", List.of()));
        }
        if (!history.isOk()) {
            return history;
        }
        Map<String, Object> h = new LinkedHashMap<>((Map<String, Object>) history.value());
        List<?> latest = ((List<?>) h.getOrDefault("returns", List.of())).stream().limit(MAX_RETURNS).toList();
        // each return's decision, asked for at once
        List<CompletableFuture<Part<Object>>> each = latest.stream().map(r -> str(((Map<?, ?>) r).get("returnId")))
                .map(returnId -> calls.async("returns-service", () -> returns.get(returnId))).toList();
        List<Object> detailed = new ArrayList<>();
        for (int i = 0; i < latest.size(); i++) {
            Part<Object> one = Calls.await(each.get(i), Part.unavailable());
            detailed.add(one.isOk() ? one.value() : latest.get(i));
        }
        h.put("returns", detailed);
        return Part.ok(h);
    }

    private Part<Object> surveys(Part<Object> sent) {
        if (!sent.isOk()) {
            return sent;
        }
        List<Object> answered = new ArrayList<>();
        List<?> items = (List<?>) ((Map<?, ?>) sent.value()).get("items");
        List<String> surveyIds = items.stream().map(d -> str(((Map<?, ?>) d).get("surveyId")))
                .filter(s -> s != null).distinct().limit(MAX_SURVEYS).toList();
        // each survey's answer, asked for at once, read in the order the invitations were sent
        List<CompletableFuture<Part<Object>>> each = surveyIds.stream()
                .map(surveyId -> calls.async("feedback-service", () -> feedback.answer(surveyId))).toList();
        for (CompletableFuture<Part<Object>> started : each) {
            Part<Object> answer = Calls.await(started, Part.unavailable());
            if (answer.isOk()) {
                answered.add(answer.value());
            } else if (!answer.isNotFound()) {
                return answer; // unavailable, or not for this role: the part says so
            }
        }
        return Part.ok(answered);
    }

    /** The procedure of the ticket's reason and its reply drafted, as the ticket's workspace gives them. */
    private static Map<String, Object> procedure(Map<?, ?> workspace) {
        Map<?, ?> chosen = (Map<?, ?>) workspace.get("procedure");
        if (chosen == null) {
            return Map.of("part", Part.ok(null));
        }
        Map<String, Object> out = new HashMap<>();
        out.put("part", Part.ok(chosen));
        out.put("draft", Part.ok(workspace.get("draft")));
        out.put("procedureId", str(chosen.get("id")));
        return out;
    }

    private static Map<String, String> form(String... pairs) {
        Map<String, String> m = new HashMap<>();
        for (int i = 0; i + 1 < pairs.length; i += 2) {
            if (pairs[i + 1] != null) {
                m.put(pairs[i], pairs[i + 1]);
            }
        }
        return m;
    }

    private static Map<String, Object> map(String key, Object value) {
        Map<String, Object> m = new HashMap<>();
        m.put(key, value);
        return m;
    }

    private static String blank(String s) {
        return s == null || s.isBlank() ? null : s;
    }

    private static String str(Object o) {
        return o == null ? null : o.toString();
    }
}
