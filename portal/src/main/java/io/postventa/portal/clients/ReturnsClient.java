package io.postventa.portal.clients;

import org.eclipse.microprofile.rest.client.annotation.ClientHeaderParam;
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

/** returns-service as the customer: what can be returned, the request, its decision and label. */
@RegisterRestClient(configKey = "returns")
@Path("/api/v1")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@ClientHeaderParam(name = "Authorization", value = "{io.postventa.portal.clients.Bearer.header}")
public interface ReturnsClient {

    @GET
    @Path("/orders/{orderId}/return-eligibility")
    Response eligibility(@PathParam("orderId") String orderId, @HeaderParam("Accept-Language") String language);

    @POST
    @Path("/returns")
    Response create(@HeaderParam("Idempotency-Key") String idempotencyKey, @HeaderParam("Accept-Language") String language,
            Object body);

    @GET
    @Path("/returns/{returnId}")
    Response get(@PathParam("returnId") String returnId, @HeaderParam("Accept-Language") String language);

    @GET
    @Path("/returns/{returnId}/label")
    @Produces("application/pdf")
    Response label(@PathParam("returnId") String returnId, @HeaderParam("Accept-Language") String language);

    @POST
    @Path("/returns/{returnId}/photos")
    @Consumes(MediaType.APPLICATION_OCTET_STREAM)
    Response photo(@PathParam("returnId") String returnId, byte[] photo);

    @GET
    @Path("/customers/{customerId}/return-history")
    Response history(@PathParam("customerId") String customerId);
}
