package io.postventa.console.clients;

import org.eclipse.microprofile.rest.client.annotation.ClientHeaderParam;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/** notification-service's public API: what was sent to a customer, and the message templates. */
@RegisterRestClient(configKey = "notification")
@Path("/api/v1")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@ClientHeaderParam(name = "Authorization", value = "{io.postventa.console.clients.Bearer.header}")
public interface NotificationClient {

    @GET
    @Path("/customers/{customerId}/notifications")
    Response byCustomer(@PathParam("customerId") String customerId, @QueryParam("page") int page,
            @QueryParam("size") int size);

    @GET
    @Path("/templates")
    Response templates(@QueryParam("trigger") String trigger, @QueryParam("channel") String channel,
            @QueryParam("locale") String locale, @QueryParam("page") int page, @QueryParam("size") int size);

    @GET
    @Path("/templates/{id}")
    Response template(@PathParam("id") String id);

    @PUT
    @Path("/templates/{id}")
    Response saveTemplate(@PathParam("id") String id, Object body);

    @POST
    @Path("/templates/{id}/preview")
    Response preview(@PathParam("id") String id, Object body);
}
