package io.postventa.orderstatus.api;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

import io.postventa.orderstatus.service.OrderQueries;
import io.postventa.orderstatus.service.OrderSummary;
import io.postventa.orderstatus.service.OrderTracking;
import io.postventa.web.Caller;
import io.postventa.web.Page;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;

/** Self-service tracking: "where is my order?" answered before the customer asks. Texts follow Accept-Language (StatusTexts.LANGUAGES). */
@Path("/api/v1")
@Produces(MediaType.APPLICATION_JSON)
public class OrderTrackingResource {
    private final OrderQueries queries;
    private final Caller caller;

    public OrderTrackingResource(OrderQueries queries, Caller caller) {
        this.queries = queries;
        this.caller = caller;
    }

    @GET
    @Path("/orders/{orderId}")
    @RolesAllowed({Caller.CUSTOMER, Caller.AGENT, Caller.PARTNER_AGENT})
    @Operation(summary = "An order's status, promise, delay, tracking and timeline (its customer, or agents)")
    @APIResponse(responseCode = "200", description = "OK")
    @APIResponse(responseCode = "404", description = "No such order, or not the calling customer's")
    public OrderTracking order(@PathParam("orderId") String orderId, @Context HttpHeaders headers) {
        return queries.order(orderId, caller, headers.getAcceptableLanguages());
    }

    @GET
    @Path("/customers/me/orders")
    @RolesAllowed(Caller.CUSTOMER)
    @Operation(summary = "The calling customer's orders, newest first")
    @APIResponse(responseCode = "200", description = "OK")
    @APIResponse(responseCode = "400", description = "Invalid input: problem+json naming each bad field")
    public Page<OrderSummary> myOrders(@QueryParam("page") @DefaultValue("0") int page,
            @QueryParam("size") @DefaultValue("20") int size, @Context HttpHeaders headers) {
        return queries.ordersOf(caller.subject(), page, size, headers.getAcceptableLanguages());
    }
}
