package io.postventa.orderstatus.api;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

import io.postventa.orderstatus.service.WebhookService;
import io.postventa.orderstatus.service.WebhookService.Receipt;
import io.postventa.orderstatus.service.WebhookSignature;
import io.postventa.web.Caller;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/** Webhook for platforms that cannot write to Kafka: one orders.lifecycle.v1 event per call. */
@Path("/api/v1/order-events")
@RolesAllowed(Caller.PLATFORM)
public class OrderEventsResource {
    private final WebhookService webhooks;
    private final Caller caller;

    public OrderEventsResource(WebhookService webhooks, Caller caller) {
        this.webhooks = webhooks;
        this.caller = caller;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Report an order event (the orders.lifecycle.v1 JSON); 202 once written, 200 for a retry of the same eventId")
    @APIResponse(responseCode = "200", description = "A retry of an event already accepted")
    @APIResponse(responseCode = "202", description = "Written to orders.lifecycle.v1")
    @APIResponse(responseCode = "400", description = "Invalid input: problem+json naming each bad field")
    public Response report(byte[] body, @HeaderParam(WebhookSignature.HEADER) String signature,
            @HeaderParam(WebhookSignature.TIMESTAMP_HEADER) String timestamp) {
        webhooks.verifySignature(caller.subject(), body, signature, timestamp);
        Receipt receipt = webhooks.acceptOrderEvent(caller.subject(), WebhookService.object(body));
        return Response.status("accepted".equals(receipt.outcome()) ? 202 : 200).entity(receipt).build();
    }
}
