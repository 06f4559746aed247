package io.postventa.returns.api;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

import io.postventa.returns.domain.ReturnPolicy;
import io.postventa.returns.service.ReturnPolicyService;
import io.postventa.returns.service.Versioned;
import io.postventa.web.Caller;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

/** The return policy: windows, non-returnable categories, reasons, resolutions, shipping fee. Each PUT is a new version. */
@Path("/api/v1/return-policy")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class ReturnPolicyResource {
    private final ReturnPolicyService policies;
    private final Caller caller;

    public ReturnPolicyResource(ReturnPolicyService policies, Caller caller) {
        this.policies = policies;
        this.caller = caller;
    }

    @GET
    @RolesAllowed(Caller.ADMIN)
    @Operation(summary = "The return policy in force (windows, categories, reasons, resolutions, fee)")
    @APIResponse(responseCode = "200", description = "OK")
    public Versioned<ReturnPolicy> get() {
        return policies.current();
    }

    @PUT
    @RolesAllowed(Caller.ADMIN)
    @Operation(summary = "Replace the return policy (a new version)")
    @APIResponse(responseCode = "200", description = "OK")
    @APIResponse(responseCode = "400", description = "Invalid input: problem+json naming each bad field")
    public Versioned<ReturnPolicy> put(ReturnPolicy policy) {
        return policies.replace(policy, caller.subject());
    }
}
