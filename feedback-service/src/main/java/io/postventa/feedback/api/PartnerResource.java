package io.postventa.feedback.api;

import java.util.ArrayList;
import java.util.List;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

import io.postventa.feedback.service.PartnerScorecards;
import io.postventa.feedback.service.PartnerScorecards.Month;
import io.postventa.feedback.service.PartnerScorecards.Partner;
import io.postventa.feedback.service.PartnerScorecards.Result;
import io.postventa.feedback.service.PartnerScorecards.Scorecard;
import io.postventa.feedback.service.PartnerScorecards.Target;
import io.postventa.web.Caller;
import io.postventa.web.ProblemException;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/**
 * Partner contact centres: their contracted targets (admins edit them) and their monthly scorecard, for managers and
 * for the partner's own staff (only their team). The printable page is {@code /dashboard/partners/{teamId}/scorecard}.
 */
@Path("/api/v1/partners")
@Produces(MediaType.APPLICATION_JSON)
public class PartnerResource {
    /** A partner's name and targets; {@code version} is the one read (optional: an optimistic check). */
    public record PartnerUpdate(String name, List<Target> targets, Integer version) {
    }

    private final PartnerScorecards partners;
    private final Caller caller;

    public PartnerResource(PartnerScorecards partners, Caller caller) {
        this.partners = partners;
        this.caller = caller;
    }

    @GET
    @RolesAllowed({ Caller.MANAGER, Caller.ADMIN })
    @Operation(summary = "Partner teams and their contracted targets")
    @APIResponse(responseCode = "200", description = "every partner team, by name")
    @APIResponse(responseCode = "401", description = "no valid token")
    @APIResponse(responseCode = "403", description = "not a manager or admin")
    public List<Partner> list() {
        return partners.list();
    }

    @GET
    @Path("/{teamId}")
    @RolesAllowed({ Caller.MANAGER, Caller.ADMIN, Caller.PARTNER_AGENT })
    @Operation(summary = "One partner team and its contracted targets (a partner's staff: only their own)")
    @APIResponse(responseCode = "200", description = "the partner, with its version for an update")
    @APIResponse(responseCode = "401", description = "no valid token")
    @APIResponse(responseCode = "403", description = "not a manager or admin")
    @APIResponse(responseCode = "404", description = "no such partner team, or another partner's")
    public Partner get(@PathParam("teamId") String teamId) {
        requireOwnTeam(teamId);
        return partners.get(teamId);
    }

    @PUT
    @Path("/{teamId}")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Caller.ADMIN)
    @Operation(summary = "Create or replace a partner team's name and contracted targets (admin)")
    @APIResponse(responseCode = "200", description = "the partner as stored, with its new version")
    @APIResponse(responseCode = "400", description = "a bad field, named (problem+json)")
    @APIResponse(responseCode = "401", description = "no valid token")
    @APIResponse(responseCode = "403", description = "not an admin")
    @APIResponse(responseCode = "409", description = "the version given is not the stored one, or another admin wrote first")
    public Partner put(@PathParam("teamId") String teamId, PartnerUpdate update) {
        if (update == null) {
            throw ProblemException.badField("name", "a body with name and targets is required");
        }
        return partners.put(teamId, update.name(), update.targets(), update.version(), caller.subject());
    }

    @GET
    @Path("/{teamId}/scorecard")
    @Produces({ MediaType.APPLICATION_JSON, "text/csv" })
    @RolesAllowed({ Caller.MANAGER, Caller.ADMIN, Caller.PARTNER_AGENT })
    @Operation(summary = "A partner's monthly scorecard: each contracted target against the month's result, with the trend "
            + "over the months before (?month=yyyy-MM, default last month; ?months=1..24, default 6); JSON or CSV")
    @APIResponse(responseCode = "200", description = "the scorecard (JSON, or CSV with one line per month and target)")
    @APIResponse(responseCode = "400", description = "bad month, months or format (problem+json naming the field)")
    @APIResponse(responseCode = "401", description = "no valid token")
    @APIResponse(responseCode = "403", description = "not a manager, admin or partner agent")
    @APIResponse(responseCode = "404", description = "no such partner team, or another partner's")
    public Response scorecard(@PathParam("teamId") String teamId, @QueryParam("month") String month,
            @QueryParam("months") Integer months, @QueryParam("format") String format, @Context HttpHeaders headers) {
        requireOwnTeam(teamId);
        int n = PartnerScorecards.months(months);
        boolean csv = Csv.wanted(format, headers);
        Scorecard s = partners.scorecard(teamId, partners.month(month), n);
        if (!csv) {
            return Response.ok(s, MediaType.APPLICATION_JSON).build();
        }
        List<List<Object>> rows = new ArrayList<>();
        for (Month m : s.trend()) {
            for (Result r : m.results()) {
                rows.add(java.util.Arrays.asList(s.teamId(), s.name(), m.month(), r.metric(), r.hours(), r.atLeast() ? ">=" : "<=",
                        r.target(), r.value(), r.met()));
            }
        }
        return Csv.response("scorecard-" + s.month() + ".csv", List.of("team", "partner", "month", "metric", "hours", "comparison",
                "target", "value", "met"), rows);
    }

    /** A partner's staff reach only their own team; another team is "not found" to them, as in ticket-service. */
    private void requireOwnTeam(String teamId) {
        if (caller.hasRole(Caller.MANAGER) || caller.hasRole(Caller.ADMIN)) {
            return;
        }
        if (caller.team().map(teamId::equals).orElse(false)) {
            return;
        }
        throw ProblemException.notFound("partner team", teamId);
    }
}
