package io.postventa.feedback.api;

import java.util.List;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

import io.postventa.feedback.service.Alerts;
import io.postventa.feedback.service.Alerts.Alert;
import io.postventa.feedback.service.Alerts.Recipient;
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
import jakarta.ws.rs.core.MediaType;

/** Alerts raised (once per cause) and who hears about each team's tickets. */
@Path("/api/v1/alerts")
@Produces(MediaType.APPLICATION_JSON)
public class AlertResource {
    /** A team's lead e-mail and webhook; either may be null, not both. */
    public record RecipientUpdate(String leadEmail, String webhookUrl) {
    }

    private final Alerts alerts;
    private final Caller caller;

    public AlertResource(Alerts alerts, Caller caller) {
        this.alerts = alerts;
        this.caller = caller;
    }

    @GET
    @RolesAllowed({ Caller.MANAGER, Caller.ADMIN })
    @Operation(summary = "The latest alerts, newest first, each with its cause, the link to what caused it and whether it was delivered")
    @APIResponse(responseCode = "200", description = "at most ?limit (1..500, default 100) alerts")
    @APIResponse(responseCode = "400", description = "a bad limit (problem+json naming it)")
    @APIResponse(responseCode = "401", description = "no valid token")
    @APIResponse(responseCode = "403", description = "not a manager or admin")
    public List<Alert> latest(@QueryParam("limit") Integer limit) {
        if (limit != null && (limit < 1 || limit > 500)) {
            throw ProblemException.badField("limit", "must be between 1 and 500");
        }
        return alerts.latest(limit == null ? 100 : limit);
    }

    @GET
    @Path("/recipients")
    @RolesAllowed(Caller.ADMIN)
    @Operation(summary = "Who hears about each team's tickets (admin)")
    @APIResponse(responseCode = "200", description = "every team with a lead e-mail or webhook")
    @APIResponse(responseCode = "401", description = "no valid token")
    @APIResponse(responseCode = "403", description = "not an admin")
    public List<Recipient> recipients() {
        return alerts.recipients();
    }

    @PUT
    @Path("/recipients/{teamId}")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Caller.ADMIN)
    @Operation(summary = "Set a team lead's e-mail and webhook for the team's ticket alerts (admin)")
    @APIResponse(responseCode = "200", description = "the recipient as stored")
    @APIResponse(responseCode = "400", description = "a bad leadEmail or webhookUrl, named (problem+json)")
    @APIResponse(responseCode = "401", description = "no valid token")
    @APIResponse(responseCode = "403", description = "not an admin")
    public Recipient put(@PathParam("teamId") String teamId, RecipientUpdate update) {
        if (update == null) {
            throw ProblemException.badField("leadEmail", "a body with leadEmail and/or webhookUrl is required");
        }
        if (teamId.length() > 100) {
            throw ProblemException.badField("teamId", "at most 100 characters");
        }
        return alerts.putRecipient(teamId, update.leadEmail(), update.webhookUrl(), caller.subject());
    }
}
