package io.postventa.orderstatus.api;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

import io.postventa.orderstatus.service.DelayPolicyService;
import io.postventa.orderstatus.service.DelayPolicyView;
import io.postventa.web.Caller;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

/** The delay rule: when an order without carrier scans counts as late. Versioned; admins change it. */
@Path("/api/v1/delay-policy")
@Produces(MediaType.APPLICATION_JSON)
public class DelayPolicyResource {
    private final DelayPolicyService policies;
    private final Caller caller;

    public DelayPolicyResource(DelayPolicyService policies, Caller caller) {
        this.policies = policies;
        this.caller = caller;
    }

    @GET
    @RolesAllowed({Caller.ADMIN, Caller.MANAGER})
    @Operation(summary = "The delay rule in force")
    @APIResponse(responseCode = "200", description = "OK")
    public DelayPolicyView current() {
        return policies.current();
    }

    @PUT
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Caller.ADMIN)
    @Operation(summary = "Change the delay rule (a new version)")
    @APIResponse(responseCode = "200", description = "OK")
    @APIResponse(responseCode = "400", description = "Invalid input: problem+json naming each bad field")
    @APIResponse(responseCode = "409", description = "expectedVersion is not the version in force")
    public DelayPolicyView change(@Valid @NotNull DelayPolicyChange change) {
        return policies.change(change.noScanHours(), change.expectedVersion(), caller.subject());
    }
}
