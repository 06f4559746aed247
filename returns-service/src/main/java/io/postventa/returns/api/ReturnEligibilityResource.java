package io.postventa.returns.api;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

import io.postventa.returns.service.ReturnRequestService;
import io.postventa.web.Caller;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

/** Which lines of an order can be returned, how many, until when, and why not for the others. */
@Path("/api/v1/orders/{orderId}/return-eligibility")
@Produces(MediaType.APPLICATION_JSON)
public class ReturnEligibilityResource {
    private final ReturnRequestService returns;
    private final Caller caller;

    public ReturnEligibilityResource(ReturnRequestService returns, Caller caller) {
        this.returns = returns;
        this.caller = caller;
    }

    @GET
    @RolesAllowed({Caller.CUSTOMER, Caller.AGENT})
    @Operation(summary = "Which lines of an order can be returned, how many and until when, and why not for the others")
    @APIResponse(responseCode = "200", description = "OK")
    @APIResponse(responseCode = "404", description = "Not found, or not the caller's")
    public ReturnRequestService.Eligibility get(@PathParam("orderId") String orderId) {
        return returns.eligibility(orderId, caller.isOnlyCustomer() ? caller.subject() : null);
    }
}
