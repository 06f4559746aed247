package io.postventa.ticket.api;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

import io.postventa.events.common.ContactReason;
import io.postventa.events.contacts.ContactChannel;
import io.postventa.events.contacts.TicketPriority;
import io.postventa.ticket.domain.TicketStatus;
import io.postventa.ticket.service.ProcedureService;
import io.postventa.ticket.service.TicketChanges;
import io.postventa.ticket.service.TicketQueries;
import io.postventa.ticket.service.TicketQueries.AttachmentFile;
import io.postventa.ticket.service.TicketQueries.TicketFilter;
import io.postventa.ticket.service.TicketViews.MessageView;
import io.postventa.ticket.service.TicketViews.TicketDetail;
import io.postventa.ticket.service.TicketViews.TicketView;
import io.postventa.web.Caller;
import io.postventa.web.Page;
import io.postventa.web.ProblemException;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/**
 * The help desk: ticket lists and details with the order beside them, replies, notes, status, reason and merges.
 * Every write honours {@code If-Match: <updatedAt>} (412 when the ticket changed since the caller saw it).
 */
@Path("/api/v1/tickets")
@Consumes(MediaType.APPLICATION_JSON)
@Produces(MediaType.APPLICATION_JSON)
public class TicketResource {

    /** A reply (public unless {@code internal}), optionally moving the ticket to {@code status}. */
    public record MessageRequest(@NotBlank @Size(max = 10000) String body, boolean internal, TicketStatus status) {
    }

    public record StatusRequest(@NotNull TicketStatus status) {
    }

    public record ReasonRequest(@NotNull ContactReason reason) {
    }

    public record MergeRequest(@NotBlank String sourceTicketId) {
    }

    /** {@code body}: the agent's edit of the procedure's draft, sent instead of the filled-in reply. */
    public record ApplyProcedureRequest(@NotBlank String procedureId, String language, TicketStatus status,
            @Size(max = 10000) String body) {
    }

    public record PriorityRequest(@NotNull TicketPriority priority) {
    }

    private final TicketQueries queries;
    private final TicketChanges changes;

    public TicketResource(TicketQueries queries, TicketChanges changes) {
        this.queries = queries;
        this.changes = changes;
    }

    @GET
    @RolesAllowed({Caller.AGENT, Caller.PARTNER_AGENT, Caller.MANAGER})
    @Operation(summary = "Tickets by status, reason, priority, channel, team, agent, customer, order or due date;"
            + " most urgent first; total counts the matching ones up to countLimit, totalCapped says that more match")
    @APIResponse(responseCode = "200", description = "OK")
    @APIResponse(responseCode = "400", description = "Invalid input: problem+json naming each bad field")
    public TicketQueries.TicketList list(@QueryParam("status") String status, @QueryParam("reason") String reason,
            @QueryParam("priority") String priority, @QueryParam("teamId") String teamId,
            @QueryParam("agentId") String agentId, @QueryParam("customerId") String customerId,
            @QueryParam("orderId") String orderId, @QueryParam("unassigned") @DefaultValue("false") boolean unassigned,
            @QueryParam("channel") String channel, @QueryParam("breached") @DefaultValue("false") boolean breached,
            @QueryParam("dueBefore") String dueBefore,
            @QueryParam("page") @DefaultValue("0") int page, @QueryParam("size") @DefaultValue("20") int size,
            @Parameter(description = "most matching tickets counted in total (1-10000); past it totalCapped is true")
            @QueryParam("countLimit") @DefaultValue("" + TicketQueries.COUNT_LIMIT) int countLimit) {
        Page.check(page, size);
        if (countLimit < 1 || countLimit > TicketQueries.COUNT_LIMIT) {
            throw ProblemException.badField("countLimit", "must be between 1 and " + TicketQueries.COUNT_LIMIT);
        }
        List<TicketStatus> statuses = null;
        if (status != null) {
            // one status, or several separated by commas (an inbox shows NEW,OPEN,ON_HOLD together)
            statuses = new ArrayList<>();
            for (String one : status.split(",")) {
                statuses.add(enumValue(TicketStatus.class, "status", one.trim()));
            }
        }
        ContactChannel channelValue = channel == null ? null : enumValue(ContactChannel.class, "channel", channel);
        Instant dueBeforeValue = dueBefore == null ? null : instant("dueBefore", dueBefore);
        ContactReason reasonValue = reason == null ? null : enumValue(ContactReason.class, "reason", reason);
        TicketPriority priorityValue = priority == null ? null : enumValue(TicketPriority.class, "priority", priority);
        return queries.list(new TicketFilter(statuses, channelValue, breached, dueBeforeValue, reasonValue,
                priorityValue, teamId, agentId, unassigned, customerId, orderId), page, size, countLimit);
    }

