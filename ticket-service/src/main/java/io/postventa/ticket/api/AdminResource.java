package io.postventa.ticket.api;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

import io.postventa.events.common.ContactReason;
import io.postventa.events.contacts.ContactChannel;
import io.postventa.events.contacts.TicketPriority;
import io.postventa.ticket.domain.Placeholders;
import io.postventa.ticket.domain.PriorityRule;
import io.postventa.ticket.domain.PriorityRuleSet;
import io.postventa.ticket.domain.SlaPolicy;
import io.postventa.ticket.service.PriorityRuleAdmin;
import io.postventa.ticket.service.ProcedureAdmin;
import io.postventa.ticket.service.ProcedureAdmin.ProcedureView;
import io.postventa.ticket.service.SlaPolicyAdmin;
import io.postventa.ticket.service.SlaPolicyAdmin.PriorityTargets;
import io.postventa.ticket.service.SlaPolicyAdmin.SlaPolicyChange;
import io.postventa.ticket.service.SlaPolicyAdmin.SlaPolicyView;
import io.postventa.ticket.service.TeamAdmin;
import io.postventa.ticket.service.TeamAdmin.AgentView;
import io.postventa.ticket.service.TeamAdmin.TeamView;
import io.postventa.web.Caller;
import io.postventa.web.Problem;
import io.postventa.web.ProblemException;
import io.postventa.web.Texts;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/** The rules that are data: procedures, teams and agents, routing, SLA policies and priority rules (admin). */
@Path("/api/v1")
@Consumes(MediaType.APPLICATION_JSON)
@Produces(MediaType.APPLICATION_JSON)
public class AdminResource {
    private static final String ID = "[a-z0-9][a-z0-9-]{0,62}";

    /**
     * A procedure. Its canned reply per language is in {@code replies} ({@code {"es": ..., "pt": ...}}, any language
     * the service speaks); {@code replyEs} and {@code replyEn} are shorthands for two of them.
     */
    public record ProcedureRequest(@NotNull ContactReason reason, @NotBlank @Size(max = 200) String name,
            @NotNull @Size(max = 50) List<@NotBlank String> steps, @Size(max = 5000) String replyEs,
            @Size(max = 5000) String replyEn, @Size(max = 20) Map<String, @NotBlank @Size(max = 5000) String> replies) {
    }

    public record TeamRequest(@NotBlank @Size(max = 200) String name, boolean partner, @Min(1) @Max(500) int agentCap) {
    }

    public record AgentRequest(@NotBlank @Pattern(regexp = ID) String teamId, @Size(max = 200) String name,
            boolean available) {
    }

    public record RoutingRequest(@NotNull @Pattern(regexp = ID) String teamId) {
    }

    /**
     * An SLA policy. Targets, in minutes, may be left out only on the {@code default} policy, where they (and the
     * time zone) mean the configured {@code ticket.sla.default-*} settings. {@code priorityTargets} gives a
     * priority targets of its own.
     */
    public record SlaPolicyRequest(TicketPriority priority, ContactChannel channel,
            @Min(1) @Max(525600) Integer firstResponseMinutes, @Min(1) @Max(525600) Integer resolutionMinutes,
            String timeZone, @NotNull Map<DayOfWeek, List<Integer>> hours, @NotNull List<LocalDate> holidays,
            boolean pauseWhileWithCarrier, boolean pauseWhileReturnInTransit,
            Map<TicketPriority, @Valid PriorityTargets> priorityTargets) {
    }

    public record PriorityRulesRequest(@NotNull @Size(max = 200) List<@NotNull PriorityRule> rules, int normalFrom,
            int highFrom, int urgentFrom) {
    }

    private final ProcedureAdmin procedureAdmin;
    private final TeamAdmin teamAdmin;
    private final SlaPolicyAdmin slaPolicyAdmin;
    private final PriorityRuleAdmin priorityRuleAdmin;
    private final Texts texts;

    public AdminResource(ProcedureAdmin procedureAdmin, TeamAdmin teamAdmin, SlaPolicyAdmin slaPolicyAdmin,
            PriorityRuleAdmin priorityRuleAdmin, Texts texts) {
        this.procedureAdmin = procedureAdmin;
        this.teamAdmin = teamAdmin;
        this.slaPolicyAdmin = slaPolicyAdmin;
        this.priorityRuleAdmin = priorityRuleAdmin;
        this.texts = texts;
    }

    // ---- procedures

    @GET
    @Path("/procedures")
    @RolesAllowed({Caller.ADMIN, Caller.AGENT, Caller.PARTNER_AGENT})
    @Operation(summary = "Every procedure (macro): reason, name and reply texts")
    @APIResponse(responseCode = "200", description = "OK")
    public List<ProcedureView> procedures() {
        return procedureAdmin.list();
    }

    @GET
    @Path("/procedures/{id}")
    @RolesAllowed({Caller.ADMIN, Caller.AGENT, Caller.PARTNER_AGENT})
    @Operation(summary = "One procedure with its reply texts")
    @APIResponse(responseCode = "200", description = "OK")
    @APIResponse(responseCode = "404", description = "Not found, or not the caller's")
    public ProcedureView procedure(@PathParam("id") String id) {
        return procedureAdmin.get(id);
    }

