package io.postventa.ticket.api;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.postventa.events.common.ContactReason;
import io.postventa.events.contacts.ContactChannel;
import io.postventa.events.contacts.TicketPriority;
import io.postventa.ticket.api.TicketViews.MessageView;
import io.postventa.ticket.api.TicketViews.TicketDetail;
import io.postventa.ticket.api.TicketViews.TicketView;
import io.postventa.ticket.domain.MessageKind;
import io.postventa.ticket.domain.OrderView;
import io.postventa.ticket.domain.ReturnView;
import io.postventa.ticket.domain.Ticket;
import io.postventa.ticket.domain.TicketAttachment;
import io.postventa.ticket.domain.TicketMessage;
import io.postventa.ticket.domain.TicketStatus;
import io.postventa.ticket.service.ProcedureService;
import io.postventa.ticket.service.TicketService;
import io.postventa.web.Caller;
import io.postventa.web.Page;
import io.postventa.web.ProblemException;
import io.quarkus.hibernate.orm.panache.PanacheQuery;
import jakarta.annotation.security.RolesAllowed;
import jakarta.transaction.Transactional;
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

/** The help desk: ticket lists and details with the order beside them, replies, notes, status, reason and merges. */
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

    private final TicketAccess access;
    private final TicketService tickets;
    private final ProcedureService procedures;

    public TicketResource(TicketAccess access, TicketService tickets, ProcedureService procedures) {
        this.access = access;
        this.tickets = tickets;
        this.procedures = procedures;
    }

    @GET
    @RolesAllowed({Caller.AGENT, Caller.PARTNER_AGENT, Caller.MANAGER})
    @Transactional
    public Page<TicketView> list(@QueryParam("status") String status, @QueryParam("reason") String reason,
            @QueryParam("priority") String priority, @QueryParam("teamId") String teamId,
            @QueryParam("agentId") String agentId, @QueryParam("customerId") String customerId,
            @QueryParam("orderId") String orderId, @QueryParam("unassigned") @DefaultValue("false") boolean unassigned,
            @QueryParam("channel") String channel, @QueryParam("breached") @DefaultValue("false") boolean breached,
            @QueryParam("dueBefore") String dueBefore,
            @QueryParam("page") @DefaultValue("0") int page, @QueryParam("size") @DefaultValue("20") int size) {
        Page.check(page, size);
        List<String> where = new ArrayList<>();
        Map<String, Object> params = new HashMap<>();
        where.add("mergedInto is null");
        if (status != null) {
            // one status, or several separated by commas (an inbox shows NEW,OPEN,ON_HOLD together)
            List<String> statuses = new ArrayList<>();
            for (String one : status.split(",")) {
                statuses.add(enumValue(TicketStatus.class, "status", one.trim()));
            }
            where.add("status in :status");
            params.put("status", statuses);
        }
        if (channel != null) {
            where.add("channel = :channel");
            params.put("channel", enumValue(ContactChannel.class, "channel", channel));
        }
        if (breached) {
            where.add("(firstResponseBreached = true or resolutionBreached = true)");
        }
        if (dueBefore != null) {
            // the pending target: first response until it is given, then resolution; paused clocks are not running
            where.add("slaPausedSince is null and (case when firstResponseAt is null then firstResponseDueAt"
                    + " else resolutionDueAt end) < :dueBefore");
            params.put("dueBefore", instant("dueBefore", dueBefore));
        }
        if (reason != null) {
            where.add("reason = :reason");
            params.put("reason", enumValue(ContactReason.class, "reason", reason));
        }
        if (priority != null) {
            where.add("priority = :priority");
            params.put("priority", enumValue(TicketPriority.class, "priority", priority));
        }
        if (access.isPartner()) {
            where.add("teamId = :team");
            params.put("team", access.caller().team().orElse("-"));
        } else if (teamId != null) {
            where.add("teamId = :team");
            params.put("team", teamId);
        }
        if (agentId != null) {
            where.add("agentId = :agent");
            params.put("agent", agentId);
        }
        if (unassigned) {
            where.add("agentId is null");
        }
        if (customerId != null) {
            where.add("customerId = :customer");
            params.put("customer", customerId);
        }
        if (orderId != null) {
            where.add("orderId = :order");
            params.put("order", orderId);
        }
        // most urgent first (TicketService.URGENCY_HQL), served by ticket_urgency_idx
        PanacheQuery<Ticket> query = Ticket.find(String.join(" and ", where) + " order by " + TicketService.URGENCY_HQL, params);
        List<TicketView> items = query.page(page, size).<Ticket>list().stream()
                .map(t -> TicketViews.view(t, access.isPartner())).toList();
        return new Page<>(items, page, size, query.count());
    }

    @GET
    @Path("/{id}")
    @RolesAllowed({Caller.AGENT, Caller.PARTNER_AGENT, Caller.MANAGER, Caller.CUSTOMER})
    @Transactional
    public TicketDetail get(@PathParam("id") String id) {
        Ticket t = access.load(id, false);
        return detail(t);
    }

    private TicketDetail detail(Ticket t) {
        boolean mask = access.isPartner();
        boolean customer = access.caller().isOnlyCustomer();
        OrderView order = t.orderId == null ? null : OrderView.findById(t.orderId);
        List<TicketViews.ReturnSummary> returns = t.orderId == null ? List.of()
                : ReturnView.<ReturnView>list("orderId = ?1 order by updatedAt", t.orderId).stream()
                        .map(TicketViews::view).toList();
        List<TicketMessage> conversation = TicketMessage.<TicketMessage>list("ticketId = ?1 order by createdAt, id", t.id)
                .stream().filter(m -> !customer || TicketViews.isPublic(m)).toList();
        Map<UUID, List<TicketViews.AttachmentView>> files = new HashMap<>();
        if (!conversation.isEmpty()) {
            // the files' names and sizes only, not their content
            TicketAttachment.getEntityManager().createQuery("select a.messageId, a.id, a.fileName, a.contentType,"
                    + " a.sizeBytes from TicketAttachment a where a.messageId in :ids order by a.createdAt, a.id",
                    Object[].class).setParameter("ids", conversation.stream().map(m -> m.id).toList()).getResultList()
                    .forEach(r -> files.computeIfAbsent((UUID) r[0], k -> new ArrayList<>()).add(
                            new TicketViews.AttachmentView((UUID) r[1], (String) r[2], (String) r[3], (Integer) r[4])));
        }
        List<MessageView> messages = conversation.stream()
                .map(m -> TicketViews.view(m, mask, files.getOrDefault(m.id, List.of()))).toList();
        return new TicketDetail(TicketViews.view(t, mask), TicketViews.view(order, mask), returns, messages);
    }

    /** A file a customer sent with an e-mail: whoever may see the ticket and its message may download it. */
    @GET
    @Path("/{id}/attachments/{attachmentId}")
    @Produces(MediaType.WILDCARD)
    @RolesAllowed({Caller.AGENT, Caller.PARTNER_AGENT, Caller.MANAGER, Caller.CUSTOMER})
    @Transactional
    public Response attachment(@PathParam("id") String id, @PathParam("attachmentId") String attachmentId) {
        Ticket t = access.load(id, false);
        TicketAttachment a;
        try {
            a = TicketAttachment.findById(UUID.fromString(attachmentId));
        } catch (IllegalArgumentException e) {
            a = null;
        }
        TicketMessage m = a == null ? null : TicketMessage.findById(a.messageId);
        if (m == null || !m.ticketId.equals(t.id) || access.caller().isOnlyCustomer() && !TicketViews.isPublic(m)) {
            throw ProblemException.notFound("attachment", attachmentId);
        }
        return Response.ok(a.content, a.contentType)
                .header("Content-Disposition", "attachment; filename=\"" + a.fileName.replaceAll("[\"\\\\\r\n]", "_") + "\"")
                .header("X-Content-Type-Options", "nosniff").build();
    }

    @POST
    @Path("/{id}/messages")
    @RolesAllowed({Caller.AGENT, Caller.PARTNER_AGENT, Caller.CUSTOMER})
    @Transactional
    public Response addMessage(@PathParam("id") String id, @HeaderParam("If-Match") String ifMatch, @Valid @NotNull MessageRequest request) {
        Ticket t = access.load(id, true);
        requireVersion(t, ifMatch);
        Caller caller = access.caller();
        TicketMessage m;
        if (caller.isOnlyCustomer()) {
            if (request.internal() || request.status() != null) {
                throw ProblemException.badField(request.internal() ? "internal" : "status",
                        "a customer can only write a reply");
            }
            if (t.mergedInto != null || t.status() == TicketStatus.CLOSED) {
                throw ProblemException.conflict("this ticket is closed; write a new contact");
            }
            m = tickets.addMessage(t, MessageKind.CUSTOMER, caller.subject(), request.body(), t.channel, null, null,
                    null, null);
            tickets.customerWrote(t);
        } else if (request.internal()) {
            m = tickets.addMessage(t, MessageKind.INTERNAL_NOTE, caller.subject(), request.body(), null, null, null,
                    null, null);
        } else {
            m = tickets.reply(t, caller.subject(), request.body(), false, null);
        }
        if (request.status() != null) {
            tickets.changeStatus(t, request.status(), caller.subject(), false);
        }
        return Response.status(Response.Status.CREATED).entity(TicketViews.view(m, access.isPartner())).build();
    }

    @POST
    @Path("/{id}/status")
    @RolesAllowed({Caller.AGENT, Caller.PARTNER_AGENT})
    @Transactional
    public TicketView changeStatus(@PathParam("id") String id, @HeaderParam("If-Match") String ifMatch, @Valid @NotNull StatusRequest request) {
        Ticket t = access.load(id, true);
        requireVersion(t, ifMatch);
        tickets.changeStatus(t, request.status(), access.caller().subject(), false);
        return TicketViews.view(t, access.isPartner());
    }

    @PUT
    @Path("/{id}/reason")
    @RolesAllowed({Caller.AGENT, Caller.PARTNER_AGENT})
    @Transactional
    public TicketView changeReason(@PathParam("id") String id, @HeaderParam("If-Match") String ifMatch, @Valid @NotNull ReasonRequest request) {
        Ticket t = access.load(id, true);
        requireVersion(t, ifMatch);
        tickets.changeReason(t, request.reason(), access.caller().subject());
        return TicketViews.view(t, access.isPartner());
    }

    @POST
    @Path("/{id}/merge")
    @RolesAllowed({Caller.AGENT, Caller.PARTNER_AGENT})
    @Transactional
    public TicketDetail merge(@PathParam("id") String id, @HeaderParam("If-Match") String ifMatch, @Valid @NotNull MergeRequest request) {
        Ticket target = access.load(id, true);
        requireVersion(target, ifMatch);
        Ticket source;
        try {
            source = access.load(request.sourceTicketId(), true);
        } catch (ProblemException e) {
            throw ProblemException.badField("sourceTicketId", "no such ticket");
        }
        if (target.customerId != null && source.customerId != null && !target.customerId.equals(source.customerId)) {
            throw ProblemException.unprocessable("tickets of two customers cannot be merged",
                    List.of(new io.postventa.web.Problem.FieldError("sourceTicketId", "belongs to another customer")));
        }
        tickets.merge(target, source, access.caller().subject());
        return detail(target);
    }

    @POST
    @Path("/{id}/procedure")
    @RolesAllowed({Caller.AGENT, Caller.PARTNER_AGENT})
    @Transactional
    public Response applyProcedure(@PathParam("id") String id, @HeaderParam("If-Match") String ifMatch, @Valid @NotNull ApplyProcedureRequest request) {
        Ticket t = access.load(id, true);
        requireVersion(t, ifMatch);
        TicketMessage m = procedures.apply(t, request.procedureId(), request.language(), request.body(),
                access.caller().subject());
        if (request.status() != null) {
            tickets.changeStatus(t, request.status(), access.caller().subject(), false);
        }
        return Response.status(Response.Status.CREATED).entity(TicketViews.view(m, access.isPartner())).build();
    }

    /** Hands the caller the most urgent unassigned ticket it may work (a partner agent: of its team); 204 when none. */
    @POST
    @Path("/next")
    @RolesAllowed({Caller.AGENT, Caller.PARTNER_AGENT})
    @Transactional
    public Response takeNext() {
        String team = access.isPartner() ? access.caller().team().orElse("-") : null;
        return tickets.takeNext(team, access.caller().subject())
                .map(t -> Response.ok(TicketViews.view(t, access.isPartner())).build())
                .orElseGet(() -> Response.noContent().build());
    }

    @PUT
    @Path("/{id}/priority")
    @RolesAllowed({Caller.AGENT, Caller.PARTNER_AGENT})
    @Transactional
    public TicketView changePriority(@PathParam("id") String id, @HeaderParam("If-Match") String ifMatch,
            @Valid @NotNull PriorityRequest request) {
        Ticket t = access.load(id, true);
        requireVersion(t, ifMatch);
        tickets.changePriority(t, request.priority(), access.caller().subject());
        return TicketViews.view(t, access.isPartner());
    }

    /** The procedure's reply filled in for this ticket (in {@code language}, else the ticket's), to edit before sending. */
    @GET
    @Path("/{id}/procedures/{procedureId}/draft")
    @RolesAllowed({Caller.AGENT, Caller.PARTNER_AGENT})
    @Transactional
    public ProcedureService.Draft draft(@PathParam("id") String id, @PathParam("procedureId") String procedureId,
            @QueryParam("language") String language) {
        Ticket t = access.load(id, false);
        ProcedureService.Draft draft = procedures.draft(t, procedureId, language);
        return access.isPartner() ? new ProcedureService.Draft(draft.procedureId(), draft.language(),
                io.postventa.ticket.domain.Masking.text(draft.body())) : draft;
    }

    /**
     * A write sent with {@code If-Match: <updatedAt>} (the ticket's {@code updatedAt} as the writer last saw it) is
     * refused with 412 when the ticket changed since, so a stale page never overwrites another agent's change. Every
     * change a person makes (a message, a status, reason or priority change, a merge, taking it) moves
     * {@code updatedAt}; the SLA check's own bookkeeping does not, so it never makes a page stale.
     */
    private static void requireVersion(Ticket t, String ifMatch) {
        if (ifMatch == null || ifMatch.isBlank()) {
            return;
        }
        String seen = ifMatch.trim().replace("W/", "").replace("\"", "");
        java.time.Instant seenAt;
        try {
            seenAt = java.time.Instant.parse(seen);
        } catch (java.time.format.DateTimeParseException e) {
            throw ProblemException.badField("If-Match", "must be the ticket's updatedAt, e.g. 2026-12-07T10:00:00.123Z");
        }
        if (t.updatedAt == null || seenAt.toEpochMilli() != t.updatedAt.toEpochMilli()) {
            throw new ProblemException(412, "Precondition Failed",
                    "the ticket changed since " + seen + " (last change " + t.updatedAt + "); reload it", List.of());
        }
    }

    static java.time.Instant instant(String field, String value) {
        try {
            return java.time.Instant.parse(value);
        } catch (java.time.format.DateTimeParseException e) {
            throw ProblemException.badField(field, "must be an ISO-8601 instant such as 2026-12-07T10:00:00Z");
        }
    }

    @GET
    @Path("/export")
    @Produces("text/csv")
    @RolesAllowed({Caller.AGENT, Caller.MANAGER})
    @Transactional
    public Response export(@QueryParam("status") String status) {
        if (access.isPartner()) {
            throw ProblemException.forbidden("partner agents cannot export tickets");
        }
        StringBuilder csv = new StringBuilder("id,status,reason,priority,channel,customerId,orderId,teamId,agentId,createdAt,firstResponseAt,solvedAt\n");
        PanacheQuery<Ticket> query = status == null ? Ticket.find("mergedInto is null order by createdAt")
                : Ticket.find("mergedInto is null and status = ?1 order by createdAt",
                        enumValue(TicketStatus.class, "status", status));
        query.page(0, 10_000).<Ticket>list().forEach(t -> csv.append(String.join(",", t.id.toString(), t.status, t.reason,
                t.priority, n(t.channel), n(t.customerId), n(t.orderId), t.teamId, n(t.agentId), t.createdAt.toString(),
                t.firstResponseAt == null ? "" : t.firstResponseAt.toString(),
                t.solvedAt == null ? "" : t.solvedAt.toString())).append('\n'));
        return Response.ok(csv.toString()).header("Content-Disposition", "attachment; filename=tickets.csv").build();
    }

    private static String n(String s) {
        return s == null ? "" : s.replace(",", " ");
    }

    static <E extends Enum<E>> String enumValue(Class<E> type, String field, String value) {
        try {
            return Enum.valueOf(type, value).name();
        } catch (IllegalArgumentException e) {
            throw ProblemException.badField(field, "must be one of " + java.util.Arrays.toString(type.getEnumConstants()));
        }
    }

    static UUID uuid(String field, String value) {
        try {
            return UUID.fromString(value);
        } catch (IllegalArgumentException e) {
            throw ProblemException.badField(field, "must be a ticket id");
        }
    }
}
