package io.postventa.orderstatus.api;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

import io.postventa.orderstatus.service.PickupQueries;
import io.postventa.web.Caller;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

/** Where an order waits for collection and until when (the customer portal's tracking page shows it). */
@Path("/api/v1/orders/{orderId}/pickup-point")
@Produces(MediaType.APPLICATION_JSON)
public class PickupPointResource {
    private final PickupQueries queries;
    private final Caller caller;

    public PickupPointResource(PickupQueries queries, Caller caller) {
        this.queries = queries;
        this.caller = caller;
    }

    @GET
    @RolesAllowed({Caller.CUSTOMER, Caller.AGENT, Caller.PARTNER_AGENT})
    @Operation(summary = "The order's pickup point and deadline (its customer, or agents); 404 when it has none")
    @APIResponse(responseCode = "200", description = "OK")
    @APIResponse(responseCode = "404", description = "Not found, or not the caller's")
    public PickupQueries.PickupView get(@PathParam("orderId") String orderId) {
        return queries.of(orderId, caller);
    }
}
