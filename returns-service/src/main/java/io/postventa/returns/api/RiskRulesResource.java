package io.postventa.returns.api;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

import io.postventa.returns.domain.RiskRuleSet;
import io.postventa.returns.service.BacktestService;
import io.postventa.returns.service.RiskRuleService;
import io.postventa.returns.service.Versioned;
import io.postventa.web.Caller;
import io.postventa.web.ProblemException;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

/** The risk matrix's rules and thresholds: read, replace (a new version, applied to the next request), backtest. */
@Path("/api/v1/risk-rules")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class RiskRulesResource {
    private final RiskRuleService rules;
    private final BacktestService backtests;
    private final Caller caller;

    public RiskRulesResource(RiskRuleService rules, BacktestService backtests, Caller caller) {
        this.rules = rules;
        this.backtests = backtests;
        this.caller = caller;
    }

    /** A proposed rule set and how many past days of requests to run it over. */
    public record BacktestRequest(Integer days, RiskRuleSet rules) {
    }

    @GET
    @RolesAllowed(Caller.ADMIN)
    @Operation(summary = "The risk matrix's rules and thresholds in force")
    @APIResponse(responseCode = "200", description = "OK")
    public Versioned<RiskRuleSet> get() {
        return rules.current();
    }

    @GET
    @Path("/versions/{version}")
    @RolesAllowed(Caller.ADMIN)
    @Operation(summary = "One earlier version of the risk rules")
    @APIResponse(responseCode = "200", description = "OK")
    @APIResponse(responseCode = "400", description = "Invalid input: problem+json naming each bad field")
    @APIResponse(responseCode = "404", description = "Not found, or not the caller's")
    public Versioned<RiskRuleSet> version(@PathParam("version") int version) {
        return rules.version(version);
    }

    @PUT
    @RolesAllowed(Caller.ADMIN)
    @Operation(summary = "Replace the risk rules (a new version, applied to the next request)")
    @APIResponse(responseCode = "200", description = "OK")
    @APIResponse(responseCode = "400", description = "Invalid input: problem+json naming each bad field")
    public Versioned<RiskRuleSet> put(RiskRuleSet ruleSet) {
        return rules.replace(ruleSet, caller.subject());
    }

    @POST
    @Path("/backtest")
    @RolesAllowed(Caller.ADMIN)
    @Operation(summary = "Run a proposed rule set over the past days' requests and compare its decisions")
    @APIResponse(responseCode = "200", description = "OK")
    @APIResponse(responseCode = "400", description = "Invalid input: problem+json naming each bad field")
    public BacktestService.Report backtest(BacktestRequest request) {
        if (request == null || request.rules() == null) {
            throw ProblemException.badField("rules", "a proposed rule set is required");
        }
        int days = request.days() == null ? 30 : request.days();
        if (days < 1 || days > 730) {
            throw ProblemException.badField("days", "must be between 1 and 730");
        }
        return backtests.backtest(request.rules(), days);
    }
}
