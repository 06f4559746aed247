package io.postventa.notification.api;

import java.util.List;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

import io.postventa.notification.domain.TemplateVariant;
import io.postventa.notification.service.TemplateAdminService;
import io.postventa.notification.service.TemplateAdminService.Preview;
import io.postventa.notification.service.TemplateAdminService.TemplateView;
import io.postventa.web.Caller;
import io.postventa.web.Page;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

/** Message templates (trigger x channel x locale, with A/B variants): list, read, update with validation, preview. */
@Path("/api/v1/templates")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@RolesAllowed(Caller.ADMIN)
public class TemplateResource {
    private final TemplateAdminService templates;
    private final Caller caller;

    public TemplateResource(TemplateAdminService templates, Caller caller) {
        this.templates = templates;
        this.caller = caller;
    }

    /** A template update: the complete list of variants; version is the one read (optimistic check), optional. */
    public record TemplateUpdate(List<TemplateVariant> variants, Integer version) {
    }

    /** Preview request: optional draft variants (else the stored ones) and a purchase number for the sample. */
    public record PreviewRequest(List<TemplateVariant> variants, Integer purchaseNumber) {
    }

    @GET
    @Operation(summary = "Message templates by trigger, channel and locale")
    @APIResponse(responseCode = "200", description = "OK")
    @APIResponse(responseCode = "400", description = "Invalid input: problem+json naming each bad field")
    public Page<TemplateView> list(@QueryParam("trigger") String trigger, @QueryParam("channel") String channel,
            @QueryParam("locale") String locale, @QueryParam("page") @DefaultValue("0") int page,
            @QueryParam("size") @DefaultValue("50") int size) {
        Page.check(page, size);
        return templates.list(trigger, channel, locale, page, size);
    }

    @GET
    @Path("{id}")
    @Operation(summary = "One message template with its variants")
    @APIResponse(responseCode = "200", description = "OK")
    @APIResponse(responseCode = "404", description = "Not found, or not the caller's")
    public TemplateView get(@PathParam("id") String id) {
        return templates.get(id);
    }

    @PUT
    @Path("{id}")
    @Operation(summary = "Replace a template's variants (a new version); 409 when version is not the one in force")
    @APIResponse(responseCode = "200", description = "OK")
    @APIResponse(responseCode = "400", description = "Invalid input: problem+json naming each bad field")
    @APIResponse(responseCode = "404", description = "Not found, or not the caller's")
    @APIResponse(responseCode = "409", description = "Conflicts with the current state")
    public TemplateView update(@PathParam("id") String id, TemplateUpdate update) {
        return templates.update(id, update == null ? null : update.variants(), update == null ? null : update.version(),
                caller.subject());
    }

    @POST
    @Path("{id}/preview")
    @Operation(summary = "Render a template's variants with example data, before saving them")
    @APIResponse(responseCode = "200", description = "OK")
    @APIResponse(responseCode = "400", description = "Invalid input: problem+json naming each bad field")
    @APIResponse(responseCode = "404", description = "Not found, or not the caller's")
    public List<Preview> preview(@PathParam("id") String id, PreviewRequest request) {
        return templates.preview(id, request == null ? null : request.variants(),
                request == null ? null : request.purchaseNumber());
    }
}
