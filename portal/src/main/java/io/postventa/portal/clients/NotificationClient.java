package io.postventa.portal.clients;

import org.eclipse.microprofile.rest.client.annotation.ClientHeaderParam;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/** notification-service as the customer: their message preferences. */
@RegisterRestClient(configKey = "notification")
@Path("/api/v1/customers/me/preferences")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@ClientHeaderParam(name = "Authorization", value = "{io.postventa.portal.clients.Bearer.header}")
public interface NotificationClient {

    @GET
    Response preferences();

    @PUT
    Response savePreferences(Object body);
}