    @PUT
    @Path("/procedures/{id}")
    @RolesAllowed(Caller.ADMIN)
    @Operation(summary = "Create or replace a procedure")
    @APIResponse(responseCode = "200", description = "OK")
    @APIResponse(responseCode = "400", description = "Invalid input: problem+json naming each bad field")
    public ProcedureView saveProcedure(@PathParam("id") @Pattern(regexp = ID) String id,
            @Valid @NotNull ProcedureRequest request) {
        List<Problem.FieldError> errors = new ArrayList<>();
        Map<String, String> replies = new LinkedHashMap<>();
        Map<String, String> fields = new HashMap<>();
        if (request.replies() != null) {
            request.replies().forEach((language, reply) -> {
                if (!texts.speaks(language)) {
                    errors.add(new Problem.FieldError("replies." + language, "must be one of " + texts.languages()));
                }
                replies.put(language, reply);
                fields.put(language, "replies." + language);
            });
        }
        if (request.replyEs() != null && !request.replyEs().isBlank()) {
            replies.put("es", request.replyEs());
            fields.put("es", "replyEs");
        }
        if (request.replyEn() != null && !request.replyEn().isBlank()) {
            replies.put("en", request.replyEn());
            fields.put("en", "replyEn");
        }
        if (replies.isEmpty()) {
            errors.add(new Problem.FieldError("replies", "needs a reply in at least one of " + texts.languages()));
        }
        replies.forEach((language, reply) -> Placeholders.unknown(reply).forEach(u -> errors.add(new Problem.FieldError(
                fields.get(language), "unknown placeholder {{" + u + "}}; known: " + Placeholders.KNOWN))));
        if (!errors.isEmpty()) {
            throw ProblemException.badFields(errors);
        }
        return procedureAdmin.save(id, request.reason(), request.name(), request.steps(), replies);
    }

    @DELETE
    @Path("/procedures/{id}")
    @RolesAllowed(Caller.ADMIN)
    @Operation(summary = "Delete a procedure")
    @APIResponse(responseCode = "204", description = "No content")
    @APIResponse(responseCode = "404", description = "Not found, or not the caller's")
    public Response deleteProcedure(@PathParam("id") String id) {
        procedureAdmin.delete(id);
        return Response.noContent().build();
    }

    // ---- teams, agents, routing

    @GET
    @Path("/teams")
    @RolesAllowed({Caller.ADMIN, Caller.MANAGER})
    @Operation(summary = "Every team with its agents and cap")
    @APIResponse(responseCode = "200", description = "OK")
    public List<TeamView> teams() {
        return teamAdmin.teams();
    }

    @PUT
    @Path("/teams/{id}")
    @RolesAllowed(Caller.ADMIN)
    @Operation(summary = "Create or replace a team")
    @APIResponse(responseCode = "200", description = "OK")
    @APIResponse(responseCode = "400", description = "Invalid input: problem+json naming each bad field")
    public TeamView saveTeam(@PathParam("id") @Pattern(regexp = ID) String id, @Valid @NotNull TeamRequest request) {
        return teamAdmin.saveTeam(id, request.name(), request.partner(), request.agentCap());
    }

    @PUT
    @Path("/agents/{id}")
    @RolesAllowed(Caller.ADMIN)
    @Operation(summary = "Create or replace an agent and put them in a team")
    @APIResponse(responseCode = "200", description = "OK")
    @APIResponse(responseCode = "400", description = "Invalid input: problem+json naming each bad field")
    @APIResponse(responseCode = "404", description = "No such team")
    public AgentView saveAgent(@PathParam("id") @Pattern(regexp = "[A-Za-z0-9._@-]{1,100}") String id,
            @Valid @NotNull AgentRequest request) {
        return teamAdmin.saveAgent(id, request.teamId(), request.name(), request.available());
    }

    @GET
    @Path("/routing-rules")
    @RolesAllowed({Caller.ADMIN, Caller.MANAGER})
    @Operation(summary = "Which team each contact reason is routed to")
    @APIResponse(responseCode = "200", description = "OK")
    public Map<String, String> routing() {
        return teamAdmin.routing();
    }

    @PUT
    @Path("/routing-rules/{reason}")
    @RolesAllowed(Caller.ADMIN)
    @Operation(summary = "Route a contact reason to a team")
    @APIResponse(responseCode = "200", description = "OK")
    @APIResponse(responseCode = "400", description = "Invalid input: problem+json naming each bad field")
    @APIResponse(responseCode = "404", description = "No such team")
    public Map<String, String> saveRouting(@PathParam("reason") String reason, @Valid @NotNull RoutingRequest request) {
        return teamAdmin.saveRouting(TicketResource.enumValue(ContactReason.class, "reason", reason), request.teamId());
    }

    // ---- SLA policies

