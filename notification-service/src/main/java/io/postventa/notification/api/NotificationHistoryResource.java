package io.postventa.notification.api;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

import io.postventa.notification.service.DeliveryQueries;
import io.postventa.notification.service.DeliveryQueries.DeliveryView;
import io.postventa.web.Caller;
import io.postventa.web.Page;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

/** What was sent to a customer or about an order, for agents; partner agents see contact data masked. */
@Path("/api/v1")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({Caller.AGENT, Caller.PARTNER_AGENT, Caller.ADMIN})
public class NotificationHistoryResource {
    private final DeliveryQueries deliveries;
    private final Caller caller;

    public NotificationHistoryResource(DeliveryQueries deliveries, Caller caller) {
        this.deliveries = deliveries;
        this.caller = caller;
    }

    @GET
    @Path("customers/{customerId}/notifications")
    @Operation(summary = "The messages sent to a customer, newest first (staff)")
    @APIResponse(responseCode = "200", description = "OK")
    @APIResponse(responseCode = "400", description = "Invalid input: problem+json naming each bad field")
    public Page<DeliveryView> byCustomer(@PathParam("customerId") String customerId,
            @QueryParam("page") @DefaultValue("0") int page, @QueryParam("size") @DefaultValue("50") int size) {
        Page.check(page, size);
        return deliveries.byCustomer(customerId, page, size, masked());
    }

    @GET
    @Path("orders/{orderId}/notifications")
    @Operation(summary = "The messages sent about an order, newest first (staff)")
    @APIResponse(responseCode = "200", description = "OK")
    @APIResponse(responseCode = "400", description = "Invalid input: problem+json naming each bad field")
    public Page<DeliveryView> byOrder(@PathParam("orderId") String orderId,
            @QueryParam("page") @DefaultValue("0") int page, @QueryParam("size") @DefaultValue("50") int size) {
        Page.check(page, size);
        return deliveries.byOrder(orderId, page, size, masked());
    }

    private boolean masked() {
        return caller.hasRole(Caller.PARTNER_AGENT) && !caller.hasRole(Caller.AGENT) && !caller.hasRole(Caller.ADMIN);
    }
}
