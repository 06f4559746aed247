package io.postventa.ticket.api;

import java.time.Clock;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import io.postventa.events.common.ContactReason;
import io.postventa.events.contacts.ContactChannel;
import io.postventa.events.contacts.TicketPriority;
import io.postventa.ticket.domain.Agent;
import io.postventa.ticket.domain.Placeholders;
import io.postventa.ticket.domain.PriorityRule;
import io.postventa.ticket.domain.PriorityRuleSet;
import io.postventa.ticket.domain.PriorityRuleSetRow;
import io.postventa.ticket.domain.Procedure;
import io.postventa.ticket.domain.RoutingRule;
import io.postventa.ticket.domain.SlaPolicyRow;
import io.postventa.ticket.domain.Team;
import io.postventa.ticket.service.Assignment;
import io.postventa.ticket.service.ProcedureService;
import io.postventa.ticket.service.RuleStore;
import io.postventa.web.Caller;
import io.postventa.web.Problem;
import io.postventa.web.ProblemException;
import io.postventa.web.Texts;
import jakarta.annotation.security.RolesAllowed;
import jakarta.transaction.Transactional;
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

    public record ProcedureView(String id, ContactReason reason, String name, List<String> steps, String replyEs,
            String replyEn, Map<String, String> replies, int version) {
    }

    public record TeamRequest(@NotBlank @Size(max = 200) String name, boolean partner, @Min(1) @Max(500) int agentCap) {
    }

    public record TeamView(String id, String name, boolean partner, int agentCap) {
    }

    public record AgentRequest(@NotBlank @Pattern(regexp = ID) String teamId, @Size(max = 200) String name,
            boolean available) {
    }

    public record AgentView(String id, String teamId, String name, boolean available) {
    }

    public record RoutingRequest(@NotNull @Pattern(regexp = ID) String teamId) {
    }

    /** One priority's targets within a policy; a missing one is the policy's own. */
    public record PriorityTargets(@Min(1) @Max(525600) Integer firstResponseMinutes,
            @Min(1) @Max(525600) Integer resolutionMinutes) {
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

    /** The targets in force for one priority, as ISO-8601 durations ("PT24H"). */
    public record EffectiveTargets(String firstResponse, String resolution) {
    }

    public record SlaPolicyView(String id, TicketPriority priority, ContactChannel channel, Integer firstResponseMinutes,
            Integer resolutionMinutes, String timeZone, Map<DayOfWeek, List<Integer>> hours, List<LocalDate> holidays,
            boolean pauseWhileWithCarrier, boolean pauseWhileReturnInTransit,
            Map<TicketPriority, PriorityTargets> priorityTargets, Map<TicketPriority, EffectiveTargets> targets,
            int version) {
    }

    public record PriorityRulesRequest(@NotNull @Size(max = 200) List<@NotNull PriorityRule> rules, int normalFrom,
            int highFrom, int urgentFrom) {
    }

    private final RuleStore rules;
    private final Assignment assignment;
    private final Clock clock;
    private final Caller caller;
    private final Texts texts;
    private final ProcedureService procedureService;

    public AdminResource(RuleStore rules, Assignment assignment, Clock clock, Caller caller, Texts texts,
            ProcedureService procedureService) {
        this.rules = rules;
        this.assignment = assignment;
        this.clock = clock;
        this.caller = caller;
        this.texts = texts;
        this.procedureService = procedureService;
    }

    // ---- procedures

    @GET
    @Path("/procedures")
    @RolesAllowed({Caller.ADMIN, Caller.AGENT, Caller.PARTNER_AGENT})
    @Transactional
    public List<ProcedureView> procedures() {
        return Procedure.<Procedure>list("order by reason, id").stream().map(this::view).toList();
    }

    @GET
    @Path("/procedures/{id}")
    @RolesAllowed({Caller.ADMIN, Caller.AGENT, Caller.PARTNER_AGENT})
    @Transactional
    public ProcedureView procedure(@PathParam("id") String id) {
        Procedure p = Procedure.findById(id);
        if (p == null) {
            throw ProblemException.notFound("procedure", id);
        }
        return view(p);
    }

    @PUT
    @Path("/procedures/{id}")
    @RolesAllowed(Caller.ADMIN)
    @Transactional
    public ProcedureView saveProcedure(@PathParam("id") @Pattern(regexp = ID) String id,
            @Valid @NotNull ProcedureRequest request) {
        List<Problem.FieldError> errors = new ArrayList<>();
        Map<String, String> replies = new java.util.LinkedHashMap<>();
        Map<String, String> fields = new java.util.HashMap<>();
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
        Procedure p = Procedure.findById(id);
        if (p == null) {
            p = new Procedure();
            p.id = id;
            p.version = 0;
        }
        p.reason = request.reason().name();
        p.name = request.name();
        p.steps = rules.write(request.steps());
        p.replies = rules.write(replies);
        p.version++;
        p.updatedAt = clock.instant();
        p.persist();
        return view(p);
    }

    @DELETE
    @Path("/procedures/{id}")
    @RolesAllowed(Caller.ADMIN)
    @Transactional
    public Response deleteProcedure(@PathParam("id") String id) {
        if (!Procedure.deleteById(id)) {
            throw ProblemException.notFound("procedure", id);
        }
        return Response.noContent().build();
    }

    private ProcedureView view(Procedure p) {
        List<String> steps;
        try {
            steps = List.of(new com.fasterxml.jackson.databind.ObjectMapper().readValue(p.steps, String[].class));
        } catch (Exception e) {
            steps = List.of();
        }
        Map<String, String> replies = procedureService.replies(p);
        return new ProcedureView(p.id, ContactReason.valueOf(p.reason), p.name, steps, replies.get("es"),
                replies.get("en"), replies, p.version);
    }

    // ---- teams, agents, routing

    @GET
    @Path("/teams")
    @RolesAllowed({Caller.ADMIN, Caller.MANAGER})
    @Transactional
    public List<TeamView> teams() {
        return Team.<Team>list("order by id").stream().map(t -> new TeamView(t.id, t.name, t.partner, t.agentCap)).toList();
    }

    @PUT
    @Path("/teams/{id}")
    @RolesAllowed(Caller.ADMIN)
    @Transactional
    public TeamView saveTeam(@PathParam("id") @Pattern(regexp = ID) String id, @Valid @NotNull TeamRequest request) {
        Team t = Team.findById(id);
        if (t == null) {
            t = new Team();
            t.id = id;
        }
        t.name = request.name();
        t.partner = request.partner();
        t.agentCap = request.agentCap();
        t.persist();
        assignment.fillQueue(id);
        return new TeamView(t.id, t.name, t.partner, t.agentCap);
    }

    @PUT
    @Path("/agents/{id}")
    @RolesAllowed(Caller.ADMIN)
    @Transactional
    public AgentView saveAgent(@PathParam("id") @Pattern(regexp = "[A-Za-z0-9._@-]{1,100}") String id,
            @Valid @NotNull AgentRequest request) {
        if (Team.findById(request.teamId()) == null) {
            throw ProblemException.badField("teamId", "no such team");
        }
        Agent a = Agent.findById(id);
        if (a == null) {
            a = new Agent();
            a.id = id;
        }
        a.teamId = request.teamId();
        a.name = request.name();
        a.available = request.available();
        a.persist();
        if (a.available) {
            assignment.fillQueue(a.teamId);
        }
        return new AgentView(a.id, a.teamId, a.name, a.available);
    }

    @GET
    @Path("/routing-rules")
    @RolesAllowed({Caller.ADMIN, Caller.MANAGER})
    @Transactional
    public Map<String, String> routing() {
        Map<String, String> map = new java.util.TreeMap<>();
        RoutingRule.<RoutingRule>listAll().forEach(r -> map.put(r.reason, r.teamId));
        return map;
    }

    @PUT
    @Path("/routing-rules/{reason}")
    @RolesAllowed(Caller.ADMIN)
    @Transactional
    public Map<String, String> saveRouting(@PathParam("reason") String reason, @Valid @NotNull RoutingRequest request) {
        String r = TicketResource.enumValue(ContactReason.class, "reason", reason);
        if (Team.findById(request.teamId()) == null) {
            throw ProblemException.badField("teamId", "no such team");
        }
        RoutingRule rule = RoutingRule.findById(r);
        if (rule == null) {
            rule = new RoutingRule();
            rule.reason = r;
        }
        rule.teamId = request.teamId();
        rule.persist();
        return routing();
    }

    // ---- SLA policies

    @GET
    @Path("/sla-policies")
    @RolesAllowed({Caller.ADMIN, Caller.MANAGER})
    @Transactional
    public List<SlaPolicyView> slaPolicies() {
        return SlaPolicyRow.<SlaPolicyRow>list("order by id").stream().map(this::view).toList();
    }

    @PUT
    @Path("/sla-policies/{id}")
    @RolesAllowed(Caller.ADMIN)
    @Transactional
    public SlaPolicyView saveSlaPolicy(@PathParam("id") @Pattern(regexp = ID) String id,
            @Valid @NotNull SlaPolicyRequest request) {
        List<Problem.FieldError> errors = new ArrayList<>();
        boolean isDefault = io.postventa.ticket.domain.SlaPolicy.DEFAULT_ID.equals(id);
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
        SlaPolicyRow row = SlaPolicyRow.findById(id);
        if (row == null) {
            row = new SlaPolicyRow();
            row.id = id;
            row.version = 0;
        }
        row.priority = request.priority() == null ? null : request.priority().name();
        row.channel = request.channel() == null ? null : request.channel().name();
        row.firstResponseMinutes = request.firstResponseMinutes();
        row.resolutionMinutes = request.resolutionMinutes();
        row.timeZone = request.timeZone();
        Map<String, List<Integer>> hours = new java.util.TreeMap<>();
        request.hours().forEach((d, w) -> hours.put(d.name(), w));
        row.hours = rules.write(hours);
        row.holidays = rules.write(request.holidays().stream().map(LocalDate::toString).toList());
        row.pauseWithCarrier = request.pauseWhileWithCarrier();
        row.pauseReturnInTransit = request.pauseWhileReturnInTransit();
        Map<TicketPriority, RuleStore.StoredTargets> stored = new java.util.EnumMap<>(TicketPriority.class);
        priorityTargets.forEach((p, t) -> stored.put(p, new RuleStore.StoredTargets(t.firstResponseMinutes(),
                t.resolutionMinutes())));
        row.priorityTargets = rules.write(stored);
        row.version++;
        row.updatedAt = clock.instant();
        row.persist();
        return view(row);
    }

    @DELETE
    @Path("/sla-policies/{id}")
    @RolesAllowed(Caller.ADMIN)
    @Transactional
    public Response deleteSlaPolicy(@PathParam("id") String id) {
        if (!SlaPolicyRow.deleteById(id)) {
            throw ProblemException.notFound("SLA policy", id);
        }
        return Response.noContent().build();
    }

    private SlaPolicyView view(SlaPolicyRow row) {
        var policy = rules.toDomain(row);
        Map<DayOfWeek, List<Integer>> hours = new java.util.EnumMap<>(DayOfWeek.class);
        policy.calendar().hours().forEach((d, w) -> hours.put(d, List.of(w.openMinute(), w.closeMinute())));
        Map<TicketPriority, PriorityTargets> own = new java.util.EnumMap<>(TicketPriority.class);
        rules.priorityTargets(row).forEach((p, t) -> own.put(p, new PriorityTargets(t.firstResponseMinutes(),
                t.resolutionMinutes())));
        Map<TicketPriority, EffectiveTargets> targets = new java.util.EnumMap<>(TicketPriority.class);
        for (TicketPriority p : TicketPriority.values()) {
            targets.put(p, new EffectiveTargets(policy.firstResponse(p.name()).toString(),
                    policy.resolution(p.name()).toString()));
        }
        return new SlaPolicyView(row.id, policy.priority(), policy.channel(), row.firstResponseMinutes,
                row.resolutionMinutes, row.timeZone, hours, policy.calendar().holidays().stream().sorted().toList(),
                row.pauseWithCarrier, row.pauseReturnInTransit, own, targets, row.version);
    }

    // ---- priority rules (versioned: every save is a new version)

    @GET
    @Path("/priority-rules")
    @RolesAllowed({Caller.ADMIN, Caller.MANAGER})
    @Transactional
    public PriorityRuleSet priorityRules() {
        return rules.priorityRules();
    }

    @PUT
    @Path("/priority-rules")
    @RolesAllowed(Caller.ADMIN)
    @Transactional
    public PriorityRuleSet savePriorityRules(@Valid @NotNull PriorityRulesRequest request) {
        int version = rules.priorityRules().version() + 1;
        PriorityRuleSet set = new PriorityRuleSet(version, request.rules(), request.normalFrom(), request.highFrom(),
                request.urgentFrom());
        List<Problem.FieldError> errors = set.validate().stream().map(p -> new Problem.FieldError(p[0], p[1])).toList();
        if (!errors.isEmpty()) {
            throw ProblemException.badFields(errors);
        }
        PriorityRuleSetRow row = new PriorityRuleSetRow();
        row.version = version;
        row.body = rules.write(set);
        row.createdAt = clock.instant();
        row.createdBy = caller.subject();
        row.persist();
        return set;
    }
}
