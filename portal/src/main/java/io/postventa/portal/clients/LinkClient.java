package io.postventa.portal.clients;

import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/**
 * notification-service's calls where a signed token is the credential and no customer is known yet: checking a
 * portal link, looking an order up by its number and e-mail or postcode, and the one-click unsubscribe.
 */
@RegisterRestClient(configKey = "notification")
@Path("/api/v1")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public interface LinkClient {

    @POST
    @Path("/portal-links/check")
    Response check(Object body);

    @POST
    @Path("/portal-links/lookup")
    Response lookup(Object body);

    @POST
    @Path("/unsubscribe")
    Response unsubscribe(@QueryParam("token") String token, @HeaderParam("Accept-Language") String language);
}
