package io.postventa.ticket.api;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

import io.postventa.ticket.service.IvrMenu;
import io.postventa.web.Caller;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

/** The IVR menu as the phone system reads it to a caller: each option's digit, reason and prompt, in a language. */
@Path("/api/v1/ivr-menu")
@Produces(MediaType.APPLICATION_JSON)
public class IvrMenuResource {
    private final IvrMenu menu;

    public IvrMenuResource(IvrMenu menu) {
        this.menu = menu;
    }

    @GET
    @RolesAllowed({Caller.PLATFORM, Caller.AGENT, Caller.ADMIN, Caller.MANAGER})
    @Operation(summary = "The phone menu's options in a language")
    @APIResponse(responseCode = "200", description = "OK")
    @APIResponse(responseCode = "400", description = "Invalid input: problem+json naming each bad field")
    public IvrMenu.Menu menu(@QueryParam("language") String language) {
        return menu.in(language);
    }
}
