package io.postventa.orderstatus.api;

import java.util.ArrayList;
import java.util.List;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.postventa.events.Topics;
import io.postventa.orderstatus.service.CustomerTombstones;
import io.postventa.orderstatus.service.WebhookService;
import io.postventa.orderstatus.service.WebhookService.Receipt;
import io.postventa.orderstatus.service.WebhookSignature;
import io.postventa.web.Caller;
import io.postventa.web.Problem;
import io.postventa.web.ProblemException;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/**
 * Webhook for customers.v1: the customer's full contact record (a CUSTOMER_UPSERTED JSON), or
 * {@code {"customerId": "...", "erase": true}} to erase the customer (a tombstone).
 */
@Path("/api/v1/customer-events")
@RolesAllowed(Caller.PLATFORM)
public class CustomerEventsResource {
    private final WebhookService webhooks;
    private final CustomerTombstones tombstones;
    private final Caller caller;

    public CustomerEventsResource(WebhookService webhooks, CustomerTombstones tombstones, Caller caller) {
        this.webhooks = webhooks;
        this.tombstones = tombstones;
        this.caller = caller;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Upsert a customer's contact record, or erase the customer with \"erase\": true")
    @APIResponse(responseCode = "200", description = "A retry of an event already accepted")
    @APIResponse(responseCode = "202", description = "Written to customers.v1")
    @APIResponse(responseCode = "400", description = "Invalid input: problem+json naming each bad field")
    @APIResponse(responseCode = "503", description = "The erasure could not be written yet; retry")
    public Response report(byte[] body, @HeaderParam(WebhookSignature.HEADER) String signature,
            @HeaderParam(WebhookSignature.TIMESTAMP_HEADER) String timestamp) {
        webhooks.verifySignature(caller.subject(), body, signature, timestamp);
        ObjectNode tree = WebhookService.object(body);
        JsonNode erase = tree.remove("erase");
        if (erase != null && !erase.isBoolean()) {
            throw ProblemException.badField("erase", "must be true or false");
        }
        if (erase != null && erase.asBoolean()) {
            String customerId = text(tree, "customerId");
            String eventId = text(tree, "eventId");
            List<Problem.FieldError> errors = new ArrayList<>();
            if (customerId == null || customerId.isBlank() || customerId.length() > 200) {
                errors.add(new Problem.FieldError("customerId", "is required: 1 to 200 characters"));
            }
            if (eventId != null && (eventId.isBlank() || eventId.length() > 200)) {
                errors.add(new Problem.FieldError("eventId", "must be 1 to 200 characters"));
            }
            if (!errors.isEmpty()) {
                throw ProblemException.badFields(errors);
            }
            String id = tombstones.erase(caller.subject(), customerId, eventId);
            return Response.status(202).entity(new Receipt(id, customerId, Topics.CUSTOMERS, "erased")).build();
        }
        Receipt receipt = webhooks.acceptCustomer(caller.subject(), tree);
        return Response.status("accepted".equals(receipt.outcome()) ? 202 : 200).entity(receipt).build();
    }

    private static String text(ObjectNode tree, String field) {
        JsonNode value = tree.get(field);
        return value == null || value.isNull() ? null : value.asText();
    }
}
