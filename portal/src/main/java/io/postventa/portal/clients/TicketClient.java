package io.postventa.portal.clients;

import org.eclipse.microprofile.rest.client.annotation.ClientHeaderParam;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/** ticket-service as the customer: a question about their order, answered at once when it can be. */
@RegisterRestClient(configKey = "ticket")
@Path("/api/v1")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@ClientHeaderParam(name = "Authorization", value = "{io.postventa.portal.clients.Bearer.header}")
public interface TicketClient {

    @POST
    @Path("/contacts")
    Response contact(@HeaderParam("Idempotency-Key") String idempotencyKey, Object body);
}