    @GET
    @Path("/{id}")
    @RolesAllowed({Caller.AGENT, Caller.PARTNER_AGENT, Caller.MANAGER, Caller.CUSTOMER})
    @Operation(summary = "One ticket with its messages and order (its customer, or staff)")
    @APIResponse(responseCode = "200", description = "OK")
    @APIResponse(responseCode = "404", description = "Not found, or not the caller's")
    public TicketDetail get(@PathParam("id") String id) {
        return queries.detail(id);
    }

    /** A file a customer sent with an e-mail: whoever may see the ticket and its message may download it. */
    @GET
    @Path("/{id}/attachments/{attachmentId}")
    @Produces(MediaType.WILDCARD)
    @RolesAllowed({Caller.AGENT, Caller.PARTNER_AGENT, Caller.MANAGER, Caller.CUSTOMER})
    @Operation(summary = "One attachment of a ticket's message")
    @APIResponse(responseCode = "200", description = "OK")
    @APIResponse(responseCode = "404", description = "Not found, or not the caller's")
    public Response attachment(@PathParam("id") String id, @PathParam("attachmentId") String attachmentId) {
        AttachmentFile a = queries.attachment(id, attachmentId);
        return Response.ok(a.content(), a.contentType())
                .header("Content-Disposition", "attachment; filename=\"" + a.fileName().replaceAll("[\"\\\\\r\n]", "_") + "\"")
                .header("X-Content-Type-Options", "nosniff").build();
    }

    @POST
    @Path("/{id}/messages")
    @RolesAllowed({Caller.AGENT, Caller.PARTNER_AGENT, Caller.CUSTOMER})
    @Operation(summary = "Write on a ticket (a reply, or an internal note); 201")
    @APIResponse(responseCode = "201", description = "Created")
    @APIResponse(responseCode = "400", description = "Invalid input: problem+json naming each bad field")
    @APIResponse(responseCode = "404", description = "Not found, or not the caller's")
    @APIResponse(responseCode = "409", description = "The ticket is closed; write a new contact")
    @APIResponse(responseCode = "412", description = "The ticket changed since If-Match")
    public Response addMessage(@PathParam("id") String id, @HeaderParam("If-Match") String ifMatch, @Valid @NotNull MessageRequest request) {
        MessageView m = changes.write(id, ifMatch, request.body(), request.internal(), request.status());
        return Response.status(Response.Status.CREATED).entity(m).build();
    }

    @POST
    @Path("/{id}/status")
    @RolesAllowed({Caller.AGENT, Caller.PARTNER_AGENT})
    @Operation(summary = "Change a ticket's status")
    @APIResponse(responseCode = "200", description = "OK")
    @APIResponse(responseCode = "400", description = "Invalid input: problem+json naming each bad field")
    @APIResponse(responseCode = "404", description = "Not found, or not the caller's")
    @APIResponse(responseCode = "409", description = "The ticket cannot move to that status")
    @APIResponse(responseCode = "412", description = "The ticket changed since If-Match")
    public TicketView changeStatus(@PathParam("id") String id, @HeaderParam("If-Match") String ifMatch, @Valid @NotNull StatusRequest request) {
        return changes.changeStatus(id, ifMatch, request.status());
    }

