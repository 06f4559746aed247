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

/** returns-service's public API: the review queue, decisions, customer history, policy and risk rules. */
@RegisterRestClient(configKey = "returns")
@Path("/api/v1")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@ClientHeaderParam(name = "Authorization", value = "{io.postventa.console.clients.Bearer.header}")
public interface ReturnsClient {

    @GET
    @Path("/returns")
    Response list(@QueryParam("status") String status, @QueryParam("page") int page, @QueryParam("size") int size);

    @GET
    @Path("/returns/{id}")
    Response get(@PathParam("id") String id);

    @POST
    @Path("/returns/{id}/review")
    Response review(@PathParam("id") String id, Object body);

    @GET
    @Path("/customers/{customerId}/return-history")
    Response history(@PathParam("customerId") String customerId);

    @GET
    @Path("/return-policy")
    Response policy();

    @PUT
    @Path("/return-policy")
    Response savePolicy(Object body);

    @GET
    @Path("/risk-rules")
    Response riskRules();

    @PUT
    @Path("/risk-rules")
    Response saveRiskRules(Object body);

    @POST
    @Path("/risk-rules/backtest")
    Response backtest(Object body);
}
