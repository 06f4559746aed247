package io.postventa.console.clients;

import org.eclipse.microprofile.rest.client.annotation.ClientHeaderParam;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/** order-status-service's public API: an order with its live timeline, and the delay policy. */
@RegisterRestClient(configKey = "order-status")
@Path("/api/v1")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@ClientHeaderParam(name = "Authorization", value = "{io.postventa.console.clients.Bearer.header}")
public interface OrderStatusClient {

    @GET
    @Path("/orders/{orderId}")
    Response order(@PathParam("orderId") String orderId, @HeaderParam("Accept-Language") String language);

    @GET
    @Path("/delay-policy")
    Response delayPolicy();

    @PUT
    @Path("/delay-policy")
    Response saveDelayPolicy(Object body);
}