    @PUT
    @Path("/{id}/reason")
    @RolesAllowed({Caller.AGENT, Caller.PARTNER_AGENT})
    @Operation(summary = "Change a ticket's contact reason")
    @APIResponse(responseCode = "200", description = "OK")
    @APIResponse(responseCode = "400", description = "Invalid input: problem+json naming each bad field")
    @APIResponse(responseCode = "404", description = "Not found, or not the caller's")
    @APIResponse(responseCode = "409", description = "Conflicts with the current state")
    @APIResponse(responseCode = "412", description = "The ticket changed since If-Match")
    public TicketView changeReason(@PathParam("id") String id, @HeaderParam("If-Match") String ifMatch, @Valid @NotNull ReasonRequest request) {
        return changes.changeReason(id, ifMatch, request.reason());
    }

    @POST
    @Path("/{id}/merge")
    @RolesAllowed({Caller.AGENT, Caller.PARTNER_AGENT})
    @Operation(summary = "Merge another ticket of the same customer into this one")
    @APIResponse(responseCode = "200", description = "OK")
    @APIResponse(responseCode = "400", description = "Invalid input: problem+json naming each bad field")
    @APIResponse(responseCode = "404", description = "Not found, or not the caller's")
    @APIResponse(responseCode = "409", description = "Conflicts with the current state")
    @APIResponse(responseCode = "412", description = "The ticket changed since If-Match")
    @APIResponse(responseCode = "422", description = "The two tickets are not the same customer's")
    public TicketDetail merge(@PathParam("id") String id, @HeaderParam("If-Match") String ifMatch, @Valid @NotNull MergeRequest request) {
        return changes.merge(id, ifMatch, request.sourceTicketId());
    }

    @POST
    @Path("/{id}/procedure")
    @RolesAllowed({Caller.AGENT, Caller.PARTNER_AGENT})
    @Operation(summary = "Answer a ticket with a procedure's reply; 201")
    @APIResponse(responseCode = "201", description = "Created")
    @APIResponse(responseCode = "400", description = "Invalid input: problem+json naming each bad field")
    @APIResponse(responseCode = "404", description = "Not found, or not the caller's")
    @APIResponse(responseCode = "409", description = "Conflicts with the current state")
    @APIResponse(responseCode = "412", description = "The ticket changed since If-Match")
    public Response applyProcedure(@PathParam("id") String id, @HeaderParam("If-Match") String ifMatch, @Valid @NotNull ApplyProcedureRequest request) {
        MessageView m = changes.applyProcedure(id, ifMatch, request.procedureId(), request.language(), request.body(),
                request.status());
        return Response.status(Response.Status.CREATED).entity(m).build();
    }

    /** Hands the caller the most urgent unassigned ticket it may work (a partner agent: of its team); 204 when none. */
    @POST
    @Path("/next")
    @Consumes(MediaType.WILDCARD) // no body: a client that sends no Content-Type must not get 415
    @RolesAllowed({Caller.AGENT, Caller.PARTNER_AGENT})
    @Operation(summary = "Take the most urgent unassigned ticket the agent may work on; 204 when there is none")
    @APIResponse(responseCode = "200", description = "OK")
    @APIResponse(responseCode = "204", description = "No content")
    public Response takeNext() {
        return changes.takeNext().map(t -> Response.ok(t).build()).orElseGet(() -> Response.noContent().build());
    }

