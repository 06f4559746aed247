package io.postventa.returns.api;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

import io.postventa.events.common.ReturnReason;
import io.postventa.events.common.SkuQuantity;
import io.postventa.events.returns.InspectedLine;
import io.postventa.events.returns.ReturnOutcome;
import io.postventa.events.returns.ReturnResolution;
import io.postventa.returns.domain.ReturnStatus;
import io.postventa.returns.service.ReturnDecisionService;
import io.postventa.returns.service.ReturnLabels;
import io.postventa.returns.service.ReturnRequestService;
import io.postventa.returns.service.ReturnTexts;
import io.postventa.returns.service.ReturnDetails;
import io.postventa.returns.service.ShipmentService;
import io.postventa.web.Caller;
import io.postventa.web.Page;
import io.postventa.web.ProblemException;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/** Return requests: the customer's request, reading it back, manual review, shipment states and the label. */
@Path("/api/v1/returns")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class ReturnRequestResource {
    private final ReturnRequestService returns;
    private final ReturnDecisionService decisions;
    private final ShipmentService shipments;
    private final ReturnLabels labels;
    private final ReturnTexts texts;
    private final Caller caller;

    public ReturnRequestResource(ReturnRequestService returns, ReturnDecisionService decisions, ShipmentService shipments,
            ReturnLabels labels, ReturnTexts texts, Caller caller) {
        this.labels = labels;
        this.texts = texts;
        this.returns = returns;
        this.decisions = decisions;
        this.shipments = shipments;
        this.caller = caller;
    }

    /** One line to return. */
    public record LineRequest(@NotBlank @Size(max = 200) String sku, @NotNull @Min(1) @Max(10000) Integer quantity,
            @NotNull ReturnReason reason) {
    }

    /** A return request. */
    public record CreateReturnRequest(@NotBlank @Size(max = 200) String orderId,
            @NotEmpty @Size(max = 100) List<@Valid @NotNull LineRequest> lines,
            @NotNull ReturnResolution preferredResolution, @Size(max = 2000) String comment) {
    }

    /** An agent's review. */
    public record ReviewRequest(@NotNull ReturnOutcome outcome, @Size(max = 2000) String note) {
    }

    /** A shipment state reported by the platform or the warehouse. */
    public record ShipmentEventRequest(@NotNull ShipmentService.ShipmentEventType type, Instant occurredAt,
            @Size(max = 200) String carrier, @Size(max = 200) String trackingNumber, @Size(max = 200) String warehouseId,
            List<@Valid @NotNull SkuQuantity> lines, List<@Valid @NotNull InspectedLine> inspectedLines,
            @Size(max = 2000) String note, @Min(0) BigDecimal amount, @Size(max = 100) String refundMethod,
            @Size(max = 200) String refundReference, @Size(max = 200) String exchangeOrderId,
            List<@Valid @NotNull SkuQuantity> exchangeLines, @Size(max = 200) String creditReference,
            LocalDate expiresOn) {
    }

    @POST
    @RolesAllowed(Caller.CUSTOMER)
    @Operation(summary = "Request a return of the caller's order: 201 with the decision so far, 200 for a retry with the same Idempotency-Key")
    @APIResponse(responseCode = "200", description = "A retry with the same Idempotency-Key")
    @APIResponse(responseCode = "201", description = "Created")
    @APIResponse(responseCode = "400", description = "Invalid input: problem+json naming each bad field")
    @APIResponse(responseCode = "404", description = "Not found, or not the caller's")
    @APIResponse(responseCode = "422", description = "The return policy does not allow this return")
    public Response create(@HeaderParam("Idempotency-Key") String idempotencyKey, @Context HttpHeaders headers,
            @Valid @NotNull CreateReturnRequest request) {
        if (idempotencyKey != null && (idempotencyKey.isBlank() || idempotencyKey.length() > 200)) {
            throw ProblemException.badField("Idempotency-Key", "must be 1 to 200 characters");
        }
        ReturnRequestService.Created created = returns.create(caller.subject(), idempotencyKey,
                new ReturnRequestService.NewReturn(request.orderId(), request.lines().stream()
                        .map(l -> new ReturnRequestService.NewLine(l.sku(), l.quantity(), l.reason())).toList(),
                        request.preferredResolution(), request.comment()), texts.language(headers.getAcceptableLanguages()));
        return Response.status(created.created() ? 201 : 200)
                .header("Location", "/api/v1/returns/" + created.view().returnId()).entity(created.view()).build();
    }

    @GET
    @Path("/{returnId}")
    @RolesAllowed({Caller.CUSTOMER, Caller.AGENT, Caller.MANAGER, Caller.ADMIN})
    @Operation(summary = "One return with its lines, decision and shipment (its customer, or staff)")
    @APIResponse(responseCode = "200", description = "OK")
    @APIResponse(responseCode = "404", description = "Not found, or not the caller's")
    public ReturnDetails get(@PathParam("returnId") String returnId, @Context HttpHeaders headers) {
        return returns.get(returnId, caller.isOnlyCustomer() ? caller.subject() : null,
                texts.language(headers.getAcceptableLanguages()));
    }

    @GET
    @RolesAllowed({Caller.AGENT, Caller.MANAGER, Caller.ADMIN})
    @Operation(summary = "Returns, newest first, optionally by status (staff)")
    @APIResponse(responseCode = "200", description = "OK")
    @APIResponse(responseCode = "400", description = "Invalid input: problem+json naming each bad field")
    public Page<ReturnDetails> list(@QueryParam("status") String status, @QueryParam("page") @DefaultValue("0") int page,
            @QueryParam("size") @DefaultValue("20") int size) {
        Page.check(page, size);
        ReturnStatus wanted = null;
        if (status != null) {
            try {
                wanted = ReturnStatus.valueOf(status);
            } catch (IllegalArgumentException e) {
                throw ProblemException.badField("status", "'" + status + "' is not one of " + List.of(ReturnStatus.values()));
            }
        }
        return returns.list(wanted, page, size);
    }

    @POST
    @Path("/{returnId}/review")
    @RolesAllowed({Caller.AGENT, Caller.ADMIN})
    @Operation(summary = "An agent's decision on a return in review")
    @APIResponse(responseCode = "200", description = "OK")
    @APIResponse(responseCode = "400", description = "Invalid input: problem+json naming each bad field")
    @APIResponse(responseCode = "404", description = "Not found, or not the caller's")
    @APIResponse(responseCode = "409", description = "The return is not IN_REVIEW")
    public ReturnDetails review(@PathParam("returnId") String returnId, @Valid @NotNull ReviewRequest review) {
        return decisions.review(returnId, caller.subject(), new ReturnDecisionService.Review(review.outcome(), review.note()));
    }

    @POST
    @Path("/{returnId}/events")
    @RolesAllowed(Caller.PLATFORM)
    @Operation(summary = "Record a return shipment's state (label issued, in transit, received, inspected, refunded …)")
    @APIResponse(responseCode = "200", description = "OK")
    @APIResponse(responseCode = "400", description = "Invalid input: problem+json naming each bad field")
    @APIResponse(responseCode = "404", description = "Not found, or not the caller's")
    @APIResponse(responseCode = "409", description = "The return cannot move to that state from its current one")
    public ReturnDetails event(@PathParam("returnId") String returnId, @Valid @NotNull ShipmentEventRequest e) {
        return shipments.record(returnId, new ShipmentService.ShipmentEvent(e.type(), e.occurredAt(), e.carrier(),
                e.trackingNumber(), e.warehouseId(), e.lines(), e.inspectedLines(), e.note(), e.amount(),
                e.refundMethod(), e.refundReference(), e.exchangeOrderId(), e.exchangeLines(), e.creditReference(),
                e.expiresOn()));
    }

    @GET
    @Path("/{returnId}/label")
    @Produces("application/pdf")
    @RolesAllowed({Caller.CUSTOMER, Caller.AGENT})
    @Operation(summary = "The return's shipping label as PDF (its customer, or agents)")
    @APIResponse(responseCode = "200", description = "OK")
    @APIResponse(responseCode = "404", description = "Not found, or not the caller's")
    @APIResponse(responseCode = "410", description = "The label file was erased with the customer's data")
    public Response label(@PathParam("returnId") String returnId, @Context HttpHeaders headers) {
        byte[] pdf = labels.download(returnId, caller.isOnlyCustomer() ? caller.subject() : null,
                texts.language(headers.getAcceptableLanguages()));
        return Response.ok(pdf, "application/pdf")
                .header("Content-Disposition", "attachment; filename=\"" + returnId + "-label.pdf\"").build();
    }
}
