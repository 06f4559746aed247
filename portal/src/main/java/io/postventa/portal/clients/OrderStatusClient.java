package io.postventa.portal.clients;

import org.eclipse.microprofile.rest.client.annotation.ClientHeaderParam;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/** order-status-service as the customer: their order with its live timeline, in their language. */
@RegisterRestClient(configKey = "order-status")
@Path("/api/v1")
@Produces(MediaType.APPLICATION_JSON)
@ClientHeaderParam(name = "Authorization", value = "{io.postventa.portal.clients.Bearer.header}")
public interface OrderStatusClient {

    @GET
    @Path("/orders/{orderId}")
    Response order(@PathParam("orderId") String orderId, @HeaderParam("Accept-Language") String language);

    @GET
    @Path("/orders/{orderId}/pickup-point")
    Response pickupPoint(@PathParam("orderId") String orderId);
}
