package io.postventa.console.clients;

import java.util.Map;

import org.eclipse.microprofile.rest.client.annotation.ClientHeaderParam;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/** ticket-service's public API: tickets, procedures, customer search and its rules. */
@RegisterRestClient(configKey = "ticket")
@Path("/api/v1")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@ClientHeaderParam(name = "Authorization", value = "{io.postventa.console.clients.Bearer.header}")
public interface TicketClient {

    @GET
    @Path("/tickets")
    Response list(@QueryParam("status") String status, @QueryParam("reason") String reason,
            @QueryParam("teamId") String teamId, @QueryParam("agentId") String agentId,
            @QueryParam("unassigned") Boolean unassigned, @QueryParam("channel") String channel,
            @QueryParam("breached") Boolean breached, @QueryParam("dueBefore") String dueBefore,
            @QueryParam("customerId") String customerId, @QueryParam("page") int page, @QueryParam("size") int size);

    @GET
    @Path("/tickets/{id}")
    Response get(@PathParam("id") String id);

    /** The ticket with its reason's procedure and that reply drafted (agents and partner agents). */
    @GET
    @Path("/tickets/{id}/workspace")
    Response workspace(@PathParam("id") String id, @QueryParam("language") String language);

    @POST
    @Path("/tickets/next")
    Response takeNext();

    @POST
    @Path("/tickets/{id}/messages")
    Response addMessage(@PathParam("id") String id, @HeaderParam("If-Match") String version, Map<String, Object> body);

    @POST
    @Path("/tickets/{id}/status")
    Response changeStatus(@PathParam("id") String id, @HeaderParam("If-Match") String version, Map<String, Object> body);

    @PUT
    @Path("/tickets/{id}/reason")
    Response changeReason(@PathParam("id") String id, @HeaderParam("If-Match") String version, Map<String, Object> body);

    @PUT
    @Path("/tickets/{id}/priority")
    Response changePriority(@PathParam("id") String id, @HeaderParam("If-Match") String version, Map<String, Object> body);

    @POST
    @Path("/tickets/{id}/merge")
    Response merge(@PathParam("id") String id, @HeaderParam("If-Match") String version, Map<String, Object> body);

    @POST
    @Path("/tickets/{id}/procedure")
    Response applyProcedure(@PathParam("id") String id, @HeaderParam("If-Match") String version, Map<String, Object> body);

    @GET
    @Path("/tickets/{id}/procedures/{procedureId}/draft")
    Response draft(@PathParam("id") String id, @PathParam("procedureId") String procedureId,
            @QueryParam("language") String language);

    @POST
    @Path("/customers/search")
    Response searchCustomers(Map<String, Object> search);

    @GET
    @Path("/procedures")
    Response procedures();

    @GET
    @Path("/procedures/{id}")
    Response procedure(@PathParam("id") String id);

    @PUT
    @Path("/procedures/{id}")
    Response saveProcedure(@PathParam("id") String id, Object body);

    @GET
    @Path("/teams")
    Response teams();

    @PUT
    @Path("/teams/{id}")
    Response saveTeam(@PathParam("id") String id, Object body);

    @PUT
    @Path("/agents/{id}")
    Response saveAgent(@PathParam("id") String id, Object body);

    @GET
    @Path("/routing-rules")
    Response routing();

    @PUT
    @Path("/routing-rules/{reason}")
    Response saveRouting(@PathParam("reason") String reason, Object body);

    @GET
    @Path("/sla-policies")
    Response slaPolicies();

    @PUT
    @Path("/sla-policies/{id}")
    Response saveSlaPolicy(@PathParam("id") String id, Object body);

    @GET
    @Path("/priority-rules")
    Response priorityRules();

    @PUT
    @Path("/priority-rules")
    Response savePriorityRules(Object body);
}
