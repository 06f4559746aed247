package io.postventa.console.clients;

import org.eclipse.microprofile.rest.client.annotation.ClientHeaderParam;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/** feedback-service's public API: a customer's survey answers and the managers' figures. */
@RegisterRestClient(configKey = "feedback")
@Path("/api/v1")
@Produces(MediaType.APPLICATION_JSON)
@ClientHeaderParam(name = "Authorization", value = "{io.postventa.console.clients.Bearer.header}")
public interface FeedbackClient {

    @GET
    @Path("/answers/{surveyId}")
    Response answer(@PathParam("surveyId") String surveyId);

    @GET
    @Path("/kpis")
    Response kpis(@QueryParam("from") String from, @QueryParam("to") String to);

    @GET
    @Path("/kpis/contact-reasons")
    Response contactReasons(@QueryParam("from") String from, @QueryParam("to") String to);
}