    @GET
    @Path("/sla-policies")
    @RolesAllowed({Caller.ADMIN, Caller.MANAGER})
    @Operation(summary = "Every SLA policy (first-response and resolution targets by priority and channel)")
    @APIResponse(responseCode = "200", description = "OK")
    public List<SlaPolicyView> slaPolicies() {
        return slaPolicyAdmin.list();
    }

    @PUT
    @Path("/sla-policies/{id}")
    @RolesAllowed(Caller.ADMIN)
    @Operation(summary = "Create or replace an SLA policy")
    @APIResponse(responseCode = "200", description = "OK")
    @APIResponse(responseCode = "400", description = "Invalid input: problem+json naming each bad field")
    public SlaPolicyView saveSlaPolicy(@PathParam("id") @Pattern(regexp = ID) String id,
            @Valid @NotNull SlaPolicyRequest request) {
        List<Problem.FieldError> errors = new ArrayList<>();
        boolean isDefault = SlaPolicy.DEFAULT_ID.equals(id);
        if (request.timeZone() != null || !isDefault) {
            try {
                ZoneId.of(request.timeZone());
            } catch (Exception e) {
                errors.add(new Problem.FieldError("timeZone", "must be an IANA time zone such as Europe/Madrid"));
            }
        }
        if (!isDefault && request.firstResponseMinutes() == null) {
            errors.add(new Problem.FieldError("firstResponseMinutes", "is required (only the default policy may leave it to the configured default)"));
        }
        if (!isDefault && request.resolutionMinutes() == null) {
            errors.add(new Problem.FieldError("resolutionMinutes", "is required (only the default policy may leave it to the configured default)"));
        }
        if (isDefault && (request.priority() != null || request.channel() != null)) {
            errors.add(new Problem.FieldError(request.priority() != null ? "priority" : "channel",
                    "the default policy applies to every priority and channel"));
        }
        if (request.hours().isEmpty()) {
            errors.add(new Problem.FieldError("hours", "needs at least one working day"));
        }
        request.hours().forEach((day, w) -> {
            if (w == null || w.size() != 2 || w.get(0) == null || w.get(1) == null || w.get(0) < 0 || w.get(1) > 1440
                    || w.get(0) >= w.get(1)) {
                errors.add(new Problem.FieldError("hours." + day,
                        "must be [openMinute, closeMinute] within 0..1440, opening first"));
            }
        });
        if (request.resolutionMinutes() != null && request.firstResponseMinutes() != null
                && request.resolutionMinutes() < request.firstResponseMinutes()) {
            errors.add(new Problem.FieldError("resolutionMinutes", "must not be shorter than firstResponseMinutes"));
        }
        Map<TicketPriority, PriorityTargets> priorityTargets = request.priorityTargets() == null ? Map.of()
                : request.priorityTargets();
        priorityTargets.forEach((p, targets) -> {
            if (targets == null || targets.firstResponseMinutes() == null && targets.resolutionMinutes() == null) {
                errors.add(new Problem.FieldError("priorityTargets." + p, "needs firstResponseMinutes or resolutionMinutes"));
            } else if (targets.firstResponseMinutes() != null && targets.resolutionMinutes() != null
                    && targets.resolutionMinutes() < targets.firstResponseMinutes()) {
                errors.add(new Problem.FieldError("priorityTargets." + p + ".resolutionMinutes",
                        "must not be shorter than firstResponseMinutes"));
            }
        });
        if (!errors.isEmpty()) {
            throw ProblemException.badFields(errors);
        }
        return slaPolicyAdmin.save(id, new SlaPolicyChange(request.priority(), request.channel(),
                request.firstResponseMinutes(), request.resolutionMinutes(), request.timeZone(), request.hours(),
                request.holidays(), request.pauseWhileWithCarrier(), request.pauseWhileReturnInTransit(),
                priorityTargets));
    }

    @DELETE
    @Path("/sla-policies/{id}")
    @RolesAllowed(Caller.ADMIN)
    @Operation(summary = "Delete an SLA policy")
    @APIResponse(responseCode = "204", description = "No content")
    @APIResponse(responseCode = "404", description = "Not found, or not the caller's")
    public Response deleteSlaPolicy(@PathParam("id") String id) {
        slaPolicyAdmin.delete(id);
        return Response.noContent().build();
    }

    // ---- priority rules (versioned: every save is a new version)

    @GET
    @Path("/priority-rules")
    @RolesAllowed({Caller.ADMIN, Caller.MANAGER})
    @Operation(summary = "The priority rules in force")
    @APIResponse(responseCode = "200", description = "OK")
    public PriorityRuleSet priorityRules() {
        return priorityRuleAdmin.current();
    }

    @PUT
    @Path("/priority-rules")
    @RolesAllowed(Caller.ADMIN)
    @Operation(summary = "Replace the priority rules (a new version)")
    @APIResponse(responseCode = "200", description = "OK")
    @APIResponse(responseCode = "400", description = "Invalid input: problem+json naming each bad field")
    public PriorityRuleSet savePriorityRules(@Valid @NotNull PriorityRulesRequest request) {
        return priorityRuleAdmin.save(request.rules(), request.normalFrom(), request.highFrom(), request.urgentFrom());
    }
}