    @PUT
    @Path("/{id}/priority")
    @RolesAllowed({Caller.AGENT, Caller.PARTNER_AGENT})
    @Operation(summary = "Change a ticket's priority")
    @APIResponse(responseCode = "200", description = "OK")
    @APIResponse(responseCode = "400", description = "Invalid input: problem+json naming each bad field")
    @APIResponse(responseCode = "404", description = "Not found, or not the caller's")
    @APIResponse(responseCode = "409", description = "Conflicts with the current state")
    @APIResponse(responseCode = "412", description = "The ticket changed since If-Match")
    public TicketView changePriority(@PathParam("id") String id, @HeaderParam("If-Match") String ifMatch,
            @Valid @NotNull PriorityRequest request) {
        return changes.changePriority(id, ifMatch, request.priority());
    }

    /**
     * The ticket with the procedure of its reason and its reply drafted (in the ticket's language, else
     * {@code language}): the ticket, the procedures list and the draft in one call, for the console's ticket view.
     */
    @GET
    @Path("/{id}/workspace")
    @RolesAllowed({Caller.AGENT, Caller.PARTNER_AGENT})
    @Operation(summary = "A ticket with its reason's procedures and the reply drafted, for an agent's ticket view")
    @APIResponse(responseCode = "200", description = "OK")
    @APIResponse(responseCode = "404", description = "Not found, or not the caller's")
    public TicketQueries.Workspace workspace(@PathParam("id") String id, @QueryParam("language") String language) {
        return queries.workspace(id, language);
    }

    /** The procedure's reply filled in for this ticket (in {@code language}, else the ticket's), to edit before sending. */
    @GET
    @Path("/{id}/procedures/{procedureId}/draft")
    @RolesAllowed({Caller.AGENT, Caller.PARTNER_AGENT})
    @Operation(summary = "A procedure's reply for a ticket, filled in, before it is sent")
    @APIResponse(responseCode = "200", description = "OK")
    @APIResponse(responseCode = "400", description = "Invalid input: problem+json naming each bad field")
    @APIResponse(responseCode = "404", description = "Not found, or not the caller's")
    public ProcedureService.Draft draft(@PathParam("id") String id, @PathParam("procedureId") String procedureId,
            @QueryParam("language") String language) {
        return queries.draft(id, procedureId, language);
    }

    @GET
    @Path("/export")
    @Produces("text/csv")
    @RolesAllowed({Caller.AGENT, Caller.MANAGER})
    @Operation(summary = "Tickets as CSV (agents and managers)")
    @APIResponse(responseCode = "200", description = "OK")
    @APIResponse(responseCode = "400", description = "Invalid input: problem+json naming each bad field")
    public Response export(@QueryParam("status") String status) {
        StringBuilder csv = new StringBuilder("id,status,reason,priority,channel,customerId,orderId,teamId,agentId,createdAt,firstResponseAt,solvedAt\n");
        queries.export(status == null ? null : enumValue(TicketStatus.class, "status", status)).forEach(t -> csv.append(
                String.join(",", t.id().toString(), t.status(), t.reason(), t.priority(), n(t.channel()),
                        n(t.customerId()), n(t.orderId()), t.teamId(), n(t.agentId()), t.createdAt().toString(),
                        t.firstResponseAt() == null ? "" : t.firstResponseAt().toString(),
                        t.solvedAt() == null ? "" : t.solvedAt().toString())).append('\n'));
        return Response.ok(csv.toString()).header("Content-Disposition", "attachment; filename=tickets.csv").build();
    }

    private static String n(String s) {
        return s == null ? "" : s.replace(",", " ");
    }

    /** A query or path value as the enum it names; 400 naming {@code field} otherwise. */
    static <E extends Enum<E>> E enumValue(Class<E> type, String field, String value) {
        try {
            return Enum.valueOf(type, value);
        } catch (IllegalArgumentException e) {
            throw ProblemException.badField(field, "must be one of " + Arrays.toString(type.getEnumConstants()));
        }
    }

    static Instant instant(String field, String value) {
        try {
            return Instant.parse(value);
        } catch (DateTimeParseException e) {
            throw ProblemException.badField(field, "must be an ISO-8601 instant such as 2026-12-07T10:00:00Z");
        }
    }
}
