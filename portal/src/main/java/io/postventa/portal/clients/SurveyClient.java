package io.postventa.portal.clients;

import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/** feedback-service's surveys, where the invitation's token is the credential. */
@RegisterRestClient(configKey = "feedback")
@Path("/api/v1/surveys/{token}")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public interface SurveyClient {

    @GET
    Response survey(@PathParam("token") String token, @HeaderParam("Accept-Language") String language);

    @POST
    @Path("/answers")
    Response answer(@PathParam("token") String token, @HeaderParam("Accept-Language") String language, Object body);
}
