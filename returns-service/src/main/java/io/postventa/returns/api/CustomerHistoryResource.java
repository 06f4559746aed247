package io.postventa.returns.api;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

import io.postventa.returns.service.CustomerHistoryService;
import io.postventa.returns.service.CustomerHistoryService.CustomerHistoryView;
import io.postventa.web.Caller;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

/** A customer's orders and returns as this service knows them (the risk matrix's view of the customer). */
@Path("/api/v1/customers/{customerId}/return-history")
@Produces(MediaType.APPLICATION_JSON)
public class CustomerHistoryResource {
    private final CustomerHistoryService history;
    private final Caller caller;

    public CustomerHistoryResource(CustomerHistoryService history, Caller caller) {
        this.history = history;
        this.caller = caller;
    }

    @GET
    @RolesAllowed({Caller.CUSTOMER, Caller.AGENT, Caller.MANAGER, Caller.ADMIN})
    @Operation(summary = "A customer's orders and returns as the risk matrix sees them (the customer themselves, or staff)")
    @APIResponse(responseCode = "200", description = "OK")
    @APIResponse(responseCode = "404", description = "Not found, or not the caller's")
    public CustomerHistoryView get(@PathParam("customerId") String customerId) {
        caller.requireCustomerOrStaff(customerId, "customer", customerId);
        return history.view(customerId);
    }
}
