package io.postventa.returns.api;

import java.util.List;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

import io.postventa.returns.service.ReturnPhotoService;
import io.postventa.web.Caller;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/** Photos of a damaged item sent with a return: the customer adds them, the customer and agents look at them. */
@Path("/api/v1/returns/{returnId}/photos")
public class ReturnPhotoResource {
    private final ReturnPhotoService photos;
    private final Caller caller;

    public ReturnPhotoResource(ReturnPhotoService photos, Caller caller) {
        this.photos = photos;
        this.caller = caller;
    }

    @POST
    @Consumes({"image/jpeg", "image/png", MediaType.APPLICATION_OCTET_STREAM})
    @Produces(MediaType.APPLICATION_JSON)
    @RolesAllowed(Caller.CUSTOMER)
    @Operation(summary = "Adds a photo (the body, JPEG or PNG) to the caller's return: 201; 413 too large, 415 not a JPEG or PNG")
    @APIResponse(responseCode = "201", description = "Created")
    @APIResponse(responseCode = "400", description = "Invalid input: problem+json naming each bad field")
    @APIResponse(responseCode = "404", description = "Not found, or not the caller's")
    @APIResponse(responseCode = "409", description = "The return has all its photos already, or its personal data was erased")
    @APIResponse(responseCode = "413", description = "Too large")
    @APIResponse(responseCode = "415", description = "Not a supported media type")
    public Response add(@PathParam("returnId") String returnId, @HeaderParam("Content-Type") String type, byte[] body) {
        ReturnPhotoService.PhotoView view = photos.add(returnId, caller.subject(), type, body);
        return Response.status(201).header("Location", "/api/v1/returns/" + returnId + "/photos/" + view.photoId())
                .entity(view).build();
    }

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    @RolesAllowed({Caller.CUSTOMER, Caller.AGENT})
    @Operation(summary = "The photos of a return (its customer, or agents)")
    @APIResponse(responseCode = "200", description = "OK")
    @APIResponse(responseCode = "404", description = "Not found, or not the caller's")
    public List<ReturnPhotoService.PhotoView> list(@PathParam("returnId") String returnId) {
        return photos.list(returnId, caller.isOnlyCustomer() ? caller.subject() : null);
    }

    @GET
    @Path("/{photoId}")
    @Produces({"image/jpeg", "image/png"})
    @RolesAllowed({Caller.CUSTOMER, Caller.AGENT})
    @Operation(summary = "One photo of a return, as JPEG or PNG (its customer, or agents)")
    @APIResponse(responseCode = "200", description = "OK")
    @APIResponse(responseCode = "404", description = "Not found, or not the caller's")
    public Response get(@PathParam("returnId") String returnId, @PathParam("photoId") String photoId) {
        ReturnPhotoService.PhotoFile file = photos.get(returnId, photoId, caller.isOnlyCustomer() ? caller.subject() : null);
        return Response.ok(file.data(), file.contentType()).build();
    }
}
